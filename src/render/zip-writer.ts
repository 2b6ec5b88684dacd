import * as zlib from "node:zlib";
import { crc32 } from "../parse/docx/crc32.js";
import { SIG_CENTRAL, SIG_EOCD, SIG_LOCAL } from "../parse/docx/zip.js";

/** One file of the archive. */
export interface ZipInput {
  name: string;
  data: Uint8Array;
}

/** An entry compressed once, ready to be written into any number of archives. */
export interface ZipEntryData {
  name: Uint8Array;
  crc: number;
  size: number;
  /** 8: deflated; 0: stored (when deflating would not make it smaller). */
  method: 0 | 8;
  body: Uint8Array;
}

/** Version 2.0: deflate, no zip64. */
const VERSION = 20;
/** General-purpose flag bit 11: names are UTF-8. */
const UTF8_NAMES = 0x0800;
/** Without zip64 records, sizes, offsets and entry counts must fit their fields. */
const MAX_32 = 0xffffffff;
const MAX_ENTRIES = 0xffff;

/** CRC-32 lives with the zip reader, which checks every part it inflates against it. */
export { crc32, tableCrc32 } from "../parse/docx/crc32.js";

/** Compress one file (raw deflate), or keep it as is when that is no smaller. */
export function zipEntry(input: ZipInput): ZipEntryData {
  // Level 1: a third of level 6's time on a form's XML, for a part some 25% larger (5.5 KB against 4.4 KB for the seed).
  const deflated = zlib.deflateRawSync(input.data, { level: 1 });
  const method = deflated.length < input.data.length ? 8 : 0;
  if (input.data.length > MAX_32 || deflated.length > MAX_32) throw new RangeError(`zip entry ${input.name} is too large`);
  return { name: new TextEncoder().encode(input.name), crc: crc32(input.data), size: input.data.length, method, body: method === 8 ? deflated : input.data };
}

/** MS-DOS date and time (local time, two-second steps) of the entries. */
export function dosDateTime(d: Date): { time: number; date: number } {
  const year = Math.min(2107, Math.max(1980, d.getFullYear()));
  return {
    time: (d.getHours() << 11) | (d.getMinutes() << 5) | (d.getSeconds() >> 1),
    date: ((year - 1980) << 9) | ((d.getMonth() + 1) << 5) | d.getDate(),
  };
}

/** A zip archive of the entries, in order, all dated `modified`. */
export function zipArchive(entries: readonly ZipEntryData[], modified = new Date()): Uint8Array {
  if (entries.length > MAX_ENTRIES) throw new RangeError("too many zip entries");
  const { time, date } = dosDateTime(modified);
  let localSize = 0;
  let centralSize = 0;
  for (const e of entries) {
    localSize += 30 + e.name.length + e.body.length;
    centralSize += 46 + e.name.length;
  }
  if (localSize + centralSize > MAX_32) throw new RangeError("zip archive too large");
  const out = new Uint8Array(localSize + centralSize + 22);
  const view = new DataView(out.buffer);
  let p = 0;
  let c = localSize;
  for (const e of entries) {
    const offset = p;
    // Local header, then the data.
    view.setUint32(p, SIG_LOCAL, true);
    view.setUint16(p + 4, VERSION, true);
    view.setUint16(p + 6, UTF8_NAMES, true);
    view.setUint16(p + 8, e.method, true);
    view.setUint16(p + 10, time, true);
    view.setUint16(p + 12, date, true);
    view.setUint32(p + 14, e.crc, true);
    view.setUint32(p + 18, e.body.length, true);
    view.setUint32(p + 22, e.size, true);
    view.setUint16(p + 26, e.name.length, true);
    view.setUint16(p + 28, 0, true);
    out.set(e.name, p + 30);
    out.set(e.body, p + 30 + e.name.length);
    p += 30 + e.name.length + e.body.length;
    // Its central directory record.
    view.setUint32(c, SIG_CENTRAL, true);
    view.setUint16(c + 4, VERSION, true);
    view.setUint16(c + 6, VERSION, true);
    view.setUint16(c + 8, UTF8_NAMES, true);
    view.setUint16(c + 10, e.method, true);
    view.setUint16(c + 12, time, true);
    view.setUint16(c + 14, date, true);
    view.setUint32(c + 16, e.crc, true);
    view.setUint32(c + 20, e.body.length, true);
    view.setUint32(c + 24, e.size, true);
    view.setUint16(c + 28, e.name.length, true);
    // Extra field, comment, disk number, internal and external attributes: none.
    view.setUint32(c + 42, offset, true);
    out.set(e.name, c + 46);
    c += 46 + e.name.length;
  }
  view.setUint32(c, SIG_EOCD, true);
  view.setUint16(c + 8, entries.length, true);
  view.setUint16(c + 10, entries.length, true);
  view.setUint32(c + 12, centralSize, true);
  view.setUint32(c + 16, localSize, true);
  return out;
}

/** Files → zip archive bytes. */
export function zip(files: readonly ZipInput[], modified = new Date()): Uint8Array {
  return zipArchive(files.map(zipEntry), modified);
}
