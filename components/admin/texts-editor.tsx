"use client";
import { useActionState, useState } from "react";
import { useTranslations } from "next-intl";
import { saveUiTextsAction } from "@/lib/admin/actions/texts";
import { INITIAL_STATE } from "@/lib/admin/result";
import { routing, type Locale } from "@/lib/i18n/routing";
import { describedBy, FieldError, FormMessage, inputClass, labelClass, primaryButton } from "@/components/admin/form-bits";
import { OneSidedWarning } from "@/components/admin/one-sided";


export function TextsEditor({ rows }: { rows: { key: string; label: string; values: Record<Locale, string>; defaults: Record<Locale, string> }[] }) {
  const t = useTranslations("Admin");
  const [state, action, pending] = useActionState(saveUiTextsAction, INITIAL_STATE);
  const [values, setValues] = useState(() => Object.fromEntries(rows.flatMap((r) => routing.locales.map((l) => [`${r.key}|${l}`, r.values[l]]))));
  // Per text, as the server checks: a text reworded in one language only.
  const edited = rows.map((r) => routing.locales.filter((l) => values[`${r.key}|${l}`] !== r.values[l])).find((langs) => langs.length === 1) ?? [];
  return (
    <form action={action} className="mt-4 space-y-4" data-testid="texts-editor">
      {rows.map((r) => (
        <fieldset key={r.key} className="rounded-lg border border-slate-300 bg-white p-4">
          <legend className="px-1 font-bold">{r.label}</legend>
          <div className="grid gap-4 lg:grid-cols-2">
            {routing.locales.map((l) => {
              const name = `${r.key}|${l}`;
              const id = name.replace(/[^\w-]/g, "-");
              return (
                <div key={l}>
                  <label htmlFor={id} className={labelClass}>
                    {t(`languages.${l}`)}
                  </label>
                  <textarea id={id} name={name} lang={l} rows={2} value={values[name]} onChange={(e) => setValues((v) => ({ ...v, [name]: e.target.value }))} className={inputClass} aria-describedby={describedBy(state, name, `${id}-default`)} />
                  <p id={`${id}-default`} className="mt-1 text-sm text-slate-700">
                    {t("texts.default")} <span lang={l}>{r.defaults[l]}</span>
                  </p>
                  <FieldError state={state} name={name} />
                </div>
              );
            })}
          </div>
        </fieldset>
      ))}
      <OneSidedWarning edited={edited} state={state} />
      <FormMessage state={state} pending={pending} />
      <button type="submit" className={primaryButton} disabled={pending}>
        {t("texts.save")}
      </button>
    </form>
  );
}
