"use client";

import { useSyncExternalStore } from "react";

function subscribe(onChange: () => void): () => void {
  window.addEventListener("online", onChange);
  window.addEventListener("offline", onChange);
  return () => {
    window.removeEventListener("online", onChange);
    window.removeEventListener("offline", onChange);
  };
}

/**
 * The browser's own idea of being online. `false` is reliable (no network at all); `true` is not
 * (a weak signal or a captive portal still says online), so the notice also listens to failures.
 * The server, and hydration, assume online: the server only renders pages for online readers.
 */
export function useOnline(): boolean {
  return useSyncExternalStore(subscribe, () => navigator.onLine, () => true);
}
