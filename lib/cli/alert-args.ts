/**
 * The arguments of `npm run alert:add`, parsed and validated (pure, so tests can call it).
 */
import { parseArgs } from "node:util";
import { z } from "zod";
import { AlertInput, SEVERITIES } from "@/lib/alerts/model";

export const ALERT_ADD_USAGE = `Usage: npm run alert:add -- --title-en TEXT --title-es TEXT --body-en TEXT --body-es TEXT
         [--severity info|warning|critical] [--ports san-ysidro,otay-mesa] [--starts ISO] [--ends ISO]
  Publishes a bilingual alert. No --ports: every port. --starts defaults to now;
  dates are ISO 8601 with an offset, e.g. 2026-03-01T06:00:00-08:00.`;

const instant = (name: string) =>
  z.iso
    .datetime({ offset: true, error: `--${name}: expected an ISO 8601 date-time with an offset, e.g. 2026-03-01T06:00:00-08:00` })
    .transform((s) => Date.parse(s));

const Args = z.object({
  "title-en": z.string({ error: "--title-en is required" }),
  "title-es": z.string({ error: "--title-es is required" }),
  "body-en": z.string({ error: "--body-en is required" }),
  "body-es": z.string({ error: "--body-es is required" }),
  severity: z.enum(SEVERITIES, { error: `--severity: expected one of ${SEVERITIES.join(", ")}` }).optional(),
  ports: z.string().optional(),
  starts: instant("starts").optional(),
  ends: instant("ends").optional(),
});

export type AlertArgs = { ok: true; input: z.output<typeof AlertInput> } | { ok: false; message: string };

export function parseAlertArgs(argv: string[], now: number): AlertArgs {
  let values: Record<string, unknown>;
  try {
    const str = { type: "string" } as const;
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: { "title-en": str, "title-es": str, "body-en": str, "body-es": str, severity: str, ports: str, starts: str, ends: str },
    }));
  } catch (error) {
    return { ok: false, message: (error as Error).message };
  }
  const args = Args.safeParse(values);
  if (!args.success) return { ok: false, message: args.error.issues.map((i) => i.message).join("; ") };
  const a = args.data;
  const input = AlertInput.safeParse({
    titleEn: a["title-en"],
    titleEs: a["title-es"],
    bodyEn: a["body-en"],
    bodyEs: a["body-es"],
    severity: a.severity,
    ports: a.ports === undefined ? [] : a.ports.split(",").map((p) => p.trim()).filter(Boolean),
    startsAt: a.starts ?? now,
    endsAt: a.ends ?? null,
    // From the command line an alert is live at once; drafts and scheduling are in the staff admin.
    status: "published",
  });
  if (!input.success) return { ok: false, message: input.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ") };
  return { ok: true, input: input.data };
}
