/** What every admin server action returns (useActionState keeps it between submissions). */
import type { AuthError } from "@/lib/auth/guard";
import type { FieldErrors } from "@/lib/admin/forms";

export type ActionError =
  | AuthError
  | "invalid"
  | "credentials"
  | "code"
  | "throttled"
  | "expired-link"
  | "one-sided"
  | "not-found"
  | "stale"
  | "conflict"
  | "self";

export interface ActionState {
  ok: boolean;
  error?: ActionError;
  fields?: FieldErrors;
  /** The paths of kind-specific details (YAML) that are not valid, e.g. "sources.en.0.url". */
  details?: string[];
  retryAfterS?: number;
  /** The languages an unconfirmed one-sided edit changed. */
  changed?: string[];
  /** Shown once: recovery codes, a setup link. */
  recoveryCodes?: string[];
  setupLink?: string;
  /** Epoch ms of a successful save, so the form can say "Saved at …". */
  savedAt?: number;
  savedStatus?: string;
}

export const INITIAL_STATE: ActionState = { ok: false };

export const fail = (error: ActionError, extra: Omit<ActionState, "ok" | "error"> = {}): ActionState => ({ ok: false, error, ...extra });
