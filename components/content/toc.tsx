import { getTranslations } from "next-intl/server";
import type { Heading } from "@/lib/content/markdown";

/** "On this page": the `##` sections of a long text, for readers who came for one answer. */
export async function TableOfContents({ headings }: { headings: readonly Heading[] }) {
  const sections = headings.filter((h) => h.depth === 2 && h.id);
  if (sections.length < 3) return null;
  const t = await getTranslations("Content");
  return (
    <nav aria-labelledby="toc-heading" className="mt-6 rounded-lg border border-slate-300 bg-white p-4" data-testid="toc">
      <h2 id="toc-heading" className="font-bold">
        {t("onThisPage")}
      </h2>
      <ul className="mt-2 space-y-1">
        {sections.map((h) => (
          <li key={h.id}>
            <a href={`#${h.id}`} className="text-sky-800 underline underline-offset-4">
              {h.text}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
