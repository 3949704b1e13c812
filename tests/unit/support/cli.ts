/** Runs one of our command-line scripts as `npm run …` does (tsx, react-server conditions), with its own DATA_DIR. */
import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";

const ROOT = path.resolve(import.meta.dirname, "../../..");

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export async function runCli(script: string, args: string[], dataDir: string): Promise<CliResult> {
  try {
    const { stdout, stderr } = await promisify(execFile)(path.join(ROOT, "node_modules/.bin/tsx"), ["--conditions=react-server", script, ...args], {
      cwd: ROOT,
      env: { ...process.env, DATA_DIR: dataDir },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as CliResult;
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}
