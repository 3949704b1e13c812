/** Open/closed status as a word plus a filled or hollow dot, never colour alone. */
export function StatusPill({ open, label }: { open: boolean; label: string }) {
  return (
    <span
      className={`inline-flex items-center gap-1 rounded-full px-2 py-0.5 text-sm font-semibold ${open ? "bg-emerald-100 text-emerald-900" : "bg-slate-200 text-slate-900"}`}
      data-testid="status"
    >
      <span aria-hidden="true">{open ? "●" : "○"}</span>
      {label}
    </span>
  );
}
