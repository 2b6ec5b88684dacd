import { randomBytes } from "node:crypto";
import { lstatSync, mkdirSync, promises as fs, readlinkSync, realpathSync, renameSync, rmSync, statSync, writeFileSync, type Stats } from "node:fs";
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

/** Files being written right now, so an interrupt, a SIGTERM or a crash can remove their temporary files. */
const pendingTemps = new Set<string>();
let exitHooked = false;

/** Synchronous on purpose: it runs in the process's 'exit' hook and in signal handlers. */
export function removePendingTemps(): void {
  for (const t of pendingTemps) {
    try {
      rmSync(t, { force: true });
    } catch {
      /* already gone */
    }
  }
  pendingTemps.clear();
}

function addPending(tmp: string): void {
  // An uncaught exception still runs 'exit' hooks: no temporary file outlives the process.
  if (!exitHooked) {
    process.once("exit", removePendingTemps);
    exitHooked = true;
  }
  pendingTemps.add(tmp);
}

export interface WriteOptions {
  /** Overwrite an existing file. */
  force?: boolean;
  /** Absolute paths of the inputs: never written over, whatever --force says. */
  inputs?: Iterable<string>;
  /** The outputs this run has written: a second input never takes the name of another's output. */
  claims?: OutputClaims;
  /** The input this output is made from, as shown (for the collision message). */
  owner?: string;
}

/** The longest file name (in bytes) the usual file systems take (NAME_MAX). */
export const MAX_NAME_BYTES = 255;

/**
 * The outputs one run has written, by path and by file identity (a case-insensitive file system
 * gives `A.yaml` and `a.yaml` one file): with --force, two inputs mapping to one output name would
 * otherwise leave one output and report both as written.
 */
export class OutputClaims {
  private readonly byPath = new Map<string, string>();
  private readonly byFile = new Map<string, string>();

  /** The input whose output already holds this name in this run, if any. */
  ownerOf(abs: string): string | undefined {
    const named = this.byPath.get(abs);
    if (named !== undefined || this.byFile.size === 0) return named;
    const id = fileIdentity(abs);
    return id !== undefined ? this.byFile.get(id) : undefined;
  }

  record(abs: string, owner: string): void {
    this.byPath.set(abs, owner);
    const id = fileIdentity(abs);
    if (id !== undefined) this.byFile.set(id, owner);
  }
}

/** Device and inode of the file a path leads to (links followed), or undefined when there is none. */
function fileIdentity(p: string): string | undefined {
  const st = statSync(p, { throwIfNoEntry: false });
  return st ? `${st.dev}:${st.ino}` : undefined;
}

const KIND_NAMES = {
  dir: { zh: "文件夹", en: "a folder" },
  char: { zh: "字符设备", en: "a character device" },
  block: { zh: "块设备", en: "a block device" },
  fifo: { zh: "命名管道", en: "a named pipe" },
  socket: { zh: "套接字", en: "a socket" },
  other: { zh: "特殊文件", en: "a special file" },
} as const;

function kindOf(st: Stats): keyof typeof KIND_NAMES {
  if (st.isDirectory()) return "dir";
  if (st.isCharacterDevice()) return "char";
  if (st.isBlockDevice()) return "block";
  if (st.isFIFO()) return "fifo";
  if (st.isSocket()) return "socket";
  return "other";
}

/**
 * Refuse a target that exists and is not a regular file we may replace: a device (`/dev/null`),
 * a pipe, a socket, a folder, or any symbolic link. A rename would put a regular file in place of
 * the node (as root, `-o /dev/null` would replace the system's); writing through a link to a
 * regular file would write outside the folder named. The node or link is left untouched.
 * Returns whether the target exists (a regular file).
 */
function checkReplaceable(abs: string, target: string): boolean {
  let st: Stats | undefined;
  try {
    st = lstatSync(abs, { throwIfNoEntry: false });
  } catch (e) {
    throw outputFailure(e, target);
  }
  if (!st) return false;
  if (st.isFile()) return true;
  if (st.isSymbolicLink()) {
    const to = statSync(abs, { throwIfNoEntry: false });
    const kind = to && !to.isFile() ? KIND_NAMES[kindOf(to)] : undefined;
    throw new PerfgoalError(
      "PG-E-OUTPUT",
      kind
        ? { zh: `不是普通文件：是指向${kind.zh}的符号链接，保持原样`, en: `not a regular file: a symbolic link to ${kind.en}, left as it is` }
        : { zh: "是符号链接：不替换链接，也不写入它指向的文件", en: "a symbolic link: neither replaced nor written through" },
      { file: target },
    );
  }
  const kind = KIND_NAMES[kindOf(st)];
  throw new PerfgoalError("PG-E-OUTPUT", { zh: `不是普通文件（${kind.zh}），保持原样`, en: `not a regular file (${kind.en}), left as it is` }, { file: target });
}

/**
 * The checks every output passes before a byte is written (never an input; never a device, pipe,
 * folder or link; an existing file only with `force`; never another input's output of this run),
 * and the temporary name beside the target that the rename will replace.
 * Synchronous, like writeFileAtomic: a batch writes hundreds of small files from the main thread,
 * and each async call is a round trip through the thread pool on cores the workers need.
 */
function claimTarget(target: string, options: WriteOptions): { abs: string; dir: string; tmp: string } {
  const abs = path.resolve(target);
  for (const input of options.inputs ?? []) {
    if (sameFile(abs, path.resolve(input))) throw new PerfgoalError("PG-E-SAME-AS-INPUT", undefined, { file: target });
  }
  const nameBytes = Buffer.byteLength(path.basename(abs));
  if (nameBytes > MAX_NAME_BYTES) {
    throw new PerfgoalError(
      "PG-E-OUTPUT",
      { zh: `文件名过长（${nameBytes} 字节，上限 ${MAX_NAME_BYTES} 字节）`, en: `file name too long (${nameBytes} bytes, at most ${MAX_NAME_BYTES})` },
      { file: target },
    );
  }
  const other = options.claims?.ownerOf(abs);
  if (other !== undefined) throw collision(target, options.owner, other);
  if (checkReplaceable(abs, target) && !options.force) throw new PerfgoalError("PG-E-EXISTS", undefined, { file: target });
  const dir = path.dirname(abs);
  // Short and fixed in length, whatever the target's name: `.<name>.<hex>.tmp` passed NAME_MAX
  // for a name of 80 Chinese characters. Beside the target, so the rename stays atomic.
  return { abs, dir, tmp: path.join(dir, `.pg-${randomBytes(6).toString("hex")}.tmp`) };
}

function collision(target: string, owner: string | undefined, other: string): PerfgoalError {
  const who = owner ?? "-";
  return new PerfgoalError(
    "PG-E-OUTPUT",
    { zh: `${who} 与 ${other} 的输出同名，${who} 的输出未写入`, en: `${who} maps to the same output as ${other}; ${who}'s output was not written` },
    { file: target },
  );
}

/** The last look before the rename: the target may have become a device, a link or a file since the claim. */
function commitRename(tmp: string, abs: string, target: string, options: WriteOptions): void {
  if (checkReplaceable(abs, target) && !options.force) throw new PerfgoalError("PG-E-EXISTS", undefined, { file: target });
  renameSync(tmp, abs);
  if (options.claims) options.claims.record(abs, options.owner ?? "-");
}

/**
 * Write a file atomically: a temporary file beside the target, then rename.
 * An input file is never overwritten; an existing target only with `force`.
 */
export async function writeFileAtomic(target: string, data: string | Uint8Array, options: WriteOptions = {}): Promise<void> {
  const { abs, dir, tmp } = claimTarget(target, options);
  addPending(tmp);
  try {
    mkdirSync(dir, { recursive: true });
    // `wx`: the temporary name is ours alone, never a file or link someone put there.
    writeFileSync(tmp, data, { flag: "wx" });
    commitRename(tmp, abs, target, options);
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
  addPending(tmp);
  let handle: import("node:fs/promises").FileHandle | undefined;
  const abort = async () => {
    await handle?.close().catch(() => undefined);
    handle = undefined;
    await fs.rm(tmp, { force: true }).catch(() => undefined);
    pendingTemps.delete(tmp);
  };
  try {
    await fs.mkdir(dir, { recursive: true });
    handle = await fs.open(tmp, "wx");
  } catch (e) {
    await abort();
    throw failed(e);
  }
  return {
    write: async (data) => {
      try {
        if (!handle) throw new PerfgoalError("PG-E-OUTPUT", { zh: "写入已中止", en: "the write was abandoned" }, { file: target });
        await handle.writeFile(data);
      } catch (e) {
        await abort();
        throw failed(e);
      }
    },
    commit: async () => {
      try {
        if (!handle) throw new PerfgoalError("PG-E-OUTPUT", { zh: "写入已中止", en: "the write was abandoned" }, { file: target });
        await handle.close();
        handle = undefined;
        commitRename(tmp, abs, target, options);
        pendingTemps.delete(tmp);
      } catch (e) {
        await abort();
        throw failed(e);
      }
    },
    abort,
  };
}

/**
 * Whether two output paths name one file: the same path, the same file (a link, a hard link, a
 * case-insensitive name), or, for files not yet there, the same name in the same real folder.
 */
export function sameOutput(a: string, b: string): boolean {
  const ra = path.resolve(a);
  const rb = path.resolve(b);
  if (ra === rb || sameFile(ra, rb)) return true;
  return realName(ra) === realName(rb);
}

/** The path with its links resolved, also a link to a file not yet there (the folder may not exist yet either). */
function realName(abs: string, depth = 0): string {
  try {
    if (depth < 8 && lstatSync(abs, { throwIfNoEntry: false })?.isSymbolicLink()) return realName(path.resolve(path.dirname(abs), readlinkSync(abs)), depth + 1);
  } catch {
    /* unreadable: compare by name */
  }
  let dir = path.dirname(abs);
  try {
    dir = realpathSync(dir);
  } catch {
    /* created by the write */
  }
  return path.join(dir, path.basename(abs));
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
    const ia = fileIdentity(a);
    return ia !== undefined && ia === fileIdentity(b);
  } catch {
    return false;
  }
}
