"use client";

import { useSyncExternalStore } from "react";
import { useLocale, useNow, useTranslations } from "next-intl";
import { receivedAtText } from "@/components/offline/format";
import { useConnectivity } from "@/components/offline/connectivity";
import { SITE_TIME_ZONE } from "@/lib/i18n/routing";

/** When this page's script started: a page whose HTML is much older than that came from a saved copy. */
const LOADED_AT = typeof window === "undefined" ? 0 : Date.now();
/** Longer than any real render-to-load delay, even on a weak signal. */
export const SAVED_COPY_MS = 2 * 60_000;
const noSubscription = () => () => {};

/**
 * "You are offline. These are the last waits we received, at 3:42 p.m." The live region is always
 * in the page (empty while online) so screen readers announce the notice when it appears.
 */
export function OfflineNotice() {
  const t = useTranslations("Offline");
  const locale = useLocale();
  const now = useNow({ updateInterval: 60_000 }).getTime();
  const { offline, online, live, renderedAt } = useConnectivity();
  const received = live?.fetchedAt ? Date.parse(live.fetchedAt) : null;
  // Online, but the service worker gave the saved copy (a slow network): the live lists refresh
  // themselves, the rest of the page (forecasts, the dashboard) is as old as the copy.
  const savedCopy = useSyncExternalStore(noSubscription, () => LOADED_AT - renderedAt > SAVED_COPY_MS, () => false);
  return (
    <div role="status" aria-live="polite" data-testid="offline-region">
      {offline && (
        <div className="border-b-4 border-sky-900 bg-sky-50 px-4 py-3 text-sky-950" data-testid="offline-notice" data-online={online ? "true" : "false"}>
          <div className="mx-auto max-w-3xl">
            <p className="font-bold">
              <svg aria-hidden="true" viewBox="0 0 24 24" className="mr-1.5 inline-block h-5 w-5 align-text-bottom" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round">
                <path d="M2 9a15 15 0 0 1 20 0M5.5 12.5a10 10 0 0 1 13 0M9 16a5 5 0 0 1 6 0M12 20h.01M3 3l18 18" />
              </svg>
              {online ? t("unreachableTitle") : t("offlineTitle")}
            </p>
            <p>
              {received !== null ? t("lastWaits", { time: receivedAtText(locale, received, now, SITE_TIME_ZONE) }) : t("pageMayBeOld")} {t("backOnline")}
            </p>
          </div>
        </div>
      )}
      {!offline && savedCopy && (
        <div className="border-b-4 border-sky-900 bg-sky-50 px-4 py-3 text-sky-950" data-testid="saved-copy-notice">
          <p className="mx-auto max-w-3xl">
            {t("savedCopy", { time: receivedAtText(locale, renderedAt, now, SITE_TIME_ZONE) })}{" "}
            <a href="" className="font-semibold underline underline-offset-4">
              {t("reload")}
            </a>
          </p>
        </div>
      )}
    </div>
  );
}
