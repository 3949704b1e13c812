"use client";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { completeSetup } from "@/lib/admin/actions/auth";
import { INITIAL_STATE } from "@/lib/admin/result";
import { Link } from "@/lib/i18n/navigation";
import { describedBy, FieldError, FormMessage, inputClass, labelClass, primaryButton } from "@/components/admin/form-bits";
import { RecoveryCodes } from "@/components/admin/recovery-codes";

/** Choose a password, pair the authenticator app, then see the recovery codes once. */
export function SetupForm({ token, secret, qrSvg, email }: { token: string; secret: string; qrSvg: string; email: string }) {
  const t = useTranslations("Admin.setup");
  const [state, action, pending] = useActionState(completeSetup, INITIAL_STATE);
  if (state.ok && state.recoveryCodes)
    return (
      <div className="mt-4 space-y-4" data-testid="setup-done">
        <p role="status" className="font-semibold text-emerald-900">
          <span aria-hidden="true">✓ </span>
          {t("done")}
        </p>
        <RecoveryCodes codes={state.recoveryCodes} />
        <Link href="/admin/sign-in" className={primaryButton}>
          {t("continue")}
        </Link>
      </div>
    );
  return (
    <form action={action} className="mt-4 max-w-2xl space-y-6" data-testid="setup-form">
      <input type="hidden" name="token" value={token} />
      <input type="hidden" name="secret" value={secret} />
      <input type="hidden" name="email" value={email} autoComplete="username" />
      <FormMessage state={state} />
      <fieldset className="space-y-3">
        <legend className="text-xl font-bold">{t("passwordHeading")}</legend>
        <p id="password-hint" className="text-slate-800">
          {t("passwordHint")}
        </p>
        <div>
          <label htmlFor="password" className={labelClass}>
            {t("password")}
          </label>
          <input id="password" name="password" type="password" autoComplete="new-password" required minLength={8} className={inputClass} aria-describedby={describedBy(state, "password", "password-hint")} />
          <FieldError state={state} name="password" />
        </div>
        <div>
          <label htmlFor="confirm" className={labelClass}>
            {t("confirm")}
          </label>
          <input id="confirm" name="confirm" type="password" autoComplete="new-password" required className={inputClass} aria-describedby={describedBy(state, "confirm")} />
          <FieldError state={state} name="confirm" />
        </div>
      </fieldset>
      <fieldset className="space-y-3">
        <legend className="text-xl font-bold">{t("appHeading")}</legend>
        <p className="text-slate-800">{t("appHint")}</p>
        <div className="h-48 w-48 border border-slate-300 bg-white p-2" role="img" aria-label={t("qrLabel")} dangerouslySetInnerHTML={{ __html: qrSvg }} />
        <p className="text-slate-800">
          {t("manual")} <code className="break-all rounded bg-slate-100 px-1 font-mono" data-testid="totp-secret">{secret.replace(/(.{4})/g, "$1 ").trim()}</code>
        </p>
        <div>
          <label htmlFor="code" className={labelClass}>
            {t("code")}
          </label>
          <input id="code" name="code" type="text" inputMode="numeric" autoComplete="one-time-code" pattern="[0-9 ]{6,7}" required className={`${inputClass} max-w-xs font-mono text-lg`} aria-describedby={describedBy(state, "code")} />
          <FieldError state={state} name="code" />
        </div>
      </fieldset>
      <button type="submit" className={primaryButton} disabled={pending}>
        {t("submit")}
      </button>
    </form>
  );
}
