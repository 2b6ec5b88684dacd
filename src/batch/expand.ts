import { promises as fs, type Dirent, type Stats } from "node:fs";
import path from "node:path";
import type { ErrorCode } from "../model/errors.js";
import { expandArchives, type ArchiveRef } from "./archive-entries.js";
import { compileGlob, couldContainMatches, expandBraces, hasGlob, splitGlobBase } from "./glob.js";
import { escapedName, utf8Name } from "./raw-names.js";

/** Extensions perfgoal reads when it walks a folder (explicitly named files are always tried). */
export const FORM_EXTENSIONS = [".docx", ".doc", ".txt", ".yaml", ".yml", ".wps", ".xlsx", ".xlsm", ".xls", ".et", ".pdf", ".zip"];

/** Why a path was passed over on purpose (counted in the summary, not an error). */
export type SkipReason = "lock" | "hidden" | "unsupported" | "special" | "link-loop" | "broken-link" | "link-outside" | "output";

/** A path passed over on purpose; `folder` when it is a folder (a hidden one), not a file. */
export interface SkippedPath {
  file: string;
  reason: SkipReason;
  folder?: true;
}

export interface InputFile {
  /** The path as shown to the user: relative to the working folder when the input was. */
  file: string;
  /** The input folder (or glob base) it was found under, for mirroring into --out-dir. */
  root: string;
  /** The absolute path as bytes, when the name is not valid UTF-8 (`file` then shows it escaped). */
  raw?: Uint8Array;
  /** An entry of a zip archive (`file` is then `部门A.zip!/项目1.docx`, no path on disk). */
  archive?: ArchiveRef;
}

export interface ExpandOptions {
  /**
   * Absolute paths this run writes (--out-dir, -o, --summary): never read as inputs when a walk
   * meets them, so a second run does not read its own outputs (nor nest `yaml/yaml/…`).
   */
  exclude?: readonly string[];
}

export interface ExpandedInputs {
  /** Files to process, sorted by path (folder by folder), each once. */
  files: InputFile[];
  /** Passed over on purpose: Word lock files, hidden files, other types, pipes and devices, bad links. */
  skipped: SkippedPath[];
  /** Paths (or patterns matching nothing) that do not exist. */
  missing: string[];
  /** Folders that could not be listed. */
  unreadable: { file: string; code: ErrorCode; detail?: string }[];
}

/** Why a file found in a folder is not read, by its name alone. */
export function skipReasonForName(name: string): "lock" | "hidden" | "unsupported" | undefined {
  if (name.startsWith("~$")) return "lock";
  if (name.startsWith(".")) return "hidden";
  if (!FORM_EXTENSIONS.includes(path.extname(name).toLowerCase())) return "unsupported";
  return undefined;
}

/** Path separators: on POSIX a backslash belongs to the name (and escaped names `\xD6` hold one). */
const SEPARATORS = path.sep === "/" ? /\// : /[\\/]/;

/**
 * Names in the order people expect (表2 before 表10 before 表100, Chinese by pinyin), as a file
 * manager lists them. The locale is fixed, never the machine's; names the collator holds equal
 * (full- and half-width forms) fall back to code units, so the order is total.
 */
const NAME_ORDER = new Intl.Collator("zh", { numeric: true });

export function compareNames(x: string, y: string): number {
  return NAME_ORDER.compare(x, y) || (x < y ? -1 : x > y ? 1 : 0);
}

/** Compare paths segment by segment, in natural name order: the same on every machine. */
export function comparePaths(a: string, b: string): number {
  const sa = a.split(SEPARATORS);
  const sb = b.split(SEPARATORS);
  const n = Math.min(sa.length, sb.length);
  for (let i = 0; i < n; i++) {
    const x = sa[i]!;
    const y = sb[i]!;
    if (x !== y) {
      // A folder's own files come before its subfolders' files, as a walk lists them.
      const xIsLast = i === sa.length - 1;
      const yIsLast = i === sb.length - 1;
      if (xIsLast !== yIsLast) return xIsLast ? -1 : 1;
      return compareNames(x, y);
    }
  }
  return sa.length - sb.length;
}

interface WalkFilter {
  /** Does this file (path relative to the walk root, `/`-separated) belong to the input? */
  file(relative: string): boolean;
  /** May this folder hold files that belong? */
  dir(relative: string): boolean;
  /** Report non-matching entries as skipped (a folder walk) or ignore them (a glob). */
  reportAll: boolean;
}

const EVERYTHING: WalkFilter = { file: () => true, dir: () => true, reportAll: true };

/** A path for the file system: text, or raw bytes (absolute) when a name on the way is not UTF-8. */
type FsPath = string | Buffer;

/** A real path as a key: its bytes, one char per byte, so that raw and text paths compare. */
const bytesKey = (real: Buffer): string => real.toString("latin1");

/** Expand files, folders (recursively) and globs into a sorted list of form files. */
export async function expandInputs(inputs: readonly string[], cwd: string, options: ExpandOptions = {}): Promise<ExpandedInputs> {
  const out: ExpandedInputs = { files: [], skipped: [], missing: [], unreadable: [] };
  const seenFiles = new Set<string>();
  const fsPath = (p: FsPath): FsPath => (typeof p === "string" ? path.resolve(cwd, p) : p);
  const realKey = async (p: FsPath): Promise<string | undefined> => {
    const real = await fs.realpath(fsPath(p), { encoding: "buffer" }).catch(() => undefined);
    return real ? bytesKey(real) : undefined;
  };
  const excluded = new Set<string>();
  for (const target of options.exclude ?? []) {
    const abs = path.resolve(cwd, target);
    const folder = await realKey(path.dirname(abs));
    excluded.add((await realKey(abs)) ?? (folder ? `${folder}${path.sep}${bytesKey(Buffer.from(path.basename(abs)))}` : bytesKey(Buffer.from(abs))));
  }

  function addFile(file: string, root: string, raw?: Buffer): void {
    const key = raw ? `raw:${bytesKey(raw)}` : path.resolve(cwd, file);
    if (seenFiles.has(key)) return;
    seenFiles.add(key);
    // A copy of its own: a worker gets the bytes, not the pool a small Buffer lives in.
    out.files.push({ file, root, ...(raw ? { raw: new Uint8Array(raw) } : {}) });
  }

  /** Type of an entry, following symbolic links; never opens the entry itself. */
  async function entryKind(full: FsPath, dirent: Dirent | undefined): Promise<"file" | "dir" | "special" | "link-loop" | "broken-link" | "missing" | "error"> {
    if (dirent && !dirent.isSymbolicLink()) {
      if (dirent.isFile()) return "file";
      if (dirent.isDirectory()) return "dir";
      if (dirent.isFIFO() || dirent.isSocket() || dirent.isCharacterDevice() || dirent.isBlockDevice()) return "special";
    }
    if (!dirent) {
      try {
        await fs.lstat(fsPath(full));
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        return code === "ENOENT" || code === "ENOTDIR" ? "missing" : "error";
      }
    }
    let st: Stats;
    try {
      st = await fs.stat(fsPath(full));
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === "ELOOP") return "link-loop";
      if (code === "ENOENT" || code === "ENOTDIR") return "broken-link";
      return "error";
    }
    if (st.isFile()) return "file";
    if (st.isDirectory()) return "dir";
    return "special";
  }

  /** Real paths of the walk roots: links inside a root are followed only to places inside it. */
  const rootReal = new Map<string, string>();
  async function realRoot(root: string): Promise<string | undefined> {
    if (!rootReal.has(root)) rootReal.set(root, (await realKey(root)) ?? "");
    return rootReal.get(root) || undefined;
  }
  async function leadsOutside(full: FsPath, root: string): Promise<boolean> {
    const base = await realRoot(root);
    const target = await realKey(full);
    if (!base || !target) return false;
    return target !== base && !target.startsWith(base.endsWith(path.sep) ? base : base + path.sep);
  }

  /** A folder's entries; listed again as bytes when a name is not valid UTF-8 (it would open nothing). */
  async function listFolder(dir: FsPath): Promise<{ name: string; raw?: Buffer; dirent: Dirent }[]> {
    const entries = await fs.readdir(fsPath(dir), { withFileTypes: true });
    if (typeof dir === "string" && !entries.some((e) => e.name.includes("\uFFFD"))) return entries.map((dirent) => ({ name: dirent.name, dirent }));
    const raw = (await fs.readdir(fsPath(dir), { withFileTypes: true, encoding: "buffer" })) as unknown as (Dirent & { name: Buffer })[];
    return raw.map((dirent) => {
      const text = utf8Name(dirent.name);
      return text !== undefined && typeof dir === "string" ? { name: text, dirent } : { name: text ?? escapedName(dirent.name), raw: dirent.name, dirent };
    });
  }

  /**
   * `dir` is the folder as shown; `dirRaw` its absolute path as bytes once a name on the way is
   * not UTF-8 (then every path below it is opened by its bytes).
   */
  async function walk(dir: string, root: string, filter: WalkFilter, relDir: string, ancestors: Set<string>, dirRaw?: Buffer): Promise<void> {
    const dirFs: FsPath = dirRaw ?? dir;
    const real = await realKey(dirFs);
    // A link back to a folder we are inside would loop forever.
    if (real === undefined || ancestors.has(real)) {
      out.skipped.push({ file: dir, reason: "link-loop" });
      return;
    }
    let entries: Awaited<ReturnType<typeof listFolder>>;
    try {
      entries = await listFolder(dirFs);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      out.unreadable.push({ file: dir, code: "PG-E-UNREADABLE", ...(code ? { detail: code } : {}) });
      return;
    }
    const inside = new Set(ancestors).add(real);
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const { name, raw, dirent: e } of entries) {
      const full = dir === "." ? name : path.join(dir, name);
      const fullRaw = raw || dirRaw ? Buffer.concat([dirRaw ?? Buffer.from(path.resolve(cwd, dir)), Buffer.from(path.sep), raw ?? Buffer.from(name)]) : undefined;
      const fullFs: FsPath = fullRaw ?? full;
      const rel = relDir === "" ? name : `${relDir}/${name}`;
      const hidden = name.startsWith(".");
      const kind = await entryKind(fullFs, e);
      // A link found while walking is followed only inside the folder named (a link to `/` would
      // walk the machine); a file or folder named on the command line is the user's choice.
      if (e.isSymbolicLink() && (kind === "dir" || kind === "file" || kind === "special") && (await leadsOutside(fullFs, root))) {
        if (filter.reportAll || filter.file(rel)) out.skipped.push({ file: full, reason: "link-outside" });
        continue;
      }
      if (excluded.size > 0 && (kind === "dir" || kind === "file")) {
        const key = e.isSymbolicLink() ? await realKey(fullFs) : `${real}${path.sep}${bytesKey(raw ?? Buffer.from(name))}`;
        if (key !== undefined && excluded.has(key)) {
          if (filter.reportAll || filter.file(rel)) out.skipped.push({ file: full, reason: "output" });
          continue;
        }
      }
      if (kind === "dir") {
        if (hidden) {
          if (filter.reportAll) out.skipped.push({ file: full, reason: "hidden", folder: true });
          continue;
        }
        // A pattern naming a folder (`部门*`) takes all of it, as the shell's expansion would.
        if (filter !== EVERYTHING && filter.file(rel)) await walk(full, root, EVERYTHING, rel, inside, fullRaw);
        else if (filter.dir(rel)) await walk(full, root, filter, rel, inside, fullRaw);
        continue;
      }
      if (!filter.file(rel)) continue;
      if (kind === "missing") continue;
      if (kind === "special" || kind === "link-loop" || kind === "broken-link") out.skipped.push({ file: full, reason: kind });
      else if (kind === "error") out.unreadable.push({ file: full, code: "PG-E-UNREADABLE" });
      else {
        const reason = skipReasonForName(name);
        if (reason) out.skipped.push({ file: full, reason });
        else addFile(full, root, fullRaw);
      }
    }
  }

  async function expandGlob(pattern: string): Promise<boolean> {
    const before = out.files.length + out.skipped.length;
    for (const alternative of expandBraces(pattern)) {
      const { base, rest } = splitGlobBase(alternative);
      if (!hasGlob(rest.join("/"))) {
        // `{a,b}.docx` expands to plain paths.
        if ((await entryKind(alternative, undefined)) === "file") addFile(alternative, path.dirname(alternative));
        continue;
      }
      if ((await entryKind(base, undefined)) !== "dir") continue;
      const filter: WalkFilter = { file: compileGlob(rest), dir: couldContainMatches(rest), reportAll: false };
      await walk(base, base, filter, "", new Set());
    }
    return out.files.length + out.skipped.length > before;
  }

  for (const input of inputs) {
    const kind = await entryKind(input, undefined);
    if (kind === "dir") {
      const root = path.isAbsolute(input) ? input : path.relative(cwd, path.resolve(cwd, input)) || ".";
      await walk(root, root, EVERYTHING, "", new Set());
    } else if (kind === "file" || kind === "special") {
      // A file named on the command line is always tried (the reader refuses what it cannot read), except a lock file.
      if (path.basename(input).startsWith("~$")) out.skipped.push({ file: input, reason: "lock" });
      else addFile(input, path.dirname(input));
    } else if (kind === "broken-link") {
      // Named on the command line, a link to nothing is a missing file, not something to skip quietly.
      out.missing.push(input);
    } else if (kind === "link-loop") {
      out.unreadable.push({ file: input, code: "PG-E-UNREADABLE", detail: "ELOOP" });
    } else if (kind === "error") {
      out.unreadable.push({ file: input, code: "PG-E-UNREADABLE" });
    } else if (!(hasGlob(input) && (await expandGlob(input)))) {
      out.missing.push(input);
    }
  }
  // Zip archives of submissions are read in place: their entries take their place.
  expandArchives(out, cwd);
  out.files.sort((a, b) => comparePaths(a.file, b.file));
  out.skipped.sort((a, b) => comparePaths(a.file, b.file));
  return out;
}

/** Counts of skipped paths by reason, for the summary line. */
export function countSkipped(skipped: ExpandedInputs["skipped"]): Partial<Record<SkipReason, number>> {
  const counts: Partial<Record<SkipReason, number>> = {};
  for (const s of skipped) counts[s.reason] = (counts[s.reason] ?? 0) + 1;
  return counts;
}
