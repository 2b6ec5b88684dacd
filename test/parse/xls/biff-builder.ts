/**
 * Workbook streams taken apart and put back together, for tests: the records of a real .xls
 * (saved by LibreOffice Calc), edited, then written out with the sheet offsets of BOUNDSHEET fixed
 * up and wrapped in a Compound File.
 */
import { openCompoundFile } from "../../../src/parse/doc/cfb.js";
import { buildCfb } from "../../hostile/bytes.js";

export interface Rec {
  type: number;
  data: Uint8Array;
}

export const T = { BOF: 0x0809, EOF: 0x000a, CONTINUE: 0x003c, FILEPASS: 0x002f, BOUNDSHEET: 0x0085, SST: 0x00fc, LABELSST: 0x00fd, ROW: 0x0208, COLINFO: 0x007d } as const;

export function workbookStream(xls: Uint8Array): Uint8Array {
  const s = openCompoundFile(xls).readStream("Workbook");
  if (!s) throw new Error("no Workbook stream");
  return s;
}

/** Every record of the stream, substreams one after another (trailing padding dropped). */
export function records(stream: Uint8Array): Rec[] {
  const out: Rec[] = [];
  for (let p = 0; p + 4 <= stream.length; ) {
    const type = stream[p]! | (stream[p + 1]! << 8);
    const len = stream[p + 2]! | (stream[p + 3]! << 8);
    if (type === 0 && len === 0) break;
    out.push({ type, data: stream.slice(p + 4, p + 4 + len) });
    p += 4 + len;
  }
  return out;
}

/** The records as a stream; each BOUNDSHEET points at the BOF of its sheet, in order, unless `keepOffsets`. */
export function stream(recs: readonly Rec[], keepOffsets = false): Uint8Array {
  const size = recs.reduce((n, r) => n + 4 + r.data.length, 0);
  const out = new Uint8Array(size);
  const v = new DataView(out.buffer);
  const bofs: number[] = [];
  const sheets: number[] = [];
  let p = 0;
  recs.forEach((r, i) => {
    if (r.type === T.BOF && i > 0) bofs.push(p);
    if (r.type === T.BOUNDSHEET) sheets.push(p + 4);
    v.setUint16(p, r.type, true);
    v.setUint16(p + 2, r.data.length, true);
    out.set(r.data, p + 4);
    p += 4 + r.data.length;
  });
  if (!keepOffsets) sheets.forEach((at, k) => bofs[k] !== undefined && v.setUint32(at, bofs[k]!, true));
  return out;
}

export function xlsOf(workbook: Uint8Array, name = "Workbook"): Uint8Array {
  return buildCfb([{ name, data: workbook }]);
}

export function u16(n: number): number[] {
  return [n & 0xff, (n >> 8) & 0xff];
}

export function u32(n: number): number[] {
  return [n & 0xff, (n >>> 8) & 0xff, (n >>> 16) & 0xff, (n >>> 24) & 0xff];
}

/** The strings of an SST record that has no CONTINUE (as small workbooks are written). */
export function sstStrings(sst: Uint8Array): string[] {
  const v = new DataView(sst.buffer, sst.byteOffset, sst.byteLength);
  const n = v.getUint32(4, true);
  const out: string[] = [];
  let p = 8;
  for (let i = 0; i < n; i++) {
    const cch = v.getUint16(p, true);
    const flags = sst[p + 2]!;
    p += 3;
    const runs = flags & 0x08 ? v.getUint16(p, true) : 0;
    if (flags & 0x08) p += 2;
    const ext = flags & 0x04 ? v.getUint32(p, true) : 0;
    if (flags & 0x04) p += 4;
    const wide = flags & 0x01;
    out.push(Buffer.from(sst.subarray(p, p + cch * (wide ? 2 : 1))).toString(wide ? "utf16le" : "latin1"));
    p += cch * (wide ? 2 : 1) + runs * 4 + ext;
  }
  if (p !== sst.length) throw new Error("SST record has CONTINUE data or trailing bytes");
  return out;
}

/**
 * An SST record and CONTINUE records holding `strings`, each record at most `limit` bytes of data.
 * A string's header never splits; its characters may, and the next record then opens with a
 * flags byte, as Excel writes them. ASCII strings are stored one byte per character.
 */
export function sstRecords(strings: readonly string[], limit: number, count = strings.length): Rec[] {
  const pieces: number[][] = [[...u32(count), ...u32(count)]];
  const room = () => limit - pieces[pieces.length - 1]!.length;
  for (const s of strings) {
    const wide = /[^\x00-\xff]/.test(s);
    if (room() < 3) pieces.push([]);
    pieces[pieces.length - 1]!.push(...u16(s.length), wide ? 1 : 0);
    const bytes = [...Buffer.from(s, wide ? "utf16le" : "latin1")];
    const step = wide ? 2 : 1;
    let i = 0;
    while (i < bytes.length) {
      let fit = Math.floor(room() / step) * step;
      if (fit === 0) {
        pieces.push([wide ? 1 : 0]);
        fit = Math.floor(room() / step) * step;
      }
      pieces[pieces.length - 1]!.push(...bytes.slice(i, i + fit));
      i += fit;
    }
  }
  return pieces.map((p, k) => ({ type: k === 0 ? T.SST : T.CONTINUE, data: Uint8Array.from(p) }));
}
