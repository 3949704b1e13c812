"use client";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { signIn, verifySecondFactor } from "@/lib/admin/actions/auth";
import { INITIAL_STATE } from "@/lib/admin/result";
import type { Locale } from "@/lib/i18n/routing";
import { FormMessage, inputClass, labelClass, primaryButton } from "@/components/admin/form-bits";

export function SignInForm({ locale, next }: { locale: Locale; next: string }) {
  const t = useTranslations("Admin.signIn");
  const [state, action, pending] = useActionState(signIn, INITIAL_STATE);
  return (
    <form action={action} className="mt-4 max-w-md space-y-4" data-testid="sign-in-form">
      <input type="hidden" name="locale" value={locale} />
      <input type="hidden" name="next" value={next} />
      <FormMessage state={state} />
      <div>
        <label htmlFor="email" className={labelClass}>
          {t("email")}
        </label>
        <input id="email" name="email" type="email" autoComplete="username" required className={inputClass} />
      </div>
      <div>
        <label htmlFor="password" className={labelClass}>
          {t("password")}
        </label>
        <input id="password" name="password" type="password" autoComplete="current-password" required className={inputClass} />
      </div>
      <button type="submit" className={primaryButton} disabled={pending}>
        {t("submit")}
      </button>
    </form>
  );
}

export function VerifyForm({ locale, next }: { locale: Locale; next: string }) {
  const t = useTranslations("Admin.verify");
  const [state, action, pending] = useActionState(verifySecondFactor, INITIAL_STATE);
  return (
    <form action={action} className="mt-4 max-w-md space-y-4" data-testid="verify-form">
      <input type="hidden" name="locale" value={locale} />
      <input type="hidden" name="next" value={next} />
      <FormMessage state={state} />
      <div>
        <label htmlFor="code" className={labelClass}>
          {t("code")}
        </label>
        <p id="code-hint" className="text-sm text-slate-700">
          {t("codeHint")}
        </p>
        <input id="code" name="code" type="text" inputMode="text" autoComplete="one-time-code" required maxLength={40} aria-describedby="code-hint" className={`${inputClass} max-w-xs font-mono text-lg`} />
      </div>
      <button type="submit" className={primaryButton} disabled={pending}>
        {t("submit")}
      </button>
    </form>
  );
}
