/** Where an alert stands for the public right now; the staff lists show it in words. */
import type { Alert } from "@/lib/alerts/model";

export type AlertState = "draft" | "scheduled" | "live" | "ended";

export function alertState(alert: Pick<Alert, "status" | "startsAt" | "endsAt">, now: number): AlertState {
  if (alert.status === "draft") return "draft";
  if (alert.startsAt > now) return "scheduled";
  return alert.endsAt !== null && alert.endsAt <= now ? "ended" : "live";
}
