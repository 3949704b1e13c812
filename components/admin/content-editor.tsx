"use client";
/**
 * The content editor: English and Spanish side by side, Markdown with a live preview made by the
 * same sanitizing renderer as the public pages, the kind-specific fields as YAML, and a warning
 * while only one language has been edited.
 */
import { useActionState, useDeferredValue, useState } from "react";
import { useTranslations } from "next-intl";
import { saveContentAction } from "@/lib/admin/actions/content";
import { INITIAL_STATE } from "@/lib/admin/result";
import { routing, type Locale } from "@/lib/i18n/routing";
import { Prose } from "@/components/content/prose";
import { DetailAdder } from "@/components/admin/detail-adder";
import { describedBy, FieldError, inputClass, labelClass, PublishBar } from "@/components/admin/form-bits";

export type ContentValues = Record<"title_en" | "title_es" | "summary_en" | "summary_es" | "slug_en" | "slug_es" | "body_en" | "body_es" | "data", string>;

const BILINGUAL = ["title", "summary", "slug", "body"] as const;

function Preview({ title, summary, body, lang }: { title: string; summary: string; body: string; lang: Locale }) {
  const deferred = useDeferredValue(body);
  return (
    <div lang={lang} className="rounded border border-dashed border-slate-400 bg-slate-50 p-3" data-testid={`preview-${lang}`}>
      <p className="text-2xl font-bold tracking-tight">{title || "…"}</p>
      <p className="mt-1 text-lg text-slate-700">{summary}</p>
      <Prose markdown={deferred} className="mt-3" idPrefix={`preview-${lang}-`} />
    </div>
  );
}

export function ContentEditor({ kind, itemKey, revision, locale, initial, slugged }: { kind: string; itemKey: string; revision: number | null; locale: Locale; initial: ContentValues; slugged: boolean }) {
  const isNew = revision === null;
  const t = useTranslations("Admin");
  const [state, action, pending] = useActionState(saveContentAction, INITIAL_STATE);
  const [values, setValues] = useState(initial);
  const [key, setKey] = useState(itemKey);
  const set = (name: keyof ContentValues) => (e: { target: { value: string } }) => setValues((v) => ({ ...v, [name]: e.target.value }));
  const edited = routing.locales.filter((l) => BILINGUAL.some((f) => values[`${f}_${l}`] !== initial[`${f}_${l}`]));
  return (
    <form action={action} className="mt-4 space-y-6" data-testid="content-editor">
      <input type="hidden" name="kind" value={kind} />
      <input type="hidden" name="locale" value={locale} />
      {isNew ? (
        <div className="max-w-md">
          <input type="hidden" name="new" value="1" />
          <label htmlFor="key" className={labelClass}>
            {t("fields.key")}
          </label>
          <p id="key-hint" className="text-sm text-slate-700">
            {t("fields.keyHint")}
          </p>
          <input id="key" name="key" value={key} onChange={(e) => setKey(e.target.value)} required pattern="[a-z0-9]+(-[a-z0-9]+)*" className={inputClass} aria-describedby={describedBy(state, "key", "key-hint")} />
          <FieldError state={state} name="key" />
        </div>
      ) : (
        <>
          <input type="hidden" name="key" value={itemKey} />
          {/* The version this form started from: saving over someone else's newer save is refused. */}
          <input type="hidden" name="revision" value={revision} />
        </>
      )}
      <div className="grid gap-6 lg:grid-cols-2">
        {routing.locales.map((l) => (
          <fieldset key={l} className="min-w-0 space-y-3 rounded-lg border border-slate-300 bg-white p-4" data-testid={`content-${l}`}>
            <legend className="px-1 text-lg font-bold">{t(`languages.${l}`)}</legend>
            <div>
              <label htmlFor={`title_${l}`} className={labelClass}>
                {t("fields.title")}
              </label>
              <input id={`title_${l}`} name={`title_${l}`} lang={l} value={values[`title_${l}`]} onChange={set(`title_${l}`)} required className={inputClass} aria-describedby={describedBy(state, `title_${l}`)} />
              <FieldError state={state} name={`title_${l}`} />
            </div>
            <div>
              <label htmlFor={`summary_${l}`} className={labelClass}>
                {t("fields.summary")}
              </label>
              <textarea id={`summary_${l}`} name={`summary_${l}`} lang={l} value={values[`summary_${l}`]} onChange={set(`summary_${l}`)} required rows={3} className={inputClass} aria-describedby={describedBy(state, `summary_${l}`)} />
              <FieldError state={state} name={`summary_${l}`} />
            </div>
            {slugged ? (
              <div>
                <label htmlFor={`slug_${l}`} className={labelClass}>
                  {t("fields.slug")}
                </label>
                <input id={`slug_${l}`} name={`slug_${l}`} lang={l} value={values[`slug_${l}`]} onChange={set(`slug_${l}`)} required pattern="[a-z0-9]+(-[a-z0-9]+)*" className={`${inputClass} font-mono`} aria-describedby={describedBy(state, `slug_${l}`, "slug-hint")} />
                <FieldError state={state} name={`slug_${l}`} />
              </div>
            ) : (
              <input type="hidden" name={`slug_${l}`} value={values[`slug_${l}`] || key || "item"} />
            )}
            <div>
              <label htmlFor={`body_${l}`} className={labelClass}>
                {t("fields.body")}
              </label>
              <textarea id={`body_${l}`} name={`body_${l}`} lang={l} value={values[`body_${l}`]} onChange={set(`body_${l}`)} rows={16} className={`${inputClass} font-mono text-sm`} aria-describedby={describedBy(state, `body_${l}`, "markdown-hint")} />
              <FieldError state={state} name={`body_${l}`} />
            </div>
            <div>
              <h3 className="font-semibold text-slate-900">{t("preview")}</h3>
              <Preview title={values[`title_${l}`]} summary={values[`summary_${l}`]} body={values[`body_${l}`]} lang={l} />
            </div>
          </fieldset>
        ))}
      </div>
      <p id="markdown-hint" className="text-sm text-slate-700">
        {t("fields.markdownHint")}
      </p>
      {slugged ? (
        <p id="slug-hint" className="text-sm text-slate-700">
          {t("fields.slugHint")}
        </p>
      ) : null}
      <div className="rounded-lg border border-slate-300 bg-white p-4">
        <label htmlFor="data" className={labelClass}>
          {t("fields.data")}
        </label>
        <p id="data-hint" className="text-sm text-slate-700">
          {t(`fields.dataHint`)}
        </p>
        <textarea id="data" name="data" value={values.data} onChange={set("data")} rows={Math.min(30, Math.max(4, values.data.split("\n").length + 1))} spellCheck={false} className={`${inputClass} font-mono text-sm`} aria-describedby={describedBy(state, "data", "data-hint")} />
        <FieldError state={state} name="data" />
      </div>
      {kind === "initiative" || kind === "meeting" ? <DetailAdder kind={kind} yaml={values.data} onChange={(data) => setValues((v) => ({ ...v, data }))} /> : null}
      <PublishBar edited={edited} state={state} pending={pending} />
    </form>
  );
}
