import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import en from "@/messages/en.json";
import es from "@/messages/es.json";
import { PORTS } from "@/lib/ports";

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

/** Words that are names, acronyms or program names, correctly written in either language. */
const NAMES = new Set(
  "CBP SENTRI FAST CBX PedEast PedWest Ysidro Otay Tecate Chaparral Xpress Smart Border Ready Lane Mesa East SR NEXUS EE UU Tijuana San Diego II min h CSV JSON API OpenAPI CORS UTF ISO UTC HTTP CDN IP RSS Atom curl widget cookies endpoints".split(" "),
);

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

function misspelled(dictionary: string, texts: string[]): string[] {
  const words = texts
    .map(prose)
    .join("\n")
    .split(/[^\p{L}'’-]+/u)
    .map((w) => w.replace(/^['’-]+|['’-]+$/g, "").replace(/['’]s$/, ""))
    .filter((w) => w.length > 1 && !NAMES.has(w));
  const out = execFileSync("hunspell", ["-d", dictionary, "-l"], { input: [...new Set(words)].join("\n"), encoding: "utf8" });
  return out.split("\n").filter(Boolean);
}

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
    const hasWords = (v: string) => prose(v).split(/[^\p{L}]+/u).some((w) => w.length > 1 && !NAMES.has(w));
    // "General" is what CBP and Tijuana media call the regular lane in both languages.
    const sameInBoth = new Set(["Waits.lanes.standard"]);
    const copied = [...EN].filter(([k, v]) => hasWords(v) && ES.get(k) === v && !sameInBoth.has(k)).map(([k]) => k);
    expect(copied).toEqual([]);
  });

  it("Spanish speaks to the reader as usted, not tú", () => {
    const tu = /\b(tú|tienes|puedes|quieres|consulta(?! con)|revisa|intenta|vuelve|tu vehículo|tus)\b/i;
    for (const [k, v] of ES) expect(v, k).not.toMatch(tu);
  });

  it("uses the words Tijuana crossers use", () => {
    const all = [...ES.values()].join(" ");
    for (const word of ["garita", "la línea", "carril", "cruce peatonal", "tiempo"]) expect(all.toLowerCase()).toContain(word);
  });

  it("spells every Spanish word correctly (hunspell es_MX)", () => {
    expect(misspelled("es_MX", [...own(ES), ...switched(EN)])).toEqual([]);
  });

  it("spells every English word correctly (hunspell en_US)", () => {
    expect(misspelled("en_US", [...own(EN), ...switched(ES)])).toEqual([]);
  });
});
