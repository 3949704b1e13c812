/**
 * What the messages and content tests share about language: the names no dictionary knows,
 * the hunspell run, and the tú forms Spanish guidance must not use.
 */
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";

/** Names, acronyms and program names, correctly written in either language (plus content/words.txt). */
export const NAMES = new Set([
  ..."CBP SENTRI FAST CBX PedEast PedWest Ysidro Otay Tecate Chaparral Xpress Smart Border Ready Lane Mesa East SR NEXUS EE UU Tijuana San Diego II min h CSV JSON API OpenAPI CORS UTF ISO UTC HTTP CDN IP RSS Atom curl widget cookies endpoints OpenStreetMap Google Maps Apple Outlook Calendar ESTA INE FMM EDL ics green card YAML Markdown HTML URL https QR Microsoft Authenticator 1Password Password Aegis".split(" "),
  ...readFileSync(path.join(process.cwd(), "content", "words.txt"), "utf8")
    .split("\n")
    .map((w) => w.trim())
    .filter((w) => w && !w.startsWith("#")),
]);

/** Words hunspell does not know (after removing NAMES); texts are plain prose. */
export function misspelled(dictionary: "en_US" | "es_MX", texts: readonly string[]): string[] {
  const words = texts
    .join("\n")
    .split(/[^\p{L}'’-]+/u)
    .map((w) => w.replace(/^['’-]+|['’-]+$/g, "").replace(/['’]s$/, ""))
    .filter((w) => w.length > 1 && !NAMES.has(w));
  const out = execFileSync("hunspell", ["-d", dictionary, "-l"], { input: [...new Set(words)].join("\n"), encoding: "utf8" });
  return [...new Set(out.split("\n").filter(Boolean))];
}

/**
 * Verb forms and pronouns that can only be tú; guidance speaks to the reader as usted. (Forms
 * like "revisa" are also the usted-less third person, "la CBP lo revisa", so long texts cannot
 * be judged by them; the messages test adds them for its short imperatives.)
 */
export const TU_FORMS = /(?<!\p{L})(tú|tienes|puedes|quieres|necesitas|debes|estás|eres|tus|contigo|tu vehículo)(?!\p{L})/iu;

/** Whether a text has words of its own (not only names, numbers or placeholders). */
export const hasWords = (text: string) => text.split(/[^\p{L}]+/u).some((w) => w.length > 1 && !NAMES.has(w));
