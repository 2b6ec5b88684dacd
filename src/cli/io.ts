import { randomBytes } from "node:crypto";
import { lstatSync, mkdirSync, promises as fs, renameSync, rmSync, statSync, unlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { outputFailure, PerfgoalError } from "../model/errors.js";
import { MAX_INPUT_BYTES } from "../parse/index.js";

/** Everything the CLI touches of the outside world, so scenario tests can run it in-process. */
export interface CliIO {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  readStdin: () => Promise<Buffer>;
  cwd: string;
  env: Record<string, string | undefined>;
  stdoutIsTTY: boolean;
  stderrIsTTY: boolean;
  /** Columns of the terminal, for the progress bar. */
  columns?: number;
  /** Aborted on Ctrl-C: batch work stops taking new files, nothing half-written is left. */
  signal?: AbortSignal;
  /**
   * Read each file in a worker thread, even with `--jobs 1`, so a file that exhausts memory or
   * never ends fails alone. The real process does; in-process test runs may leave it off.
   */
  isolate?: boolean;
}

export function processIO(signal?: AbortSignal): CliIO {
  return {
    stdout: (t) => void process.stdout.write(t),
    stderr: (t) => void process.stderr.write(t),
    readStdin: async () => {
      const chunks: Buffer[] = [];
      let total = 0;
      for await (const c of process.stdin) {
        total += (c as Buffer).length;
        // Never read an endless stream (`< /dev/zero`) into memory.
        if (total > MAX_INPUT_BYTES) {
          process.stdin.destroy();
          throw new PerfgoalError("PG-E-TOO-LARGE", { zh: `超过 ${MAX_INPUT_BYTES / 1024 / 1024} MB`, en: `over ${MAX_INPUT_BYTES / 1024 / 1024} MB` }, { file: "-" });
        }
        chunks.push(c as Buffer);
      }
      return Buffer.concat(chunks);
    },
    cwd: process.cwd(),
    env: process.env,
    stdoutIsTTY: Boolean(process.stdout.isTTY),
    stderrIsTTY: Boolean(process.stderr.isTTY),
    columns: process.stderr.columns,
    signal,
    isolate: true,
  };
}

/** Files being written right now, so an interrupt can remove their temporary files. */
const pendingTemps = new Set<string>();

export function removePendingTemps(): void {
  for (const t of pendingTemps) {
    try {
      unlinkSync(t);
    } catch {
      /* already gone */
    }
  }
  pendingTemps.clear();
}

export interface WriteOptions {
  /** Overwrite an existing file. */
  force?: boolean;
  /** Absolute paths of the inputs: never written over, whatever --force says. */
  inputs?: Iterable<string>;
}

/**
 * The checks every output passes before a byte is written (never an input; an existing file only
 * with `force`), and the temporary name beside the target that the rename will replace.
 * Synchronous, like writeFileAtomic: a batch writes hundreds of small files from the main thread,
 * and each async call is a round trip through the thread pool on cores the workers need.
 */
function claimTarget(target: string, options: WriteOptions): { abs: string; dir: string; tmp: string } {
  const abs = path.resolve(target);
  for (const input of options.inputs ?? []) {
    if (sameFile(abs, path.resolve(input))) throw new PerfgoalError("PG-E-SAME-AS-INPUT", undefined, { file: target });
  }
  if (!options.force && exists(abs)) throw new PerfgoalError("PG-E-EXISTS", undefined, { file: target });
  const dir = path.dirname(abs);
  return { abs, dir, tmp: path.join(dir, `.${path.basename(abs)}.${randomBytes(6).toString("hex")}.tmp`) };
}

/**
 * Write a file atomically: a temporary file beside the target, then rename.
 * An input file is never overwritten; an existing target only with `force`.
 */
export async function writeFileAtomic(target: string, data: string | Uint8Array, options: WriteOptions = {}): Promise<void> {
  const { abs, dir, tmp } = claimTarget(target, options);
  pendingTemps.add(tmp);
  try {
    mkdirSync(dir, { recursive: true });
    writeFileSync(tmp, data);
    renameSync(tmp, abs);
  } catch (e) {
    try {
      rmSync(tmp, { force: true });
    } catch {
      /* the failure below says what went wrong */
    }
    throw outputFailure(e, target);
  } finally {
    pendingTemps.delete(tmp);
  }
}

/** A file written piece by piece that appears whole under its name on commit(), or not at all. */
export interface AtomicWriter {
  write(data: string | Uint8Array): Promise<void>;
  /** Rename the temporary file to the target. */
  commit(): Promise<void>;
  /** Remove the temporary file (failure, Ctrl-C). */
  abort(): Promise<void>;
}

/**
 * writeFileAtomic for output made as it goes (a batch's report): the same checks up front, a
 * temporary file beside the target that Ctrl-C removes, the rename at the end.
 */
export async function openAtomicWriter(target: string, options: WriteOptions = {}): Promise<AtomicWriter> {
  const { abs, dir, tmp } = claimTarget(target, options);
  const failed = (e: unknown) => outputFailure(e, target);
  pendingTemps.add(tmp);
  let handle: import("node:fs/promises").FileHandle | undefined;
  const abort = async () => {
    await handle?.close().catch(() => undefined);
    handle = undefined;
    await fs.rm(tmp, { force: true }).catch(() => undefined);
    pendingTemps.delete(tmp);
  };
  try {
    await fs.mkdir(dir, { recursive: true });
    handle = await fs.open(tmp, "w");
  } catch (e) {
    await abort();
    throw failed(e);
  }
  return {
    write: async (data) => {
      try {
        await handle!.writeFile(data);
      } catch (e) {
        await abort();
        throw failed(e);
      }
    },
    commit: async () => {
      try {
        await handle!.close();
        handle = undefined;
        await fs.rename(tmp, abs);
        pendingTemps.delete(tmp);
      } catch (e) {
        await abort();
        throw failed(e);
      }
    },
    abort,
  };
}

function exists(p: string): boolean {
  try {
    return lstatSync(p, { throwIfNoEntry: false }) !== undefined;
  } catch {
    return false;
  }
}

function sameFile(a: string, b: string): boolean {
  if (a === b) return true;
  try {
    const sa = statSync(a, { throwIfNoEntry: false });
    const sb = sa && statSync(b, { throwIfNoEntry: false });
    return sa !== undefined && sb !== undefined && sa.ino === sb.ino && sa.dev === sb.dev;
  } catch {
    return false;
  }
}
