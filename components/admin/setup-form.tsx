"use client";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { completeSetup } from "@/lib/admin/actions/auth";
import { INITIAL_STATE } from "@/lib/admin/result";
import { Link } from "@/lib/i18n/navigation";
import { FormMessage, primaryButton, TextField } from "@/components/admin/form-bits";
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
        <TextField id="password" name="password" label={t("password")} hint={t("passwordHint")} state={state} type="password" autoComplete="new-password" required minLength={8} />
        <TextField id="confirm" name="confirm" label={t("confirm")} state={state} type="password" autoComplete="new-password" required />
      </fieldset>
      <fieldset className="space-y-3">
        <legend className="text-xl font-bold">{t("appHeading")}</legend>
        <p className="text-slate-800">{t("appHint")}</p>
        <div className="h-48 w-48 border border-slate-300 bg-white p-2" role="img" aria-label={t("qrLabel")} dangerouslySetInnerHTML={{ __html: qrSvg }} />
        <p className="text-slate-800">
          {t("manual")} <code className="break-all rounded bg-slate-100 px-1 font-mono" data-testid="totp-secret">{secret.replace(/(.{4})/g, "$1 ").trim()}</code>
        </p>
        <TextField id="code" name="code" label={t("code")} state={state} type="text" inputMode="numeric" autoComplete="one-time-code" pattern="[0-9 ]{6,7}" required />
      </fieldset>
      <button type="submit" className={primaryButton} disabled={pending}>
        {t("submit")}
      </button>
    </form>
  );
}
