import { closeSync, fstatSync, openSync, readSync, readFileSync } from "node:fs";
import path from "node:path";
import { isPerfgoalError, PerfgoalError } from "../model/errors.js";
import { archiveBudget, isWordPackage, listArchive, MAX_ARCHIVE_DEPTH, openArchive, readArchiveEntry, tooDeep } from "../parse/archive/archive.js";
import type { InflateBudget } from "../parse/docx/zip.js";
import type { ExpandedInputs, InputFile } from "./expand.js";

/** Where an input is inside an archive: the archive file, and the entry's directory position at each level. */
export interface ArchiveRef {
  /** The archive file as the user named or a walk found it (what `file` shows before `!/`). */
  container: string;
  /** Its absolute path as bytes, when its name is not valid UTF-8. */
  containerRaw?: Uint8Array;
  at: number[];
}

/** Extensions of files perfgoal reads inside an archive, as in a folder (the reader then goes by content). */
const ENTRY_EXTENSIONS = new Set([".docx", ".doc", ".wps", ".txt", ".yaml", ".yml", ".pdf"]);
/** Names that Word packages (opened as archives by no one) are given: never looked into. */
const WORD_EXTENSIONS = new Set([".docx", ".docm", ".dotx", ".wps", ".xlsx", ".xlsm"]);
/** Largest archive listed in the main thread; perfgoal reads no bigger file. */
const MAX_ARCHIVE_BYTES = 64 * 1024 * 1024;

/**
 * Replace each zip archive among the inputs by the form files it holds, read in place (nothing
 * is extracted to disk): `部门A.zip!/项目1.docx`, and one level deeper for an archive inside.
 * Only the directories are read here (and the bytes of a nested archive, within the same caps
 * as the .docx reader); each entry is then read like a file, in a worker of its own.
 * An archive that cannot be listed is reported unreadable; entries of other types are skipped.
 */
export function expandArchives(out: ExpandedInputs, cwd: string): void {
  const files: InputFile[] = [];
  for (const f of out.files) {
    const ext = path.extname(f.file).toLowerCase();
    if (WORD_EXTENSIONS.has(ext) || !startsAsZip(f, cwd)) {
      files.push(f);
      continue;
    }
    try {
      const bytes = readWhole(f, cwd);
      const zip = openArchive(bytes);
      // A Word package renamed .zip is read as the document it is.
      if (isWordPackage(zip)) files.push(f);
      else listInto(bytes, f, { container: f.file, ...(f.raw ? { containerRaw: f.raw } : {}), at: [] }, `${f.file}!/`, archiveBudget(), files, out);
    } catch (e) {
      if (!isPerfgoalError(e)) throw e;
      out.unreadable.push({ file: f.file, code: e.code, ...(e.detail ? { detail: e.detail } : {}) });
    }
  }
  out.files = files;
}

function listInto(bytes: Uint8Array, f: InputFile, ref: ArchiveRef, prefix: string, budget: InflateBudget, files: InputFile[], out: ExpandedInputs): void {
  const zip = openArchive(bytes);
  for (const item of listArchive(zip)) {
    if (item.folder) continue;
    const base = path.posix.basename(item.shown);
    const shown = `${prefix}${item.shown}`;
    const at = [...ref.at, item.index];
    // Resource forks and folders of macOS archives, hidden and lock files: never forms.
    if (item.shown.startsWith("__MACOSX/") || base.startsWith(".")) {
      out.skipped.push({ file: shown, reason: "hidden" });
      continue;
    }
    if (base.startsWith("~$")) {
      out.skipped.push({ file: shown, reason: "lock" });
      continue;
    }
    const ext = path.posix.extname(base).toLowerCase();
    if (ext === ".zip") {
      if (at.length >= MAX_ARCHIVE_DEPTH) {
        const e = tooDeep();
        out.unreadable.push({ file: shown, code: e.code, ...(e.detail ? { detail: e.detail } : {}) });
        continue;
      }
      try {
        const inner = readArchiveEntry(zip, item.index, budget);
        const innerZip = openArchive(inner);
        if (isWordPackage(innerZip)) files.push(entryFile(f, ref, at, shown));
        else listInto(inner, f, { ...ref, at }, `${shown}!/`, budget, files, out);
      } catch (e) {
        if (!isPerfgoalError(e)) throw e;
        out.unreadable.push({ file: shown, code: e.code, ...(e.detail ? { detail: e.detail } : {}) });
      }
      continue;
    }
    if (!ENTRY_EXTENSIONS.has(ext)) {
      out.skipped.push({ file: shown, reason: "unsupported" });
      continue;
    }
    files.push(entryFile(f, ref, at, shown));
  }
}

function entryFile(f: InputFile, ref: ArchiveRef, at: number[], shown: string): InputFile {
  return { file: shown, root: f.root, archive: { ...ref, at } };
}

/** Does the file start with a zip signature? Reads four bytes; an unreadable file is left to its worker. */
function startsAsZip(f: InputFile, cwd: string): boolean {
  let fd: number | undefined;
  try {
    fd = openSync(f.raw ? Buffer.from(f.raw) : path.resolve(cwd, f.file), "r");
    if (!fstatSync(fd).isFile()) return false;
    const head = Buffer.alloc(4);
    return readSync(fd, head, 0, 4, 0) === 4 && head.readUInt32LE(0) === 0x04034b50;
  } catch {
    return false;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

function readWhole(f: InputFile, cwd: string): Uint8Array {
  const file = f.raw ? Buffer.from(f.raw) : path.resolve(cwd, f.file);
  const fd = openSync(file, "r");
  try {
    const size = fstatSync(fd).size;
    if (size > MAX_ARCHIVE_BYTES) throw new PerfgoalError("PG-E-TOO-LARGE", { zh: `${size} 字节`, en: `${size} bytes` });
    return readFileSync(fd);
  } finally {
    closeSync(fd);
  }
}
