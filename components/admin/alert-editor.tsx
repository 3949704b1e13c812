"use client";
/**
 * The alert editor: English and Spanish side by side, each with a live preview drawn by the same
 * component the home and port pages use, and a warning while only one language has been edited.
 */
import { useActionState, useState } from "react";
import { useTranslations } from "next-intl";
import { saveAlertAction } from "@/lib/admin/actions/alerts";
import { INITIAL_STATE } from "@/lib/admin/result";
import type { AlertPreviewTexts } from "@/lib/admin/preview-texts";
import type { Severity } from "@/lib/alerts/model";
import { routing, SITE_TIME_ZONE, type Locale } from "@/lib/i18n/routing";
import { formatDateTime } from "@/components/ui/format";
import { wallTimeOfInput } from "@/lib/time/zone";
import { AlertNotice } from "@/components/alerts/alert-notice";
import { describedBy, FieldError, inputClass, labelClass, PublishBar } from "@/components/admin/form-bits";

export interface AlertValues {
  title_en: string;
  title_es: string;
  body_en: string;
  body_es: string;
  severity: Severity;
  ports: string[];
  starts: string;
  ends: string;
}

// Not imported from the model: that module brings zod, whose eval probe the CSP would report.
const SEVERITIES: readonly Severity[] = ["info", "warning", "critical"];

function pacificLabel(value: string, locale: Locale): string {
  // The datetime-local value is Pacific wall time already; show it without shifting it again.
  const w = wallTimeOfInput(value);
  return w ? formatDateTime(locale, Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute), { timeZone: "UTC", dateStyle: "medium", timeStyle: "short" }) : "…";
}

export function AlertEditor({ id, revision, locale, initial, ports, previewTexts }: { id: number | "new"; revision: number | null; locale: Locale; initial: AlertValues; ports: { slug: string; name: string }[]; previewTexts: Record<Locale, AlertPreviewTexts> }) {
  const t = useTranslations("Admin");
  const [state, action, pending] = useActionState(saveAlertAction, INITIAL_STATE);
  const [values, setValues] = useState(initial);
  const set = (name: keyof AlertValues) => (e: { target: { value: string } }) => setValues((v) => ({ ...v, [name]: e.target.value }));
  const edited = routing.locales.filter((l) => values[`title_${l}`] !== initial[`title_${l}`] || values[`body_${l}`] !== initial[`body_${l}`]);
  return (
    <form action={action} className="mt-4 space-y-6" data-testid="alert-editor">
      <input type="hidden" name="id" value={id} />
      {/* The version this form started from: saving over someone else's newer save is refused. */}
      {revision !== null ? <input type="hidden" name="revision" value={revision} /> : null}
      <input type="hidden" name="locale" value={locale} />
      <div className="grid gap-6 lg:grid-cols-2">
        {routing.locales.map((l) => {
          const texts = previewTexts[l];
          const start = pacificLabel(values.starts, l);
          const period = (values.ends ? texts.inEffectFromTo : texts.inEffectFrom).replace("{start}", start).replace("{end}", pacificLabel(values.ends, l));
          return (
            <fieldset key={l} className="min-w-0 space-y-3 rounded-lg border border-slate-300 bg-white p-4" data-testid={`alert-${l}`}>
              <legend className="px-1 text-lg font-bold">{t(`languages.${l}`)}</legend>
              <div>
                <label htmlFor={`title_${l}`} className={labelClass}>
                  {t("fields.title")}
                </label>
                <input id={`title_${l}`} name={`title_${l}`} lang={l} value={values[`title_${l}`]} onChange={set(`title_${l}`)} required maxLength={200} className={inputClass} aria-describedby={describedBy(state, `title_${l}`)} />
                <FieldError state={state} name={`title_${l}`} />
              </div>
              <div>
                <label htmlFor={`body_${l}`} className={labelClass}>
                  {t("fields.alertBody")}
                </label>
                <textarea id={`body_${l}`} name={`body_${l}`} lang={l} value={values[`body_${l}`]} onChange={set(`body_${l}`)} required rows={6} maxLength={5000} className={inputClass} aria-describedby={describedBy(state, `body_${l}`)} />
                <FieldError state={state} name={`body_${l}`} />
              </div>
              <div>
                <h3 className="font-semibold text-slate-900">{t("preview")}</h3>
                <div className="mt-1" data-testid={`alert-preview-${l}`}>
                  <AlertNotice lang={l} severity={values.severity} severityLabel={texts.severity[values.severity]} title={values[`title_${l}`] || "…"} body={values[`body_${l}`] || "…"} period={period} />
                </div>
              </div>
            </fieldset>
          );
        })}
      </div>
      <div className="grid gap-6 rounded-lg border border-slate-300 bg-white p-4 md:grid-cols-2">
        <fieldset>
          <legend className={labelClass}>{t("alerts.severity")}</legend>
          <div className="mt-1 space-y-1">
            {SEVERITIES.map((s) => (
              <label key={s} className="flex items-center gap-2">
                <input type="radio" name="severity" value={s} checked={values.severity === s} onChange={() => setValues((v) => ({ ...v, severity: s }))} />
                {previewTexts[locale].severity[s]}
              </label>
            ))}
          </div>
        </fieldset>
        <fieldset>
          <legend className={labelClass}>{t("alerts.ports")}</legend>
          <p className="text-sm text-slate-700">{t("alerts.portsHint")}</p>
          <div className="mt-1 space-y-1">
            {ports.map((p) => (
              <label key={p.slug} className="flex items-center gap-2">
                <input
                  type="checkbox"
                  name="ports"
                  value={p.slug}
                  checked={values.ports.includes(p.slug)}
                  onChange={(e) => setValues((v) => ({ ...v, ports: e.target.checked ? [...v.ports, p.slug] : v.ports.filter((x) => x !== p.slug) }))}
                />
                {p.name}
              </label>
            ))}
          </div>
        </fieldset>
        <div>
          <label htmlFor="starts" className={labelClass}>
            {t("alerts.starts")}
          </label>
          <input id="starts" name="starts" type="datetime-local" value={values.starts} onChange={set("starts")} required className={inputClass} aria-describedby={describedBy(state, "starts", "time-hint")} />
          <FieldError state={state} name="starts" />
        </div>
        <div>
          <label htmlFor="ends" className={labelClass}>
            {t("alerts.ends")}
          </label>
          <input id="ends" name="ends" type="datetime-local" value={values.ends} onChange={set("ends")} className={inputClass} aria-describedby={describedBy(state, "ends", "time-hint")} />
          <FieldError state={state} name="ends" />
        </div>
        <p id="time-hint" className="text-sm text-slate-700 md:col-span-2">
          {t("alerts.timeHint", { zone: SITE_TIME_ZONE })}
        </p>
      </div>
      <PublishBar edited={edited} state={state} pending={pending} />
    </form>
  );
}
