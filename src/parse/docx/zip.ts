import { inflateRawSync } from "node:zlib";
import { PerfgoalError, type Detail } from "../../model/errors.js";
import { crc32 } from "./crc32.js";

/**
 * A read-only view of a zip archive held in memory. Entries are only looked up by name and
 * inflated on demand; nothing is ever written to disk, so names such as `../x` or `/etc/x` are
 * just keys that a lookup for `word/document.xml` never matches.
 */
export interface ZipEntry {
  /** The name as stored, with `\` turned into `/`. */
  name: string;
  method: number;
  flags: number;
  compressedSize: number;
  /** What the header claims; never trusted for allocation or limits. */
  claimedSize: number;
  /** CRC-32 of the content, as the central directory records it; checked on every read. */
  crc: number;
  localHeaderOffset: number;
  /** The name's bytes as stored in the central directory (a view), to compare with the local header. */
  rawName: Uint8Array;
  /** The directory record's extra field (a view): where a Unicode name may be given. */
  extra: Uint8Array;
}

export interface ZipArchive {
  bytes: Uint8Array;
  /** Lower-cased name → entry (OPC part names are case-insensitive). */
  entries: Map<string, ZipEntry>;
  /** Every directory record, in directory order (duplicated names included). */
  list: ZipEntry[];
}

/** Limits on bytes actually produced by inflation (the headers' sizes can lie). */
export interface InflateBudget {
  /** Bytes left for the whole archive; decreased as entries are inflated. */
  remaining: number;
}

export const MAX_TOTAL_INFLATED = 200 * 1024 * 1024;
export const MAX_PART_INFLATED = 100 * 1024 * 1024;

/** Record signatures of the zip format (the renderer's zip writer uses them too). */
export const SIG_EOCD = 0x06054b50;
const SIG_EOCD64 = 0x06064b50;
const SIG_EOCD64_LOCATOR = 0x07064b50;
export const SIG_CENTRAL = 0x02014b50;
export const SIG_LOCAL = 0x04034b50;
/** Output buffer step of the inflater: a seed-sized part (~240 KB) takes a few steps. */
const INFLATE_CHUNK = 64 * 1024;

function corrupt(detail: Detail): PerfgoalError {
  return new PerfgoalError("PG-E-CORRUPT", detail);
}

/** The archive itself, opened from its bytes unless the caller has opened it already. */
export function asZip(input: Uint8Array | ZipArchive): ZipArchive {
  return input instanceof Uint8Array ? openZip(input) : input;
}

/**
 * Parse the central directory. A missing end record means a truncated or damaged file; two end
 * records (one hidden in the other's comment, the classic trick) or a directory that does not
 * end where the end record begins mean a package that two zip readers would see differently.
 */
export function openZip(bytes: Uint8Array): ZipArchive {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const eocd = findEndRecord(view);
  let count = view.getUint16(eocd + 10, true);
  let dirSize = view.getUint32(eocd + 12, true);
  let dirOffset = view.getUint32(eocd + 16, true);
  let dirEnd = eocd;
  if (count === 0xffff || dirSize === 0xffffffff || dirOffset === 0xffffffff) {
    ({ count, dirSize, dirOffset, record: dirEnd } = readZip64End(view, eocd));
  }
  if (dirOffset + dirSize > bytes.length) throw corrupt({ zh: "zip 目录越界（文件可能被截断）", en: "zip directory out of bounds (the file may be truncated)" });
  if (dirOffset + dirSize !== dirEnd) throw corrupt({ zh: "zip 目录与结束记录之间有多余数据", en: "unaccounted bytes between the zip directory and its end record" });

  const entries = new Map<string, ZipEntry>();
  const list: ZipEntry[] = [];
  const decoder = new TextDecoder("utf-8");
  let p = dirOffset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > bytes.length || view.getUint32(p, true) !== SIG_CENTRAL) throw corrupt({ zh: "zip 目录项损坏", en: "damaged zip directory entry" });
    const flags = view.getUint16(p + 8, true);
    const method = view.getUint16(p + 10, true);
    const crc = view.getUint32(p + 16, true);
    let compressedSize = view.getUint32(p + 20, true);
    let claimedSize = view.getUint32(p + 24, true);
    const nameLen = view.getUint16(p + 28, true);
    const extraLen = view.getUint16(p + 30, true);
    const commentLen = view.getUint16(p + 32, true);
    let localHeaderOffset = view.getUint32(p + 42, true);
    const end = p + 46 + nameLen + extraLen + commentLen;
    if (end > bytes.length) throw corrupt({ zh: "zip 目录项损坏", en: "damaged zip directory entry" });
    const rawName = bytes.subarray(p + 46, p + 46 + nameLen);
    const name = decoder.decode(rawName).replace(/\\/g, "/");
    if (claimedSize === 0xffffffff || compressedSize === 0xffffffff || localHeaderOffset === 0xffffffff) {
      const z = readZip64Extra(view, p + 46 + nameLen, extraLen, { claimedSize, compressedSize, localHeaderOffset });
      ({ claimedSize, compressedSize, localHeaderOffset } = z);
    }
    const key = name.toLowerCase();
    const entry: ZipEntry = { name, method, flags, compressedSize, claimedSize, crc, localHeaderOffset, rawName, extra: bytes.subarray(p + 46 + nameLen, p + 46 + nameLen + extraLen) };
    list.push(entry);
    // The first entry of a duplicated name wins, as in most readers; a later copy cannot shadow it.
    if (!entries.has(key)) entries.set(key, entry);
    p = end;
  }
  return { bytes, entries, list };
}

/**
 * The one end record. It sits in the last 22 + 65535 bytes (its comment is at most 64 KiB); every
 * signature there whose record is plausible — it fits the file and points at a directory that
 * ends before it — is a candidate, and more than one is refused: readers that scan from the end
 * and readers that trust the comment length would open different packages.
 */
function findEndRecord(view: DataView): number {
  const min = Math.max(0, view.byteLength - 22 - 0xffff);
  let found = -1;
  for (let p = view.byteLength - 22; p >= min; p--) {
    if (view.getUint32(p, true) !== SIG_EOCD || !plausibleEndRecord(view, p)) continue;
    if (found >= 0) throw corrupt({ zh: "zip 有两个结束记录（两个目录，不同的读取程序会读到不同的内容）", en: "two zip end records (two directories: different readers would see different contents)" });
    found = p;
  }
  if (found < 0) throw corrupt({ zh: "zip 目录缺失（文件可能被截断）", en: "zip directory missing (the file may be truncated)" });
  return found;
}

function plausibleEndRecord(view: DataView, p: number): boolean {
  if (p + 22 + view.getUint16(p + 20, true) > view.byteLength) return false;
  const count = view.getUint16(p + 10, true);
  const dirSize = view.getUint32(p + 12, true);
  const dirOffset = view.getUint32(p + 16, true);
  // zip64: the real figures are in the zip64 record, which a locator right before this one names.
  if (count === 0xffff || dirSize === 0xffffffff || dirOffset === 0xffffffff) return p >= 20 && view.getUint32(p - 20, true) === SIG_EOCD64_LOCATOR;
  if (dirOffset + dirSize > p) return false;
  // An empty archive's directory is empty and ends right here (an empty zip stored inside a part is not that).
  if (count === 0) return dirSize === 0 && dirOffset === p;
  return view.getUint32(dirOffset, true) === SIG_CENTRAL;
}

function readZip64End(view: DataView, eocd: number): { count: number; dirSize: number; dirOffset: number; record: number } {
  const loc = eocd - 20;
  if (loc < 0 || view.getUint32(loc, true) !== SIG_EOCD64_LOCATOR) throw corrupt({ zh: "zip64 目录缺失", en: "zip64 directory missing" });
  const rec = safeNumber(view.getBigUint64(loc + 8, true));
  if (rec + 56 > view.byteLength || view.getUint32(rec, true) !== SIG_EOCD64) throw corrupt({ zh: "zip64 目录损坏", en: "damaged zip64 directory" });
  return {
    count: safeNumber(view.getBigUint64(rec + 32, true)),
    dirSize: safeNumber(view.getBigUint64(rec + 40, true)),
    dirOffset: safeNumber(view.getBigUint64(rec + 48, true)),
    record: rec,
  };
}

function readZip64Extra(
  view: DataView,
  start: number,
  len: number,
  v: { claimedSize: number; compressedSize: number; localHeaderOffset: number },
): { claimedSize: number; compressedSize: number; localHeaderOffset: number } {
  let p = start;
  const end = start + len;
  while (p + 4 <= end) {
    const id = view.getUint16(p, true);
    const size = view.getUint16(p + 2, true);
    if (id === 0x0001) {
      let q = p + 4;
      const out = { ...v };
      // Only the fields whose 32-bit value is saturated are present, in this order.
      if (out.claimedSize === 0xffffffff && q + 8 <= end) (out.claimedSize = safeNumber(view.getBigUint64(q, true))), (q += 8);
      if (out.compressedSize === 0xffffffff && q + 8 <= end) (out.compressedSize = safeNumber(view.getBigUint64(q, true))), (q += 8);
      if (out.localHeaderOffset === 0xffffffff && q + 8 <= end) out.localHeaderOffset = safeNumber(view.getBigUint64(q, true));
      return out;
    }
    p += 4 + size;
  }
  return v;
}

function safeNumber(n: bigint): number {
  if (n > BigInt(Number.MAX_SAFE_INTEGER)) throw corrupt({ zh: "zip64 数值越界", en: "zip64 value out of range" });
  return Number(n);
}

export function findEntry(zip: ZipArchive, name: string): ZipEntry | undefined {
  return zip.entries.get(name.toLowerCase());
}

/**
 * Inflate one entry, counting the bytes actually produced against `partLimit` and the archive's
 * budget. Stops as soon as either is exceeded, so a bomb never fills memory.
 */
export function readEntry(zip: ZipArchive, entry: ZipEntry, budget: InflateBudget, partLimit = MAX_PART_INFLATED): Uint8Array {
  const { bytes } = zip;
  if (entry.flags & 0x0001) throw new PerfgoalError("PG-E-ENCRYPTED", { zh: `zip 条目 ${entry.name} 已加密`, en: `zip entry ${entry.name} is encrypted` });
  const p = entry.localHeaderOffset;
  if (p + 30 > bytes.length) throw corrupt({ zh: `zip 条目 ${entry.name} 越界（文件可能被截断）`, en: `zip entry ${entry.name} out of bounds (the file may be truncated)` });
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (view.getUint32(p, true) !== SIG_LOCAL) throw corrupt({ zh: `zip 条目 ${entry.name} 头部损坏`, en: `damaged header of zip entry ${entry.name}` });
  const dataStart = p + 30 + view.getUint16(p + 26, true) + view.getUint16(p + 28, true);
  const dataEnd = dataStart + entry.compressedSize;
  if (dataEnd > bytes.length) throw corrupt({ zh: `zip 条目 ${entry.name} 数据不完整（文件可能被截断）`, en: `zip entry ${entry.name} incomplete (the file may be truncated)` });
  checkLocalHeader(view, bytes, entry);
  const data = bytes.subarray(dataStart, dataEnd);
  const limit = Math.min(partLimit, budget.remaining);

  if (entry.method === 0) {
    if (data.length > limit) throw bomb(entry);
    budget.remaining -= data.length;
    return checked(entry, data);
  }
  if (entry.method !== 8) throw new PerfgoalError("PG-E-FORMAT", { zh: `zip 条目 ${entry.name} 使用不支持的压缩方法 ${entry.method}`, en: `zip entry ${entry.name} uses unsupported compression method ${entry.method}` });

  // zlib stops as soon as its output would pass maxOutputLength: bytes actually inflated are
  // capped, whatever the headers claim.
  let out: Buffer;
  try {
    out = inflateRawSync(data, { maxOutputLength: Math.max(1, limit), chunkSize: INFLATE_CHUNK });
  } catch (e) {
    if ((e as { code?: unknown }).code === "ERR_BUFFER_TOO_LARGE") throw bomb(entry);
    throw new PerfgoalError("PG-E-CORRUPT", { zh: `zip 条目 ${entry.name} 无法解压`, en: `zip entry ${entry.name} cannot be inflated` }, { cause: e });
  }
  if (out.length > limit) throw bomb(entry);
  budget.remaining -= out.length;
  return checked(entry, out);
}

/**
 * The local header must tell the same story as the directory: a reader that walks the local
 * headers (as streaming unzippers do) would otherwise read another part than this one. With a
 * data descriptor (flag bit 3) the local CRC and sizes may be left 0; a saturated (zip64) field
 * is given in the extra field instead. Both are then taken from the directory alone.
 */
function checkLocalHeader(view: DataView, bytes: Uint8Array, entry: ZipEntry): void {
  const p = entry.localHeaderOffset;
  const nameLen = view.getUint16(p + 26, true);
  const differs = (zh: string, en: string) =>
    corrupt({ zh: `zip 条目 ${entry.name} 的本地头与目录不符（${zh}）`, en: `zip entry ${entry.name}: local header and directory disagree (${en})` });
  if (nameLen !== entry.rawName.length || !sameBytes(bytes.subarray(p + 30, p + 30 + nameLen), entry.rawName)) throw differs("名称", "name");
  if (view.getUint16(p + 8, true) !== entry.method) throw differs("压缩方法", "compression method");
  if (view.getUint16(p + 6, true) & 0x0008) return;
  const field = (at: number, want: number) => {
    const got = view.getUint32(p + at, true);
    return got === 0xffffffff || got === want;
  };
  if (!field(14, entry.crc)) throw differs("校验和", "CRC");
  if (!field(18, entry.compressedSize) || !field(22, entry.claimedSize)) throw differs("大小", "sizes");
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return a.length === b.length;
}

/** The bytes actually produced must have the CRC the headers promise: otherwise a part was changed after packing. */
function checked(entry: ZipEntry, data: Uint8Array): Uint8Array {
  if (crc32(data) !== entry.crc) {
    throw corrupt({ zh: `zip 条目 ${entry.name} 校验和不符（打包后被改动或已损坏）`, en: `zip entry ${entry.name} fails its CRC check (changed after packing, or damaged)` });
  }
  return data;
}

function bomb(entry: ZipEntry): PerfgoalError {
  return new PerfgoalError("PG-E-ZIP-BOMB", { zh: `${entry.name} 解压后超过上限`, en: `${entry.name} inflates beyond the limit` });
}
