/**
 * `npm run alert:add -- …`: publishes a bilingual alert to $DATA_DIR from a shell (scripts,
 * or when nobody can sign in to the staff admin). It appears on the pages, in /api/v1/alerts and
 * the feeds at once (and from --starts when that is later), recorded as a revision by "cli".
 */
import { closeAllDatabases, getDb } from "@/lib/db/client";
import { createAlert } from "@/lib/alerts/store";
import { ALERT_ADD_USAGE, parseAlertArgs } from "@/lib/cli/alert-args";

const now = Date.now();
const parsed = parseAlertArgs(process.argv.slice(2), now);
if (!parsed.ok) {
  console.error(`${parsed.message}\n\n${ALERT_ADD_USAGE}`);
  process.exitCode = 2;
} else {
  try {
    const id = createAlert(getDb(), parsed.input, now);
    const { status, ports, startsAt } = parsed.input;
    console.log(`Alert ${id} saved as ${status}, for ${ports.length ? ports.join(", ") : "every port"}, from ${new Date(startsAt).toISOString()}.`);
  } finally {
    closeAllDatabases();
  }
}
