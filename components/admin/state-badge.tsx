const MARK: Record<string, string> = { draft: "✎", scheduled: "◷", live: "●", ended: "○", published: "●" };

/** A publication state as a word with a symbol, never colour alone. */
export function StateBadge({ state, label }: { state: string; label: string }) {
  const tone = state === "live" || state === "published" ? "bg-emerald-100 text-emerald-950" : state === "scheduled" ? "bg-sky-100 text-sky-950" : "bg-slate-200 text-slate-900";
  return (
    <span className={`inline-flex items-center gap-1 rounded-full px-2 py-0.5 text-sm font-semibold ${tone}`} data-testid="state" data-state={state}>
      <span aria-hidden="true">{MARK[state] ?? ""}</span>
      {label}
    </span>
  );
}
