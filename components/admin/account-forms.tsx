"use client";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { changePasswordAction, newRecoveryCodesAction } from "@/lib/admin/actions/account";
import { INITIAL_STATE } from "@/lib/admin/result";
import { describedBy, FieldError, FormMessage, inputClass, labelClass, primaryButton } from "@/components/admin/form-bits";
import { RecoveryCodes } from "@/components/admin/recovery-codes";

export function ChangePasswordForm() {
  const t = useTranslations("Admin.account");
  const [state, action, pending] = useActionState(changePasswordAction, INITIAL_STATE);
  return (
    <form action={action} className="mt-3 max-w-md space-y-3" data-testid="change-password">
      <div>
        <label htmlFor="pw-current" className={labelClass}>
          {t("current")}
        </label>
        <input id="pw-current" name="current" type="password" autoComplete="current-password" required className={inputClass} aria-describedby={describedBy(state, "current")} />
        <FieldError state={state} name="current" />
      </div>
      <div>
        <label htmlFor="pw-new" className={labelClass}>
          {t("new")}
        </label>
        <p id="pw-hint" className="text-sm text-slate-700">
          {t("hint")}
        </p>
        <input id="pw-new" name="password" type="password" autoComplete="new-password" required minLength={8} className={inputClass} aria-describedby={describedBy(state, "password", "pw-hint")} />
        <FieldError state={state} name="password" />
      </div>
      <div>
        <label htmlFor="pw-confirm" className={labelClass}>
          {t("confirm")}
        </label>
        <input id="pw-confirm" name="confirm" type="password" autoComplete="new-password" required className={inputClass} aria-describedby={describedBy(state, "confirm")} />
        <FieldError state={state} name="confirm" />
      </div>
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
      <div>
        <label htmlFor="codes-current" className={labelClass}>
          {t("current")}
        </label>
        <input id="codes-current" name="current" type="password" autoComplete="current-password" required className={inputClass} aria-describedby={describedBy(state, "current")} />
        <FieldError state={state} name="current" />
      </div>
      <FormMessage state={state} pending={pending} />
      <button type="submit" className={primaryButton} disabled={pending}>
        {t("newCodes")}
      </button>
    </form>
  );
}
