"use client";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { restoreAlertRevision } from "@/lib/admin/actions/alerts";
import { restoreContentRevision } from "@/lib/admin/actions/content";
import { INITIAL_STATE } from "@/lib/admin/result";
import { FormMessage, secondaryButton } from "@/components/admin/form-bits";

const ACTIONS = { alert: restoreAlertRevision, content: restoreContentRevision } as const;

/** Restores one revision (as a new revision; nothing in between is lost). */
export function RestoreButton({ target, fields, revision }: { target: keyof typeof ACTIONS; fields: Record<string, string>; revision: number }) {
  const t = useTranslations("Admin.revisions");
  const [state, action, pending] = useActionState(ACTIONS[target], INITIAL_STATE);
  return (
    <form action={action} className="inline">
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <input type="hidden" name="revision" value={revision} />
      <button type="submit" className={`${secondaryButton} px-2 py-1 text-sm`} disabled={pending} data-testid={`restore-${revision}`}>
        {t("restore", { revision })}
      </button>
      <FormMessage state={state} />
    </form>
  );
}
