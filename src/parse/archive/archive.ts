import path from "node:path";
import { PerfgoalError } from "../../model/errors.js";
import { findEntry, MAX_TOTAL_INFLATED, openZip, readEntry, type InflateBudget, type ZipArchive, type ZipEntry } from "../docx/zip.js";
import { entryName, safeEntryPath } from "./entry-names.js";

/** More entries than a department's submission (a few dozen forms) ever holds. */
export const MAX_ARCHIVE_ENTRIES = 1000;
/** An archive in an archive is read; one more level is refused. */
export const MAX_ARCHIVE_DEPTH = 2;
/** One entry inflates to at most what perfgoal reads as a file (parse/index.ts MAX_INPUT_BYTES). */
export const MAX_ENTRY_INFLATED = 64 * 1024 * 1024;
/**
 * An entry of more than a megabyte inflating to over 100 times its packed size is a bomb: forms
 * pack 3–20 to 1. Deflate reaches about 1000 to 1 on runs of one byte, which is what bombs hold.
 */
export const MAX_ENTRY_RATIO = 100;
const RATIO_FLOOR = 1024 * 1024;

/** Is this zip a Word package (a .docx renamed, or not) rather than an archive of files? */
export function isWordPackage(zip: ZipArchive): boolean {
  return findEntry(zip, "word/document.xml") !== undefined;
}

/** An entry of an archive, as listed. */
export interface ArchiveItem {
  /** Position in the directory (duplicated names each have their own). */
  index: number;
  /** The name as decoded (GBK or UTF-8), as stored. */
  name: string;
  /** The same made safe to show and to mirror into an output folder. */
  shown: string;
  folder: boolean;
}

/** The entries of an archive, refused when there are more than MAX_ARCHIVE_ENTRIES. */
export function listArchive(zip: ZipArchive): ArchiveItem[] {
  if (zip.list.length > MAX_ARCHIVE_ENTRIES) {
    throw new PerfgoalError("PG-E-TOO-LARGE", { zh: `压缩包有 ${zip.list.length} 个条目，超过 ${MAX_ARCHIVE_ENTRIES} 个的上限`, en: `the archive has ${zip.list.length} entries, more than the limit of ${MAX_ARCHIVE_ENTRIES}` });
  }
  return zip.list.map((entry, index) => {
    const name = entryName(entry);
    return { index, name, shown: safeEntryPath(name), folder: name.endsWith("/") || name.endsWith("\\") };
  });
}

/** A budget for one archive and everything nested in it. */
export function archiveBudget(): InflateBudget {
  return { remaining: MAX_TOTAL_INFLATED };
}

/** Inflate one entry within the archive's budget, an entry's own cap and the ratio a form can have. */
export function readArchiveEntry(zip: ZipArchive, index: number, budget: InflateBudget): Uint8Array {
  const entry = zip.list[index];
  if (!entry) throw new PerfgoalError("PG-E-CORRUPT", { zh: `压缩包中没有第 ${index + 1} 个条目`, en: `the archive has no entry ${index + 1}` });
  const shown = safeEntryPath(entryName(entry));
  const named = { ...entry, name: shown };
  const cap = Math.min(MAX_ENTRY_INFLATED, Math.max(RATIO_FLOOR, entry.compressedSize * MAX_ENTRY_RATIO));
  try {
    return readEntry(zip, named, budget, cap);
  } catch (e) {
    if (e instanceof PerfgoalError && e.code === "PG-E-ZIP-BOMB" && cap < MAX_ENTRY_INFLATED && budget.remaining >= cap) {
      throw new PerfgoalError("PG-E-ZIP-BOMB", { zh: `${shown} 解压后超过压缩大小的 ${MAX_ENTRY_RATIO} 倍`, en: `${shown} inflates to over ${MAX_ENTRY_RATIO} times its packed size` });
    }
    throw e;
  }
}

/** Open a zip held in memory as an archive (a Word package is not one). */
export function openArchive(bytes: Uint8Array): ZipArchive {
  return openZip(bytes);
}

/**
 * The bytes of an entry given by its directory positions, one per level (`[2]`: the third entry;
 * `[2, 0]`: the first entry of the archive that is the third entry). Nothing is written to disk.
 */
export function readNested(bytes: Uint8Array, at: readonly number[]): { bytes: Uint8Array; name: string } {
  if (at.length > MAX_ARCHIVE_DEPTH) throw tooDeep();
  const budget = archiveBudget();
  let current = bytes;
  let name = "";
  for (const index of at) {
    const zip = openZip(current);
    listArchive(zip);
    const entry: ZipEntry | undefined = zip.list[index];
    name = entry ? path.posix.basename(safeEntryPath(entryName(entry))) : "";
    current = readArchiveEntry(zip, index, budget);
  }
  return { bytes: current, name };
}

export function tooDeep(): PerfgoalError {
  return new PerfgoalError("PG-E-TOO-LARGE", { zh: `压缩包嵌套超过 ${MAX_ARCHIVE_DEPTH} 层，未读取`, en: `archives nested more than ${MAX_ARCHIVE_DEPTH} deep are not read` });
}
