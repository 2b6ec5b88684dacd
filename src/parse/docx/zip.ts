import { inflateRawSync } from "node:zlib";
import { PerfgoalError, type Detail } from "../../model/errors.js";

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
  localHeaderOffset: number;
}

export interface ZipArchive {
  bytes: Uint8Array;
  /** Lower-cased name → entry (OPC part names are case-insensitive). */
  entries: Map<string, ZipEntry>;
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

/** Parse the central directory. A missing end record means a truncated or damaged file. */
export function openZip(bytes: Uint8Array): ZipArchive {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const eocd = findEndRecord(view);
  if (eocd < 0) throw corrupt({ zh: "zip 目录缺失（文件可能被截断）", en: "zip directory missing (the file may be truncated)" });
  let count = view.getUint16(eocd + 10, true);
  let dirSize = view.getUint32(eocd + 12, true);
  let dirOffset = view.getUint32(eocd + 16, true);
  if (count === 0xffff || dirSize === 0xffffffff || dirOffset === 0xffffffff) {
    ({ count, dirSize, dirOffset } = readZip64End(view, eocd));
  }
  if (dirOffset + dirSize > bytes.length) throw corrupt({ zh: "zip 目录越界（文件可能被截断）", en: "zip directory out of bounds (the file may be truncated)" });

  const entries = new Map<string, ZipEntry>();
  const decoder = new TextDecoder("utf-8");
  let p = dirOffset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > bytes.length || view.getUint32(p, true) !== SIG_CENTRAL) throw corrupt({ zh: "zip 目录项损坏", en: "damaged zip directory entry" });
    const flags = view.getUint16(p + 8, true);
    const method = view.getUint16(p + 10, true);
    let compressedSize = view.getUint32(p + 20, true);
    let claimedSize = view.getUint32(p + 24, true);
    const nameLen = view.getUint16(p + 28, true);
    const extraLen = view.getUint16(p + 30, true);
    const commentLen = view.getUint16(p + 32, true);
    let localHeaderOffset = view.getUint32(p + 42, true);
    const end = p + 46 + nameLen + extraLen + commentLen;
    if (end > bytes.length) throw corrupt({ zh: "zip 目录项损坏", en: "damaged zip directory entry" });
    const name = decoder.decode(bytes.subarray(p + 46, p + 46 + nameLen)).replace(/\\/g, "/");
    if (claimedSize === 0xffffffff || compressedSize === 0xffffffff || localHeaderOffset === 0xffffffff) {
      const z = readZip64Extra(view, p + 46 + nameLen, extraLen, { claimedSize, compressedSize, localHeaderOffset });
      ({ claimedSize, compressedSize, localHeaderOffset } = z);
    }
    const key = name.toLowerCase();
    // The first entry of a duplicated name wins, as in most readers; a later copy cannot shadow it.
    if (!entries.has(key)) entries.set(key, { name, method, flags, compressedSize, claimedSize, localHeaderOffset });
    p = end;
  }
  return { bytes, entries };
}

function findEndRecord(view: DataView): number {
  // The end record sits in the last 22 + 65535 bytes (its comment is at most 64 KiB).
  const min = Math.max(0, view.byteLength - 22 - 0xffff);
  for (let p = view.byteLength - 22; p >= min; p--) {
    if (view.getUint32(p, true) === SIG_EOCD) return p;
  }
  return -1;
}

function readZip64End(view: DataView, eocd: number): { count: number; dirSize: number; dirOffset: number } {
  const loc = eocd - 20;
  if (loc < 0 || view.getUint32(loc, true) !== SIG_EOCD64_LOCATOR) throw corrupt({ zh: "zip64 目录缺失", en: "zip64 directory missing" });
  const rec = safeNumber(view.getBigUint64(loc + 8, true));
  if (rec + 56 > view.byteLength || view.getUint32(rec, true) !== SIG_EOCD64) throw corrupt({ zh: "zip64 目录损坏", en: "damaged zip64 directory" });
  return {
    count: safeNumber(view.getBigUint64(rec + 32, true)),
    dirSize: safeNumber(view.getBigUint64(rec + 40, true)),
    dirOffset: safeNumber(view.getBigUint64(rec + 48, true)),
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
  const data = bytes.subarray(dataStart, dataEnd);
  const limit = Math.min(partLimit, budget.remaining);

  if (entry.method === 0) {
    if (data.length > limit) throw bomb(entry);
    budget.remaining -= data.length;
    return data;
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
  return out;
}

function bomb(entry: ZipEntry): PerfgoalError {
  return new PerfgoalError("PG-E-ZIP-BOMB", { zh: `${entry.name} 解压后超过上限`, en: `${entry.name} inflates beyond the limit` });
}
