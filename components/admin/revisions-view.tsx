import { getTranslations } from "next-intl/server";
import { formatPacific } from "@/lib/alerts/items";
import { Link } from "@/lib/i18n/navigation";
import type { Locale } from "@/lib/i18n/routing";
import { RevisionDiff, type DiffField } from "@/components/admin/revision-diff";
import { RestoreButton } from "@/components/admin/restore-button";
import { labelClass, inputClass } from "@/components/admin/form-bits";

export interface RevisionMeta {
  revision: number;
  author: string;
  createdAt: number;
}

/** Picks the pair to compare: ?a=&b= if valid, else the one before the latest and the latest. */
export function comparePair(revisions: readonly RevisionMeta[], query: { a?: string | string[]; b?: string | string[] }): [number, number] | null {
  const numbers = revisions.map((r) => r.revision);
  if (numbers.length < 2) return null;
  const pick = (v: unknown, fallback: number) => (typeof v === "string" && numbers.includes(Number(v)) ? Number(v) : fallback);
  return [pick(query.a, numbers[numbers.length - 2]!), pick(query.b, numbers[numbers.length - 1]!)];
}

/**
 * The history of one alert or item: every revision with who saved it and when, a comparison of any
 * two (a GET form, so it works without JavaScript and the URL can be shared), and restore buttons.
 */
export async function RevisionsView<T>({
  locale,
  revisions,
  current,
  pair,
  snapshotOf,
  fieldsOf,
  restore,
  back,
}: {
  /** The item's editor, linked above the heading. */
  back: { href: string; label: string };
  locale: Locale;
  revisions: readonly RevisionMeta[];
  current: number;
  pair: [number, number] | null;
  snapshotOf: (revision: number) => T | undefined;
  fieldsOf: (before: T, after: T) => DiffField[];
  restore: { target: "alert" | "content"; fields: Record<string, string> };
}) {
  const t = await getTranslations({ locale, namespace: "Admin.revisions" });
  const before = pair ? snapshotOf(pair[0]) : undefined;
  const after = pair ? snapshotOf(pair[1]) : undefined;
  return (
    <>
      <p>
        <Link href={back.href} className="text-sky-800 underline underline-offset-4">
          ← {back.label}
        </Link>
      </p>
      <h1 className="mt-2 text-3xl font-bold tracking-tight">{t("title")}</h1>
      <section aria-labelledby="history-heading" className="mt-6">
        <h2 id="history-heading" className="text-xl font-bold">
          {t("history")}
        </h2>
        <ol className="mt-2 space-y-2" reversed>
          {[...revisions].reverse().map((r) => (
            <li key={r.revision} className="flex flex-wrap items-center gap-x-4 gap-y-1 rounded border border-slate-300 bg-white p-2" data-testid="revision">
              <span className="font-semibold">{t("number", { revision: r.revision })}</span>
              <span>{formatPacific(r.createdAt, locale)}</span>
              <span className="text-slate-800">{r.author === "seed" ? t("fromFiles") : r.author}</span>
              {r.revision === current ? <span className="font-semibold">{t("current")}</span> : <RestoreButton target={restore.target} fields={restore.fields} revision={r.revision} />}
            </li>
          ))}
        </ol>
      </section>
      {pair ? (
        <section aria-labelledby="compare-heading" className="mt-8">
          <h2 id="compare-heading" className="text-xl font-bold">
            {t("compare")}
          </h2>
          <form method="get" className="mt-2 flex flex-wrap items-end gap-3">
            {(["a", "b"] as const).map((name, i) => (
              <div key={name}>
                <label htmlFor={`rev-${name}`} className={labelClass}>
                  {t(i === 0 ? "older" : "newer")}
                </label>
                <select id={`rev-${name}`} name={name} defaultValue={pair[i]} className={inputClass}>
                  {revisions.map((r) => (
                    <option key={r.revision} value={r.revision}>
                      {t("number", { revision: r.revision })}
                    </option>
                  ))}
                </select>
              </div>
            ))}
            <button type="submit" className="rounded border border-slate-500 bg-white px-4 py-2 font-semibold">
              {t("show")}
            </button>
          </form>
          <p className="mt-3 text-slate-800">{t("comparing", { a: pair[0], b: pair[1] })}</p>
          {before && after ? <RevisionDiff fields={fieldsOf(before, after)} texts={{ added: t("added"), removed: t("removed"), unchanged: t("unchanged") }} /> : null}
        </section>
      ) : (
        <p className="mt-6">{t("onlyOne")}</p>
      )}
    </>
  );
}
