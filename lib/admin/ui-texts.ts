/**
 * The interface texts staff may reword without a developer: the home page's lines and its search
 * description, and the notice shown before any data arrives. Everything else stays in
 * messages/*.json, where the tests check every key in both languages.
 */
import en from "@/messages/en.json";
import es from "@/messages/es.json";
import type { Locale } from "@/lib/i18n/routing";

export const EDITABLE_TEXTS = ["Home.title", "Home.intro", "Home.southbound", "Home.beforeHeading", "Home.planLink", "Home.guidesLink", "Metadata.homeTitle", "Metadata.homeDescription", "Freshness.noDataBody"] as const;
export type EditableText = (typeof EDITABLE_TEXTS)[number];

export const UI_TEXT_MAX = 300;

const DEFAULTS = { en, es } as const;

export function defaultText(key: EditableText, locale: Locale): string {
  const [ns, name] = key.split(".") as [string, string];
  return (DEFAULTS[locale] as unknown as Record<string, Record<string, string>>)[ns]![name]!;
}

/** {placeholders} a text uses; an override must keep exactly the default's. */
export function placeholders(text: string): string[] {
  return [...new Set([...text.matchAll(/\{(\w+)/g)].map((m) => m[1]!))].sort();
}

export type TextProblem = "required" | "tooLong" | "placeholders";

export function textProblem(key: EditableText, locale: Locale, value: string): TextProblem | null {
  if (value.trim() === "") return "required";
  if ([...value].length > UI_TEXT_MAX) return "tooLong";
  if (placeholders(value).join() !== placeholders(defaultText(key, locale)).join() || /[<>]/.test(value)) return "placeholders";
  return null;
}

/** Messages with the overrides applied (a new object; the imported JSON is never changed). */
export function applyOverrides<T extends Record<string, unknown>>(messages: T, overrides: ReadonlyMap<string, string>): T {
  if (overrides.size === 0) return messages;
  const out: Record<string, unknown> = { ...messages };
  for (const [key, value] of overrides) {
    const [ns, name] = key.split(".") as [string, string];
    if (!(EDITABLE_TEXTS as readonly string[]).includes(key) || typeof out[ns] !== "object") continue;
    out[ns] = { ...(out[ns] as Record<string, unknown>), [name]: value };
  }
  return out as T;
}
