"use client";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { signIn, verifySecondFactor } from "@/lib/admin/actions/auth";
import { INITIAL_STATE } from "@/lib/admin/result";
import type { Locale } from "@/lib/i18n/routing";
import { FormMessage, primaryButton, TextField } from "@/components/admin/form-bits";

export function SignInForm({ locale, next }: { locale: Locale; next: string }) {
  const t = useTranslations("Admin.signIn");
  const [state, action, pending] = useActionState(signIn, INITIAL_STATE);
  return (
    <form action={action} className="mt-4 max-w-md space-y-4" data-testid="sign-in-form">
      <input type="hidden" name="locale" value={locale} />
      <input type="hidden" name="next" value={next} />
      <FormMessage state={state} />
      <TextField id="email" name="email" label={t("email")} state={state} type="email" autoComplete="username" required />
      <TextField id="password" name="password" label={t("password")} state={state} type="password" autoComplete="current-password" required />
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
      <TextField id="code" name="code" label={t("code")} hint={t("codeHint")} state={state} type="text" autoComplete="one-time-code" required maxLength={40} />
      <button type="submit" className={primaryButton} disabled={pending}>
        {t("submit")}
      </button>
    </form>
  );
}
