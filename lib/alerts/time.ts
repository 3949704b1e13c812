import type { Alert } from "@/lib/alerts/model";

/** When an alert appeared to the public: its start, or its publication if that came later. */
export const alertAt = (a: Pick<Alert, "startsAt" | "publishedAt">): number => Math.max(a.startsAt, a.publishedAt ?? a.startsAt);
