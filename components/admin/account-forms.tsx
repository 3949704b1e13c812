"use client";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { changePasswordAction, newRecoveryCodesAction } from "@/lib/admin/actions/account";
import { INITIAL_STATE } from "@/lib/admin/result";
import { FormMessage, primaryButton, TextField } from "@/components/admin/form-bits";
import { RecoveryCodes } from "@/components/admin/recovery-codes";

export function ChangePasswordForm() {
  const t = useTranslations("Admin.account");
  const [state, action, pending] = useActionState(changePasswordAction, INITIAL_STATE);
  return (
    <form action={action} className="mt-3 max-w-md space-y-3" data-testid="change-password">
      <TextField id="pw-current" name="current" label={t("current")} state={state} type="password" autoComplete="current-password" required />
      <TextField id="pw-new" name="password" label={t("new")} hint={t("hint")} state={state} type="password" autoComplete="new-password" required minLength={8} />
      <TextField id="pw-confirm" name="confirm" label={t("confirm")} state={state} type="password" autoComplete="new-password" required />
      <FormMessage state={state} pending={pending} />
      <button type="submit" className={primaryButton} disabled={pending}>
        {t("changePassword")}
      </button>
    </form>
  );
}

export function RecoveryCodesForm() {
  const t = useTranslations("Admin.account");
  const [state, action, pending] = useActionState(newRecoveryCodesAction, INITIAL_STATE);
  if (state.ok && state.recoveryCodes) return <RecoveryCodes codes={state.recoveryCodes} />;
  return (
    <form action={action} className="mt-3 max-w-md space-y-3" data-testid="new-codes">
      <TextField id="codes-current" name="current" label={t("current")} state={state} type="password" autoComplete="current-password" required />
      <FormMessage state={state} pending={pending} />
      <button type="submit" className={primaryButton} disabled={pending}>
        {t("newCodes")}
      </button>
    </form>
  );
}
