"use client";

import { useEffect, useState, useSyncExternalStore } from "react";

const noSubscription = () => () => {};

/**
 * Copies `text` to the clipboard. Rendered only once JavaScript runs (without it the text next
 * to it stays selectable), and says so to screen readers when it worked.
 */
export function CopyButton({ text, label, done }: { text: string; label: string; done: string }) {
  // False on the server and in the first render, so hydration matches; true once the browser can copy.
  const ready = useSyncExternalStore(noSubscription, () => !!navigator.clipboard, () => false);
  const [copied, setCopied] = useState(false);
  useEffect(() => {
    if (!copied) return;
    const t = setTimeout(() => setCopied(false), 2500);
    return () => clearTimeout(t);
  }, [copied]);
  if (!ready) return null;
  return (
    <button
      type="button"
      className="min-h-11 min-w-11 rounded border border-slate-500 bg-white px-3 py-1 text-sm font-medium text-slate-900 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-700"
      onClick={() => {
        navigator.clipboard.writeText(text).then(
          () => setCopied(true),
          () => setCopied(false),
        );
      }}
    >
      {label}
      <span role="status" className="sr-only">
        {copied ? done : ""}
      </span>
      {copied ? <span aria-hidden="true"> ✓</span> : null}
    </button>
  );
}
