/**
 * Reads archived CBP captures from disk: plain `.xml` / `.json`, gzipped `.xml.gz` / `.json.gz`,
 * and `.tar.gz` / `.tgz` bundles of those. Used by tests, the fake upstream and history import.
 */
import { createReadStream } from "node:fs";
import { readdir, readFile, stat } from "node:fs/promises";
import path from "node:path";
import { createGunzip, gunzipSync } from "node:zlib";
import { extract } from "tar-stream";

export interface ArchivedCapture {
  /** Name of the capture (the file name, or the entry name inside a tarball). */
  name: string;
  /** Where it came from, e.g. `bwt-sd_2025-10.tar.gz`. */
  source: string;
  body: Buffer;
}

const CAPTURE = /\.(xml|json)(\.gz)?$/i;
const TARBALL = /\.(tar\.gz|tgz)$/i;

/** Yields every capture under the given files or folders (folders are walked recursively, sorted by name). */
export async function* readCaptures(paths: readonly string[]): AsyncGenerator<ArchivedCapture> {
  for (const p of paths) {
    const info = await stat(p);
    if (info.isDirectory()) {
      const entries = (await readdir(p)).sort();
      yield* readCaptures(entries.map((e) => path.join(p, e)).filter((e) => !path.basename(e).startsWith(".")));
    } else if (TARBALL.test(p)) {
      yield* readTarball(p);
    } else if (CAPTURE.test(p)) {
      const raw = await readFile(p);
      yield { name: path.basename(p), source: p, body: p.toLowerCase().endsWith(".gz") ? gunzipSync(raw) : raw };
    }
  }
}

async function* readTarball(file: string): AsyncGenerator<ArchivedCapture> {
  const tar = extract();
  // pipe() does not forward errors: without these a truncated .tar.gz raised an unhandled
  // 'error' event (crashing the process) instead of rejecting this generator.
  const source = createReadStream(file).on("error", (error) => tar.destroy(error));
  source.pipe(createGunzip().on("error", (error) => tar.destroy(error))).pipe(tar);
  for await (const entry of tar) {
    const name = path.basename(entry.header.name);
    if (entry.header.type !== "file" || !CAPTURE.test(name) || name.startsWith(".")) {
      entry.resume();
      continue;
    }
    const chunks: Buffer[] = [];
    for await (const chunk of entry) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks);
    yield { name, source: path.basename(file), body: name.toLowerCase().endsWith(".gz") ? gunzipSync(body) : body };
  }
}
