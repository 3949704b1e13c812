import { describe, expect, it } from "vitest";
import en from "@/messages/en.json";
import es from "@/messages/es.json";
import { PORTS } from "@/lib/ports";
import { hasWords as proseHasWords, misspelled, TU_FORMS } from "@/tests/unit/support/language";

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(tree)) {
    if (typeof v === "string") out.set(prefix + k, v);
    else for (const [kk, vv] of flatten(v, `${prefix}${k}.`)) out.set(kk, vv);
  }
  return out;
}

const EN = flatten(en as Tree);
const ES = flatten(es as Tree);

/** ICU argument names used by a message ({port}, {count, plural, …}). */
function args(message: string): string[] {
  return [...new Set([...message.matchAll(/\{\s*(\w+)\s*(?:,|\})/g)].map((m) => m[1] ?? ""))].sort();
}

/** The prose of a message: ICU syntax removed, plural branches kept. */
function prose(message: string): string {
  return message
    .replace(/\{\s*\w+\s*,\s*(plural|select|selectordinal)\s*,/g, " ")
    .replace(/(?:\b(?:zero|one|two|few|many|other)|=\d+)\s*\{/g, " ")
    .replace(/\{\s*\w+\s*\}/g, " ")
    .replace(/[{}#]/g, " ")
    .replace(/<code>[\s\S]*?<\/code>/g, " ") // identifiers and header names are code, not words
    .replace(/<\/?\w+>/g, " "); // rich-text tags
}

/** The language switch is written in the language it switches to. */
const OTHER_LANGUAGE_KEYS = new Set(["Layout.switchLanguage", "Layout.switchLanguageLabel"]);
const own = (m: Map<string, string>) => [...m].filter(([k]) => !OTHER_LANGUAGE_KEYS.has(k)).map(([, v]) => v);
const switched = (m: Map<string, string>) => [...m].filter(([k]) => OTHER_LANGUAGE_KEYS.has(k)).map(([, v]) => v);

const spellingErrors = (dictionary: "en_US" | "es_MX", texts: string[]) => misspelled(dictionary, texts.map(prose));

describe("messages", () => {
  it("en and es have exactly the same keys", () => {
    expect([...ES.keys()].sort()).toEqual([...EN.keys()].sort());
  });

  it("every port has a description in both languages", () => {
    for (const p of PORTS) {
      expect(EN.get(`Port.descriptions.${p.slug}`), p.slug).toBeTruthy();
      expect(ES.get(`Port.descriptions.${p.slug}`), p.slug).toBeTruthy();
    }
  });

  it("no message is empty", () => {
    for (const [k, v] of [...EN, ...ES]) expect(v.trim(), k).not.toBe("");
  });

  it("both languages use the same ICU arguments", () => {
    for (const [k, v] of EN) expect(args(ES.get(k) ?? ""), k).toEqual(args(v));
  });

  it("Spanish is written, not copied from English", () => {
    const hasWords = (v: string) => proseHasWords(prose(v));
    // "General" is what CBP and Tijuana media call the regular lane in both languages; "No." is no in both.
    // "editor" is the same word in Spanish.
    const sameInBoth = new Set(["Waits.lanes.standard", "Plan.laneNo", "Admin.roles.editor"]);
    const copied = [...EN].filter(([k, v]) => hasWords(v) && ES.get(k) === v && !sameInBoth.has(k)).map(([k]) => k);
    expect(copied).toEqual([]);
  });

  it("Spanish speaks to the reader as usted, not tú", () => {
    const imperatives = /\b(consulta(?! con)|revisa|intenta|vuelve)\b/i;
    for (const [k, v] of ES) {
      expect(v, k).not.toMatch(TU_FORMS);
      expect(v, k).not.toMatch(imperatives);
    }
  });

  it("uses the words Tijuana crossers use", () => {
    const all = [...ES.values()].join(" ");
    for (const word of ["garita", "la línea", "carril", "cruce peatonal", "tiempo"]) expect(all.toLowerCase()).toContain(word);
  });

  it("spells every Spanish word correctly (hunspell es_MX)", () => {
    expect(spellingErrors("es_MX", [...own(ES), ...switched(EN)])).toEqual([]);
  });

  it("spells every English word correctly (hunspell en_US)", () => {
    expect(spellingErrors("en_US", [...own(EN), ...switched(ES)])).toEqual([]);
  });
});
