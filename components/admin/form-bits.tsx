"use client";
/** Small pieces every admin form uses: error summaries, field errors, the saved line. */
import type React from "react";
import { useTranslations } from "next-intl";
import type { ActionState } from "@/lib/admin/result";
import type { Locale } from "@/lib/i18n/routing";
import { OneSidedWarning } from "@/components/admin/one-sided";

export const inputClass = "mt-1 block w-full rounded border border-slate-500 bg-white px-2 py-1.5 text-slate-900";
export const labelClass = "block font-semibold text-slate-900";
export const primaryButton = "rounded bg-sky-800 px-4 py-2 font-semibold text-white hover:bg-sky-900 disabled:opacity-60";
export const secondaryButton = "rounded border border-slate-500 bg-white px-4 py-2 font-semibold text-slate-900 hover:bg-slate-100 disabled:opacity-60";

/** The message under a field, tied to it with aria-describedby by the caller (id = `${id}-error`; id defaults to the name). */
export function FieldError({ state, name, id = name }: { state: ActionState; name: string; id?: string }) {
  const t = useTranslations("Admin.fieldErrors");
  const key = state.fields?.[name];
  if (!key) return null;
  return (
    <p id={`${id}-error`} className="mt-1 text-sm font-semibold text-red-800">
      <span aria-hidden="true">✕ </span>
      {t(key as never)}
    </p>
  );
}

/** The form's outcome, announced to screen readers (role=alert for errors, status for success). */
export function FormMessage({ state, pending }: { state: ActionState; pending?: boolean }) {
  const t = useTranslations("Admin");
  if (pending) return <p role="status" className="text-slate-800">{t("saving")}</p>;
  if (state.ok && state.savedAt)
    return (
      <p role="status" className="font-semibold text-emerald-900" data-testid="form-saved">
        <span aria-hidden="true">✓ </span>
        {state.savedStatus ? t(`savedAs.${state.savedStatus as "draft"}`) : t("saved")}
      </p>
    );
  if (!state.error) return null;
  return (
    <div role="alert" className="rounded border-l-4 border-red-700 bg-red-50 p-3 text-red-900" data-testid="form-error">
      <p className="font-semibold">
        <span aria-hidden="true">✕ </span>
        {t(`errors.${state.error}`, { seconds: state.retryAfterS ?? 0 })}
      </p>
      {state.details?.length ? (
        <ul className="mt-1 list-disc pl-5 font-mono text-sm">
          {state.details.map((d) => (
            <li key={d}>
              {d}: <span className="font-sans">{t("fieldErrors.invalid")}</span>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

export function describedBy(state: ActionState, name: string, extra?: string, id = name): string | undefined {
  const ids = [state.fields?.[name] ? `${id}-error` : null, extra].filter(Boolean);
  return ids.length ? ids.join(" ") : undefined;
}

/**
 * A labelled single-line field with its optional hint and its error, wired together with
 * aria-describedby. Extra input attributes (type, autoComplete, required, pattern…) pass through.
 */
export function TextField({ id, name, label, hint, state, className, ...input }: { id: string; name: string; label: string; hint?: string; state: ActionState; className?: string } & Omit<React.InputHTMLAttributes<HTMLInputElement>, "id" | "name">) {
  return (
    <div className={className}>
      <label htmlFor={id} className={labelClass}>
        {label}
      </label>
      {hint ? (
        <p id={`${id}-hint`} className="text-sm text-slate-700">
          {hint}
        </p>
      ) : null}
      <input id={id} name={name} className={inputClass} aria-describedby={describedBy(state, name, hint ? `${id}-hint` : undefined, id)} {...input} />
      <FieldError state={state} name={name} id={id} />
    </div>
  );
}

/** The end of both editors: the one-language warning, the outcome, Publish and Save as draft. */
export function PublishBar({ edited, state, pending }: { edited: readonly Locale[]; state: ActionState; pending: boolean }) {
  const t = useTranslations("Admin");
  return (
    <>
      <OneSidedWarning edited={edited} state={state} />
      <FormMessage state={state} pending={pending} />
      <div className="flex flex-wrap gap-3">
        <button type="submit" name="intent" value="publish" className={primaryButton} disabled={pending} data-testid="publish">
          {t("publish")}
        </button>
        <button type="submit" name="intent" value="draft" className={secondaryButton} disabled={pending} data-testid="save-draft">
          {t("saveDraft")}
        </button>
      </div>
    </>
  );
}
