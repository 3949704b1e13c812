"use client";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { createUserAction, updateUserAction } from "@/lib/admin/actions/users";
import { INITIAL_STATE, type ActionState } from "@/lib/admin/result";
import type { Role } from "@/lib/auth/users";
import type { Locale } from "@/lib/i18n/routing";
import { CopyButton } from "@/components/ui/copy-button";
import { FormMessage, inputClass, labelClass, primaryButton, secondaryButton, TextField } from "@/components/admin/form-bits";

// Not imported from lib/auth/users: that module brings zod, whose eval probe the CSP would report.
const ROLES: readonly Role[] = ["editor", "admin"];

function SetupLink({ state }: { state: ActionState }) {
  const t = useTranslations("Admin.users");
  if (!state.ok || !state.setupLink) return null;
  return (
    <div role="status" className="rounded border-l-4 border-emerald-700 bg-emerald-50 p-3" data-testid="setup-link">
      <p className="font-semibold">{t("linkReady")}</p>
      <p className="mt-1 break-all font-mono text-sm" data-testid="setup-link-url">
        {state.setupLink}
      </p>
      <CopyButton text={state.setupLink} label={t("copyLink")} done={t("copied")} failed={t("copyFailed")} />
    </div>
  );
}

export function NewUserForm({ locale }: { locale: Locale }) {
  const t = useTranslations("Admin");
  const [state, action, pending] = useActionState(createUserAction, INITIAL_STATE);
  return (
    <form action={action} className="mt-3 grid max-w-3xl gap-3 md:grid-cols-3" data-testid="new-user">
      <input type="hidden" name="locale" value={locale} />
      <TextField id="new-name" name="name" label={t("users.name")} state={state} required />
      <TextField id="new-email" name="email" label={t("users.email")} state={state} type="email" required />
      <div>
        <label htmlFor="new-role" className={labelClass}>
          {t("users.role")}
        </label>
        <select id="new-role" name="role" defaultValue="editor" className={inputClass}>
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {t(`roles.${r}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="md:col-span-3">
        <button type="submit" className={primaryButton} disabled={pending}>
          {t("users.create")}
        </button>
      </div>
      <div className="md:col-span-3 space-y-2">
        {state.ok ? null : <FormMessage state={state} />}
        <SetupLink state={state} />
      </div>
    </form>
  );
}

/** Role, disable/enable and reset for one person; each button is its own small form. */
export function UserControls({ id, role, disabled, self, locale, name }: { id: number; role: Role; disabled: boolean; self: boolean; locale: Locale; name: string }) {
  const t = useTranslations("Admin.users");
  const tr = useTranslations("Admin.roles");
  const [state, action, pending] = useActionState(updateUserAction, INITIAL_STATE);
  const button = `${secondaryButton} px-2 py-1 text-sm`;
  return (
    <div className="space-y-2">
      <div className="flex flex-wrap gap-2">
        {!self ? (
          <form action={action}>
            <input type="hidden" name="id" value={id} />
            <input type="hidden" name="locale" value={locale} />
            <input type="hidden" name="op" value="role" />
            <input type="hidden" name="role" value={role === "admin" ? "editor" : "admin"} />
            <button type="submit" className={button} disabled={pending}>
              {t("makeRole", { role: tr(role === "admin" ? "editor" : "admin") })}
              <span className="sr-only"> ({name})</span>
            </button>
          </form>
        ) : null}
        {!self ? (
          <form action={action}>
            <input type="hidden" name="id" value={id} />
            <input type="hidden" name="locale" value={locale} />
            <input type="hidden" name="op" value={disabled ? "enable" : "disable"} />
            <button type="submit" className={button} disabled={pending}>
              {t(disabled ? "enable" : "disable")}
              <span className="sr-only"> ({name})</span>
            </button>
          </form>
        ) : null}
        <form action={action}>
          <input type="hidden" name="id" value={id} />
          <input type="hidden" name="locale" value={locale} />
          <input type="hidden" name="op" value="reset" />
          <button type="submit" className={button} disabled={pending}>
            {t("reset")}
            <span className="sr-only"> ({name})</span>
          </button>
        </form>
      </div>
      {state.ok && !state.setupLink ? null : <FormMessage state={state} />}
      <SetupLink state={state} />
    </div>
  );
}
