import type { ReactNode } from "react";

/**
 * The staff lists: a captioned table (caption for screen readers) that scrolls sideways on a phone.
 * The scrolling box is a named, focusable region so keyboard users can scroll it too (WCAG 2.1.1).
 */
export function AdminTable({ caption, columns, children, className = "mt-4" }: { caption: string; columns: readonly string[]; children: ReactNode; className?: string }) {
  return (
    <div className={`${className} overflow-x-auto`} role="region" aria-label={caption} tabIndex={0}>
      <table className="w-full border-collapse bg-white text-left text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr className="border-b border-slate-400">
            {columns.map((c) => (
              <th key={c} scope="col" className="p-2">
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}
