import type { ReactNode } from "react";

/** A confirmation after a redirect ("Saved", "Revision 3 restored"). */
export function Notice({ children }: { children: ReactNode }) {
  return (
    <p role="status" className="mt-3 rounded border-l-4 border-emerald-700 bg-emerald-50 p-3 font-semibold text-emerald-950" data-testid="notice">
      <span aria-hidden="true">✓ </span>
      {children}
    </p>
  );
}
