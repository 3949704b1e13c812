"use client";

import { useLocale } from "next-intl";
import { usePathname } from "next/navigation";
import { useEffect } from "react";
import { WARM_MESSAGE, type WarmMessage } from "@/lib/sw/logic";

const PRODUCTION = process.env.NODE_ENV === "production";

/**
 * Registers the service worker (public/sw.js, built from lib/sw/sw.ts) from script, so the page
 * needs no inline script beyond Next's nonce-carrying ones. Production builds only: under
 * `next dev` a worker would serve stale chunks, so any left from an `npm start` on the same
 * address is removed instead.
 */
export function ServiceWorker() {
  const locale = useLocale();
  const pathname = usePathname();

  useEffect(() => {
    if (!("serviceWorker" in navigator)) return;
    if (!PRODUCTION) {
      void navigator.serviceWorker.getRegistrations().then((regs) => Promise.all(regs.map((r) => r.unregister())));
      return;
    }
    navigator.serviceWorker.register("/sw.js", { scope: "/" }).catch(() => {
      // No worker (private mode, storage full): the site works as before, only not offline.
    });
  }, []);

  // Asks the worker to keep this page and this language's home page (the fallback for pages never
  // saved), as it cannot see pages loaded before it took control or reached by client navigation.
  useEffect(() => {
    if (!PRODUCTION || !("serviceWorker" in navigator)) return;
    let cancelled = false;
    void navigator.serviceWorker.ready.then((reg) => {
      if (cancelled) return;
      const message: WarmMessage = { type: WARM_MESSAGE, paths: [...new Set([window.location.pathname, `/${locale}`])] };
      reg.active?.postMessage(message);
    });
    return () => {
      cancelled = true;
    };
  }, [locale, pathname]);

  return null;
}
