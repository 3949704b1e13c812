"use client";
import { useTranslations } from "next-intl";
import type { ActionState } from "@/lib/admin/result";
import type { Locale } from "@/lib/i18n/routing";

/**
 * Shown while only one language has been edited; when publishing such an edit the server asks for
 * this box to be ticked, so a correction in one language never goes out by accident alone.
 */
export function OneSidedWarning({ edited, state }: { edited: readonly Locale[]; state: ActionState }) {
  const t = useTranslations("Admin.oneSided");
  const asked = state.error === "one-sided";
  if (edited.length !== 1 && !asked) return null;
  const changed = (edited.length === 1 ? edited[0] : state.changed?.[0]) as Locale;
  return (
    <div className="rounded border-l-4 border-amber-600 bg-amber-50 p-3" data-testid="one-sided" role={asked ? "alert" : "status"}>
      <p className="font-semibold text-slate-900">
        <span aria-hidden="true">⚠ </span>
        {t(changed === "en" ? "onlyEnglish" : "onlySpanish")}
      </p>
      {asked || edited.length === 1 ? (
        <label className="mt-2 flex items-start gap-2">
          <input type="checkbox" name="confirm_one_sided" className="mt-1" data-testid="confirm-one-sided" />
          <span>{t("confirm")}</span>
        </label>
      ) : null}
    </div>
  );
}
