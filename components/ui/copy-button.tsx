"use client";

import { useEffect, useState, useSyncExternalStore } from "react";

const noSubscription = () => () => {};

/** False on the server and in the first render, so hydration matches; true once the browser can copy. */
export function useCanCopy(): boolean {
  return useSyncExternalStore(noSubscription, () => !!navigator.clipboard, () => false);
}

/**
 * Copies `text` to the clipboard and says whether it worked, visibly and to screen readers.
 * Rendered only once JavaScript runs: without it the text next to it stays selectable.
 * Give it a `key` that changes with `text` when the text can change, so an old "copied" goes away.
 */
export function CopyButton({ text, label, done, failed, testId }: { text: string; label: string; done: string; failed: string; testId?: string }) {
  const canCopy = useCanCopy();
  const [state, setState] = useState<"idle" | "copied" | "failed">("idle");
  useEffect(() => {
    if (state === "idle") return;
    const t = setTimeout(() => setState("idle"), 4000);
    return () => clearTimeout(t);
  }, [state]);
  if (!canCopy) return null;
  return (
    <span className="inline-flex flex-wrap items-center gap-2">
      <button
        type="button"
        data-testid={testId}
        className="min-h-11 rounded border border-slate-500 bg-white px-3 py-1 text-sm font-medium text-slate-900 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-700"
        onClick={() => {
          navigator.clipboard.writeText(text).then(
            () => setState("copied"),
            () => setState("failed"),
          );
        }}
      >
        {label}
      </button>
      <span role="status" className="text-sm text-slate-800" data-testid={testId ? `${testId}-status` : undefined}>
        {state === "copied" ? done : state === "failed" ? failed : ""}
      </span>
    </span>
  );
}
