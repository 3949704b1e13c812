"use client";
/**
 * The two details staff add most often, without touching YAML by hand: a progress update for an
 * initiative (kept in date order, as the page expects) and a materials link for a meeting. The
 * result is written into the details field, where it can be checked before saving.
 */
import { useState } from "react";
import { useTranslations } from "next-intl";
import { parse, stringify } from "yaml";
import { inputClass, labelClass, secondaryButton } from "@/components/admin/form-bits";

type Kind = "initiative" | "meeting";

const FIELDS: Record<Kind, readonly ("date" | "text_en" | "text_es" | "source" | "url" | "label_en" | "label_es")[]> = {
  initiative: ["date", "text_en", "text_es", "source"],
  meeting: ["url", "label_en", "label_es"],
};

export function addDetail(kind: Kind, yaml: string, v: Record<string, string>): string {
  const data = (parse(yaml, { maxAliasCount: 0 }) ?? {}) as Record<string, unknown>;
  if (kind === "initiative") {
    const timeline = Array.isArray(data.timeline) ? [...(data.timeline as { date: string }[])] : [];
    const entry = { date: v.date!, text: { en: v.text_en!, es: v.text_es! }, ...(v.source ? { source: v.source } : {}) };
    // Oldest first; ISO dates of any precision sort as text.
    const at = timeline.findIndex((e) => String(e.date) > entry.date);
    timeline.splice(at === -1 ? timeline.length : at, 0, entry);
    data.timeline = timeline;
  } else {
    data.materials = [...(Array.isArray(data.materials) ? data.materials : []), { url: v.url!, label: { en: v.label_en!, es: v.label_es! } }];
  }
  return stringify(data, { lineWidth: 0 });
}

export function DetailAdder({ kind, yaml, onChange }: { kind: Kind; yaml: string; onChange: (yaml: string) => void }) {
  const t = useTranslations("Admin.adder");
  const [v, setV] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<"added" | "broken" | "missing" | null>(null);
  const fields = FIELDS[kind];
  const add = () => {
    if (fields.some((f) => f !== "source" && !v[f]?.trim())) return setMessage("missing");
    try {
      onChange(addDetail(kind, yaml, Object.fromEntries(Object.entries(v).map(([k, x]) => [k, x.trim()]))));
      setV({});
      setMessage("added");
    } catch {
      setMessage("broken");
    }
  };
  return (
    <fieldset className="rounded-lg border border-slate-300 bg-white p-4" data-testid="detail-adder">
      <legend className="px-1 font-bold">{t(`${kind}.heading`)}</legend>
      <p className="text-sm text-slate-700">{t(`${kind}.hint`)}</p>
      <div className="mt-2 grid gap-3 md:grid-cols-2">
        {fields.map((f) => (
          <div key={f}>
            <label htmlFor={`adder-${f}`} className={labelClass}>
              {t(`fields.${f}`)}
            </label>
            <input id={`adder-${f}`} lang={f.endsWith("_es") ? "es" : f.endsWith("_en") ? "en" : undefined} value={v[f] ?? ""} onChange={(e) => setV((o) => ({ ...o, [f]: e.target.value }))} className={inputClass} placeholder={f === "date" ? "2026-12-05" : f === "url" || f === "source" ? "https://" : undefined} />
          </div>
        ))}
      </div>
      <button type="button" onClick={add} className={`${secondaryButton} mt-3`}>
        {t(`${kind}.add`)}
      </button>
      <p role="status" className="mt-2 text-sm font-semibold">
        {message === "added" ? `✓ ${t("added")}` : message === "broken" ? `✕ ${t("broken")}` : message === "missing" ? `✕ ${t("missing")}` : null}
      </p>
    </fieldset>
  );
}
