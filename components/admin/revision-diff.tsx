import { diffWords } from "diff";

export interface DiffField {
  label: string;
  before: string;
  after: string;
  lang?: string;
}

/**
 * Two revisions field by field, word by word. Insertions and deletions are marked with words for
 * screen readers and with underline or strike-through, not colour alone; unchanged fields are listed as such.
 */
export function RevisionDiff({ fields, texts }: { fields: DiffField[]; texts: { added: string; removed: string; unchanged: string } }) {
  return (
    <dl className="mt-4 space-y-4" data-testid="revision-diff">
      {fields.map((f) => {
        const same = f.before === f.after;
        return (
          <div key={f.label} className="rounded border border-slate-300 bg-white p-3">
            <dt className="font-semibold">{f.label}</dt>
            <dd lang={f.lang} className="mt-1 whitespace-pre-wrap break-words text-slate-900">
              {same ? (
                <span className="text-slate-700">{texts.unchanged}</span>
              ) : (
                diffWords(f.before, f.after).map((part, i) =>
                  part.added ? (
                    <ins key={i} className="bg-emerald-100 text-emerald-950 underline decoration-2" data-testid="diff-added">
                      <span className="sr-only">[{texts.added}] </span>
                      {part.value}
                    </ins>
                  ) : part.removed ? (
                    <del key={i} className="bg-red-100 text-red-950 line-through decoration-2" data-testid="diff-removed">
                      <span className="sr-only">[{texts.removed}] </span>
                      {part.value}
                    </del>
                  ) : (
                    <span key={i}>{part.value}</span>
                  ),
                )
              )}
            </dd>
          </div>
        );
      })}
    </dl>
  );
}
