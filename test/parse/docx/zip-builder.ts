/**
 * Hand-made zip archives for hostile cases the ordinary zip writers will not produce:
 * sizes in the headers that lie, names such as `../x`, and deflate streams that inflate
 * to hundreds of megabytes from a few hundred kilobytes.
 */
import { inflateRawSync } from "node:zlib";
import { crc32 } from "../../../src/parse/docx/crc32.js";

export interface RawEntry {
  name: string;
  /** Bytes as stored (already deflated when method is 8). */
  data: Uint8Array;
  method?: 0 | 8;
  /** The uncompressed size written in the headers (defaults to data.length). */
  claimedSize?: number;
  flags?: number;
  /** The CRC-32 written in the headers (defaults to the content's, when it inflates within 64 MiB). */
  crc?: number;
}

/** The CRC-32 of what the entry holds; 0 for a bomb or damaged data, which are refused before the CRC matters. */
function contentCrc(e: RawEntry): number {
  if (e.method !== 8) return crc32(e.data);
  try {
    return crc32(inflateRawSync(e.data, { maxOutputLength: 64 * 1024 * 1024 }));
  } catch {
    return 0;
  }
}

export function rawZip(entries: RawEntry[]): Uint8Array {
  const enc = new TextEncoder();
  const locals: Uint8Array[] = [];
  const centrals: Uint8Array[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = enc.encode(e.name);
    const crc = e.crc ?? contentCrc(e);
    const local = new Uint8Array(30 + name.length);
    const lv = new DataView(local.buffer);
    lv.setUint32(0, 0x04034b50, true);
    lv.setUint16(4, 20, true);
    lv.setUint16(6, e.flags ?? 0, true);
    lv.setUint16(8, e.method ?? 0, true);
    lv.setUint32(14, crc, true);
    lv.setUint32(18, e.data.length, true);
    lv.setUint32(22, e.claimedSize ?? e.data.length, true);
    lv.setUint16(26, name.length, true);
    local.set(name, 30);
    const central = new Uint8Array(46 + name.length);
    const cv = new DataView(central.buffer);
    cv.setUint32(0, 0x02014b50, true);
    cv.setUint16(4, 20, true);
    cv.setUint16(6, 20, true);
    cv.setUint16(8, e.flags ?? 0, true);
    cv.setUint16(10, e.method ?? 0, true);
    cv.setUint32(16, crc, true);
    cv.setUint32(20, e.data.length, true);
    cv.setUint32(24, e.claimedSize ?? e.data.length, true);
    cv.setUint16(28, name.length, true);
    cv.setUint32(42, offset, true);
    central.set(name, 46);
    locals.push(local, e.data);
    centrals.push(central);
    offset += local.length + e.data.length;
  }
  const dirSize = centrals.reduce((n, c) => n + c.length, 0);
  const end = new Uint8Array(22);
  const ev = new DataView(end.buffer);
  ev.setUint32(0, 0x06054b50, true);
  ev.setUint16(8, entries.length, true);
  ev.setUint16(10, entries.length, true);
  ev.setUint32(12, dirSize, true);
  ev.setUint32(16, offset, true);
  const parts = [...locals, ...centrals, end];
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/**
 * A raw deflate stream (fixed Huffman codes) of `prefix`, `repeat` copies of one ASCII byte,
 * then `suffix`; the copies are written as back-references of 258 bytes each: about 160:1, built in milliseconds.
 */
export function deflateRepeat(prefix: string, byte: number, repeat: number, suffix = ""): Uint8Array {
  const out: number[] = [];
  let acc = 0;
  let nbits = 0;
  const bit = (b: number) => {
    acc |= b << nbits;
    if (++nbits === 8) {
      out.push(acc);
      acc = 0;
      nbits = 0;
    }
  };
  const code = (value: number, len: number) => {
    for (let i = len - 1; i >= 0; i--) bit((value >> i) & 1);
  };
  const literal = (v: number) => {
    if (v > 143) throw new Error("only ASCII literals");
    code(0x30 + v, 8);
  };
  bit(1); // final block
  bit(1); // BTYPE = 01, fixed Huffman (LSB first)
  bit(0);
  for (const ch of new TextEncoder().encode(prefix)) literal(ch);
  literal(byte);
  let left = repeat - 1;
  while (left >= 258) {
    code(0b11000101, 8); // length 258
    code(0, 5); // distance 1
    left -= 258;
  }
  for (; left > 0; left--) literal(byte);
  for (const ch of new TextEncoder().encode(suffix)) literal(ch);
  code(0, 7); // end of block
  if (nbits > 0) out.push(acc);
  return Uint8Array.from(out);
}
