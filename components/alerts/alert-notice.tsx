import type { Severity } from "@/lib/alerts/model";

const STYLE: Record<Severity, { box: string; mark: string }> = {
  info: { box: "border-sky-700 bg-sky-50", mark: "ⓘ" },
  warning: { box: "border-amber-600 bg-amber-50", mark: "⚠" },
  critical: { box: "border-red-700 bg-red-50", mark: "‼" },
};

/**
 * One alert as the public sees it: the severity as a word and a symbol (never colour alone),
 * the title, the body as plain text (paragraphs kept; never HTML) and when it is in effect.
 * The staff editor's preview renders this same component.
 */
export function AlertNotice({ severity, severityLabel, title, body, period, lang }: { severity: Severity; severityLabel: string; title: string; body: string; period: string; lang?: string }) {
  const style = STYLE[severity];
  return (
    <article lang={lang} className={`rounded-lg border-l-4 p-4 ${style.box}`} data-testid="alert-notice" data-severity={severity}>
      <p className="text-sm font-bold uppercase tracking-wide text-slate-800">
        <span aria-hidden="true">{style.mark} </span>
        {severityLabel}
      </p>
      <h3 className="mt-1 text-lg font-bold text-slate-900">{title}</h3>
      <p className="mt-1 whitespace-pre-line break-words text-slate-900">{body}</p>
      <p className="mt-2 text-sm text-slate-700">{period}</p>
    </article>
  );
}
