/**
 * CLI for the fake CBP upstream, for Playwright's webServer, the benchmark and `npm run dev:offline`:
 *
 *   tsx tests/fake-cbp/server.ts [--port 3197] [--host 127.0.0.1] [--fixture FILE]
 *       [--replay-now FILE_OR_DIR ...] [--mode ok] [--delay-ms N] [--exit-after-minutes 240] [--log]
 *
 * Prints one `fake-cbp listening on …` line once it accepts connections, so callers can wait for it.
 */
import { FAKE_MODES, isFakeMode, startFakeCbp, type FakeCbpOptions, type FakeMode } from "./fake-cbp";

interface Args extends FakeCbpOptions {
  mode: FakeMode;
  exitAfterMinutes: number;
}

function usage(message: string, code = 2): never {
  if (message) console.error(`fake-cbp: ${message}`);
  console.error(
    "usage: tsx tests/fake-cbp/server.ts [--port 3197] [--host 127.0.0.1] [--fixture FILE] [--replay-now FILE_OR_DIR ...]\n" +
      `       [--mode ${FAKE_MODES.join("|")}] [--delay-ms N] [--exit-after-minutes 240] [--log]`,
  );
  process.exit(code);
}

function number(flag: string, value: string | undefined): number {
  const n = Number(value);
  if (value === undefined || value === "" || !Number.isFinite(n) || n < 0) usage(`${flag} needs a non-negative number`);
  return n;
}

// Hand-rolled rather than util.parseArgs so that `--replay-now a b c` takes several values after one flag.
function parse(argv: string[]): Args {
  const args: Args = { port: 3197, mode: "ok", exitAfterMinutes: 240 };
  for (let i = 0; i < argv.length; i++) {
    const raw = argv[i]!;
    const eq = raw.indexOf("=");
    const flag = raw.startsWith("--") && eq > 0 ? raw.slice(0, eq) : raw;
    const inline = raw.startsWith("--") && eq > 0 ? raw.slice(eq + 1) : undefined;
    const value = () => inline ?? argv[++i] ?? usage(`${flag} needs a value`);
    switch (flag) {
      case "--port":
        args.port = number(flag, value());
        break;
      case "--host":
        args.host = value();
        break;
      case "--fixture":
        args.fixture = value();
        break;
      case "--mode": {
        const m = value();
        if (!isFakeMode(m)) usage(`unknown mode ${m}`);
        args.mode = m;
        break;
      }
      case "--delay-ms":
        args.delayMs = number(flag, value());
        break;
      case "--exit-after-minutes":
        args.exitAfterMinutes = number(flag, value());
        break;
      case "--log":
        args.log = true;
        break;
      case "--replay-now": {
        const paths = inline !== undefined ? [inline] : [];
        while (argv[i + 1] !== undefined && !argv[i + 1]!.startsWith("--")) paths.push(argv[++i]!);
        if (paths.length === 0) usage("--replay-now needs at least one file or folder");
        args.replayNow = [...(args.replayNow ?? []), ...paths];
        break;
      }
      case "--help":
      case "-h":
        usage("", 0);
        break;
      default:
        usage(`unknown argument ${raw}`);
    }
  }
  return args;
}

const args = parse(process.argv.slice(2));
const fake = await startFakeCbp(args).catch((err: unknown) => {
  console.error(`fake-cbp: cannot start: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
fake.setMode(args.mode);
console.log(`fake-cbp listening on ${fake.url} (mode ${fake.mode})`);

let stopping = false;
async function stop(reason: string, code: number): Promise<void> {
  if (stopping) process.exit(code);
  stopping = true;
  if (reason !== "SIGINT" && reason !== "SIGTERM") console.log(`fake-cbp stopping: ${reason}`);
  await fake.close();
  process.exit(code);
}

process.on("SIGTERM", () => void stop("SIGTERM", 0));
process.on("SIGINT", () => void stop("SIGINT", 0));
// A server forgotten by a crashed test run or a closed terminal must not hold the port for ever.
if (args.exitAfterMinutes > 0) {
  // Clamped: setTimeout fires at once for delays beyond 2^31-1 ms (about 24.8 days).
  const ms = Math.min(args.exitAfterMinutes * 60_000, 2 ** 31 - 1);
  setTimeout(() => void stop(`--exit-after-minutes ${args.exitAfterMinutes} elapsed`, 0), ms);
}
