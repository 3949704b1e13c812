/**
 * The embeddable widget's HTML (`/embed/{slug}`), built as a string. An App Router page would ship
 * React's runtime (>100 KB) into every partner's page for a box of a few numbers; this ships a few
 * KB of HTML, inline CSS and a few hundred bytes of script. Pure: no clock, no database, no I/O.
 *
 * Every interpolated value goes through `html`, which escapes it unless it is already markup built
 * the same way, so a port name or a CBP string can never become markup.
 */
import { createTranslator } from "next-intl";
import en from "@/messages/en.json";
import es from "@/messages/es.json";
import type { ApiCrossing, ApiMeta, ApiPort } from "@/lib/api/v1-schema";
import type { Locale } from "@/lib/i18n/routing";
import type { CrossingDef, Mode, PortDef } from "@/lib/ports";
import type { Lane } from "@/lib/waits/model";
import { ageText, formatDateTime, isSameLocalDay, waitLevel } from "@/components/ui/format";
import { SUSPECT_MINUTES } from "@/lib/waits/limits";
import { isReadingOld } from "@/lib/waits/view";
import { escapeHtml } from "@/lib/escape-html";

export class Html {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

type Part = string | number | Html | null | undefined | false | readonly Part[];

function part(v: Part): string {
  if (v === null || v === undefined || v === false) return "";
  if (v instanceof Html) return v.value;
  if (Array.isArray(v)) return (v as readonly Part[]).map(part).join("");
  return escapeHtml(String(v));
}

/** Tagged template: literal text is trusted markup, every `${value}` is escaped. */
export function html(strings: TemplateStringsArray, ...values: Part[]): Html {
  let out = strings[0] ?? "";
  values.forEach((v, i) => {
    out += part(v) + (strings[i + 1] ?? "");
  });
  return new Html(out);
}

/**
 * System fonts: at 13 px a web font would cost more bytes than the whole widget. Colours are the
 * site's (Tailwind slate/emerald/amber/red 800–900 on white, all above 7:1), and the wait level is
 * also a word and 1–3 bars, never colour alone.
 */
export const EMBED_CSS =
  "*{box-sizing:border-box;margin:0;padding:0}" +
  'html{font:13px/1.35 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;color:#0f172a;background:#fff;overflow-wrap:anywhere}' +
  "body{padding:6px 8px}" +
  "h1{font-size:16px;line-height:1.25}" +
  "h1 span{font-weight:400;color:#334155}" +
  "table{width:100%;border-collapse:collapse;margin-top:4px}" +
  "th,td{padding:1px 0;text-align:left;vertical-align:baseline}" +
  "tr>*+*{padding-left:5px}" +
  "thead th{font-size:11px;font-weight:600;color:#475569;border-bottom:1px solid #cbd5e1}" +
  ".r{text-align:right}td.r{font-size:12px}" +
  ".g th{padding-top:4px;font-size:12px;white-space:normal}" +
  ".g span{display:inline-block;margin-right:6px}" +
  ".t{font-weight:400;color:#334155;font-size:11px}" +
  "tbody th{font-weight:600}" +
  // Label, minutes, level and lanes never break inside; a narrow font wraps the level under the minutes
  // instead of scrolling sideways.
  "tbody th,.r,td b{white-space:nowrap}" +
  "td b{font-size:14px;font-variant-numeric:tabular-nums;margin-right:3px}" +
  ".l{font-size:11px;font-weight:600;white-space:nowrap}" +
  ".l i{display:inline-block;width:3px;height:5px;margin-right:1px;background:currentColor;border-radius:1px}" +
  ".l i+i{height:8px}" +
  ".l i+i+i{height:11px;margin-right:3px}" +
  ".l .o{opacity:.25}" +
  ".light{color:#065f46}.moderate{color:#92400e}.heavy{color:#991b1b}" +
  ".w{margin-top:4px;padding:3px 6px;border-left:3px solid #b45309;background:#fffbeb;color:#451a03;font-weight:600;font-size:12px}" +
  ".p{margin-top:6px}" +
  "footer{margin-top:6px;font-size:11px;color:#334155}" +
  "a{color:#075985;text-underline-offset:2px}" +
  ".sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}";

/**
 * Refreshes the widget in place every minute while it is visible. A `<meta http-equiv="refresh">`
 * would reload the frame, which moves a screen reader back to the top and fails WCAG 2.2.1 (axe
 * "meta-refresh"); swapping the body keeps the reader's place and the focused link (by id). That
 * meta tag is kept inside <noscript>, for the rare partner page that blocks scripts.
 */
export const EMBED_SCRIPT =
  'setInterval(async()=>{if(document.hidden)return;const x=()=>{const e=document.getElementById("x");if(e)e.hidden=false};' +
  'try{const r=await fetch(location.href,{cache:"no-cache"});if(!r.ok)return x();' +
  'const b=new DOMParser().parseFromString(await r.text(),"text/html").body,f=document.activeElement&&document.activeElement.id;' +
  "if(b.innerHTML!==document.body.innerHTML){document.body.replaceWith(b);if(f)document.getElementById(f)?.focus()}}catch{x()}},60000)";

export const EMBED_REFRESH_SECONDS = 60;

const MESSAGES = { en, es } as const;
const translators = new Map<Locale, ReturnType<typeof makeTranslator>>();

function makeTranslator(lang: Locale) {
  return createTranslator({ locale: lang, messages: MESSAGES[lang] as typeof en });
}

function translator(lang: Locale) {
  let t = translators.get(lang);
  if (!t) {
    t = makeTranslator(lang);
    translators.set(lang, t);
  }
  return t;
}

type T = ReturnType<typeof makeTranslator>;

export interface EmbedInput {
  lang: Locale;
  def: PortDef;
  /** The port as the API shows it, already filtered to `mode`. */
  port: ApiPort;
  mode: Mode | null;
  meta: ApiMeta;
  hasData: boolean;
  now: number;
}

function page(lang: Locale, title: string, body: Html, live: boolean): string {
  return html`<!DOCTYPE html><html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${title}</title><style>${new Html(EMBED_CSS)}</style>${
    live ? html`<script>${new Html(EMBED_SCRIPT)}</script><noscript><meta http-equiv="refresh" content="${EMBED_REFRESH_SECONDS}"></noscript>` : null
  }</head><body>${body}</body></html>`.value;
}

function age(t: T, fromMs: number, nowMs: number): string {
  return ageText(
    {
      justNow: () => t("Time.justNow"),
      minutesAgo: (minutes) => t("Time.minutesAgo", { minutes }),
      hoursAgo: (hours, minutes) => t("Time.hoursAgo", { hours, minutes }),
      daysAgo: (days) => t("Time.daysAgo", { days }),
    },
    fromMs,
    nowMs,
  );
}

/** The clock time alone today, with the date otherwise (a reading from yesterday must say so). */
function clock(lang: Locale, ms: number, now: number, timeZone: string): string {
  return isSameLocalDay(ms, now, timeZone)
    ? formatDateTime(lang, ms, { hour: "numeric", minute: "2-digit", timeZone })
    : formatDateTime(lang, ms, { month: "short", day: "numeric", hour: "numeric", minute: "2-digit", timeZone });
}

function readingTime(t: T, input: EmbedInput, updatedAt: string | null): Html {
  if (!updatedAt) return html`${t("Waits.noReadingTime")}`;
  const ms = Date.parse(updatedAt);
  return html`<time datetime="${updatedAt}">${t("Embed.reading", { time: clock(input.lang, ms, input.now, input.def.timeZone) })}</time>${
    isReadingOld(updatedAt, input.now) ? html` · <strong data-old>${t("Embed.oldReading")}</strong>` : null
  }`;
}

function laneLabel(t: T, lane: Lane): string {
  return lane.mode === "commercial" && lane.type === "standard" ? t("Waits.commercialStandard") : t(`Waits.lanes.${lane.type}`);
}

function levelBadge(t: T, minutes: number): Html {
  const level = waitLevel(minutes);
  const bars = { light: 1, moderate: 2, heavy: 3 }[level];
  const glyph = [0, 1, 2].map((i) => (i < bars ? html`<i></i>` : html`<i class="o"></i>`));
  return html`<span class="l ${level}" data-level="${level}"><span aria-hidden="true">${glyph}</span>${t(`Waits.levels.${level}`)}</span>`;
}

function laneRow(t: T, input: EmbedInput, lane: Lane, showTime: boolean): Html {
  const open = lane.status === "open" && lane.delayMinutes !== null;
  const time = showTime ? html`<br><span class="t">${readingTime(t, input, lane.updatedAt)}</span>` : null;
  const head = html`<th scope="row">${laneLabel(t, lane)}${time}</th>`;
  if (!open) {
    const status = t(lane.status === "closed" ? "Waits.statuses.closed" : "Waits.statuses.pending");
    return html`<tr data-type="${lane.type}" data-status="${lane.status}">${head}<td colspan="2">${status}</td></tr>`;
  }
  const minutes = lane.delayMinutes ?? 0;
  const wait = minutes === 0 ? t("Waits.noWait") : t("Waits.minutes", { minutes });
  const suspect = minutes > SUSPECT_MINUTES ? html` <strong data-suspect><span aria-hidden="true">⚠ </span>${t("Embed.suspect")}</strong>` : null;
  const lanesOpen =
    lane.lanesOpen === null ? "" : lane.maxLanes === null ? String(lane.lanesOpen) : t("Embed.openOf", { open: lane.lanesOpen, max: lane.maxLanes });
  return html`<tr data-type="${lane.type}" data-status="open">${head}<td><b data-minutes="${minutes}">${wait}</b>${levelBadge(t, minutes)}${suspect}</td><td class="r" data-open="${lane.lanesOpen ?? ""}" data-max="${lane.maxLanes ?? ""}">${lanesOpen}</td></tr>`;
}

/**
 * One crossing's rows: its name and when CBP read it (if its lanes share one time and the line under
 * the heading has not already said it for all crossings), then its lanes.
 */
function crossingRows(t: T, input: EmbedInput, def: CrossingDef, crossing: ApiCrossing | undefined, timeShown: boolean, solo: boolean): Html {
  const name = def.name[input.lang];
  if (!crossing) {
    return html`<tbody data-crossing="${def.cbpPortNumber}"><tr class="g"><th colspan="3" scope="rowgroup">${name}</th></tr><tr><td colspan="3">${t("Waits.noCrossingData")}</td></tr></tbody>`;
  }
  const times = new Set(crossing.lanes.map((l) => l.updatedAt));
  const shared = times.size === 1 ? [...times][0] : undefined;
  const closed = crossing.status === "closed" ? html`<span class="t"><strong>${t("Waits.crossingStatus.closed")}</strong></span>` : null;
  const when = shared !== undefined && !timeShown ? html`<span class="t">${readingTime(t, input, shared)}</span>` : null;
  const rows = crossing.lanes.length
    ? crossing.lanes.map((lane) => laneRow(t, input, lane, shared === undefined))
    : html`<tr><td colspan="3">${t("Waits.noLanes")}</td></tr>`;
  // A port with one crossing for this mode needs no crossing heading unless it has news of its own.
  const group = solo && !closed && !when ? null : html`<tr class="g"><th colspan="3" scope="rowgroup"><span>${name}</span>${closed}${when}</th></tr>`;
  return html`<tbody data-crossing="${def.cbpPortNumber}">${group}${rows}</tbody>`;
}

function footer(t: T, input: EmbedInput): Html {
  // A planned port has nothing from CBP, so when we last asked CBP means nothing there.
  const checked = input.meta.fetchedAt && input.def.kind !== "planned"
    ? html`<time datetime="${input.meta.fetchedAt}">${t("Embed.checked", { ago: age(t, Date.parse(input.meta.fetchedAt), input.now) })}</time> · `
    : null;
  const href = `/${input.lang}/ports/${encodeURIComponent(input.def.slug)}`;
  return html`<footer><p>${checked}<a id="d" href="${href}" target="_blank" rel="noopener">${t("Embed.details")}<span class="sr"> ${t("Embed.newTab")}</span></a></p><p>${t("Embed.source")}</p></footer>`;
}

/**
 * Shown by the script when a refresh fails (our site or the reader's network is down), so the
 * widget never keeps saying "Checked 2 min ago" as if it were still live; a successful refresh
 * replaces the whole body, this hidden again.
 */
function notUpdating(t: T, input: EmbedInput): Html | null {
  if (input.def.kind === "planned") return null;
  const time = formatDateTime(input.lang, input.now, { hour: "numeric", minute: "2-digit", timeZone: input.def.timeZone });
  return html`<p class="w" id="x" hidden><span aria-hidden="true">⚠ </span>${t("Embed.notUpdating", { time })}</p>`;
}

function staleNotice(t: T, input: EmbedInput): Html | null {
  if (!input.meta.stale || !input.meta.fetchedAt) return null;
  const time = formatDateTime(input.lang, Date.parse(input.meta.fetchedAt), {
    month: "short",
    day: "numeric",
    hour: "numeric",
    minute: "2-digit",
    timeZone: input.def.timeZone,
  });
  return html`<p class="w" data-stale><span aria-hidden="true">⚠ </span>${t("Embed.stale", { time })}</p>`;
}

function waits(t: T, input: EmbedInput): Html {
  const mode = input.mode;
  const modeLabel = mode ? t(`Waits.modes.${mode}`) : "";
  const name = input.def.name[input.lang];
  const heading = html`<h1>${name}${mode ? html` <span>· ${modeLabel}</span>` : null}</h1>`;
  if (!input.hasData) {
    return html`<main>${heading}<p class="w" data-nodata>${t("Freshness.noDataTitle")}</p><p class="p">${t("Freshness.noDataBody")}</p></main>`;
  }
  const defs = mode ? input.def.crossings.filter((c) => c.lanes.some((l) => l.mode === mode)) : [];
  const crossings = defs.map((def) => ({ def, crossing: input.port.crossings.find((c) => c.cbpPortNumber === def.cbpPortNumber) }));
  // CBP usually reads every lane of a port at once; then one line says so instead of one per crossing.
  const times = new Set(crossings.flatMap(({ crossing }) => crossing?.lanes.map((l) => l.updatedAt) ?? []));
  const allCrossingsReported = crossings.every(({ crossing }) => crossing && crossing.lanes.length > 0);
  const shared = allCrossingsReported && times.size === 1 ? [...times][0] : undefined;
  const groups = crossings.map(({ def, crossing }) => crossingRows(t, input, def, crossing, shared !== undefined, crossings.length === 1));
  const reading = shared !== undefined ? html`<p class="t" data-reading>${readingTime(t, input, shared)}</p>` : null;
  const table = groups.length
    ? html`<table><caption class="sr">${t("Embed.caption", { port: name, mode: modeLabel })}</caption><thead><tr><th scope="col">${t("Embed.colLane")}</th><th scope="col">${t("Embed.colWait")}</th><th scope="col" class="r">${t("Embed.colOpen")}</th></tr></thead>${groups}</table>`
    : html`<p class="p">${t("Waits.noLanes")}</p>`;
  return html`<main>${heading}${staleNotice(t, input)}${notUpdating(t, input)}${reading}${table}</main>`;
}

function planned(t: T, input: EmbedInput): Html {
  return html`<main><h1>${input.def.name[input.lang]}</h1><p class="w" data-planned>${t("Waits.portStatus.planned")}</p><p class="p">${t("Waits.plannedShort")}</p></main>`;
}

/** The whole widget document. Planned ports never show numbers, only their status. */
export function renderEmbed(input: EmbedInput): string {
  const t = translator(input.lang);
  const main = input.def.kind === "planned" ? planned(t, input) : waits(t, input);
  return page(input.lang, t("Embed.title", { port: input.def.name[input.lang] }), html`${main}${footer(t, input)}`, input.def.kind !== "planned");
}

/**
 * The 404 for an unknown port, in both languages: a wrong slug usually means a hand-edited URL,
 * and the `lang` that came with it may be wrong too. Small and script-free.
 */
export function renderEmbedNotFound(lang: Locale): string {
  const other: Locale = lang === "en" ? "es" : "en";
  const block = (l: Locale) => {
    const t = translator(l);
    return html`<section lang="${l}"><h1>${t("Embed.notFoundTitle")}</h1><p class="p">${t("Embed.notFoundBody")}</p></section>`;
  };
  const first = translator(lang);
  return page(lang, first("Embed.notFoundTitle"), html`<main>${block(lang)}<hr class="p">${block(other)}</main>`, false);
}
