/**
 * BIFF8 records of a Workbook stream: `type, length, data`, read strictly forward (each step
 * moves past a record, so no crafted length can send the reader back), and strings that run on
 * into CONTINUE records. Every read is bounds-checked; damage is PG-E-CORRUPT.
 */
import { PerfgoalError } from "../../model/errors.js";

export const RT = {
  BOF: 0x0809,
  EOF: 0x000a,
  CONTINUE: 0x003c,
  FILEPASS: 0x002f,
  DATEMODE: 0x0022,
  FORMAT: 0x041e,
  XF: 0x00e0,
  BOUNDSHEET: 0x0085,
  SST: 0x00fc,
  SUPBOOK: 0x01ae,
  ROW: 0x0208,
  COLINFO: 0x007d,
  LABELSST: 0x00fd,
  LABEL: 0x0204,
  RSTRING: 0x00d6,
  NUMBER: 0x0203,
  RK: 0x027e,
  MULRK: 0x00bd,
  FORMULA: 0x0006,
  STRING: 0x0207,
  BOOLERR: 0x0205,
  MERGEDCELLS: 0x00e5,
} as const;

export function corrupt(zh: string, en: string): PerfgoalError {
  return new PerfgoalError("PG-E-CORRUPT", { zh: `Excel 97–2003 工作簿${zh}`, en: `Excel 97–2003 workbook: ${en}` });
}

export interface BiffRecord {
  type: number;
  /** Offset of the record's data in the stream, and its length. */
  at: number;
  length: number;
}

/** The record at `pos`, or undefined at the end of the stream. */
export function recordAt(stream: Uint8Array, pos: number): BiffRecord | undefined {
  if (pos + 4 > stream.length) return undefined;
  const type = stream[pos]! | (stream[pos + 1]! << 8);
  const length = stream[pos + 2]! | (stream[pos + 3]! << 8);
  if (pos + 4 + length > stream.length) throw corrupt("的记录越过数据流末尾（文件可能被截断）", "a record runs past the end of the stream (the file may be truncated)");
  return { type, at: pos + 4, length };
}

/** The records of one substream from `pos` to its EOF (or the stream's end). */
export function* substream(stream: Uint8Array, pos: number): Generator<BiffRecord & { next: number }> {
  for (let r = recordAt(stream, pos); r; r = recordAt(stream, r.at + r.length)) {
    yield { ...r, next: r.at + r.length };
    if (r.type === RT.EOF) return;
  }
}

/**
 * A record's data and the CONTINUE records after it, read as one run of bytes, except that
 * character data split over a record boundary starts the next piece with a new flags byte.
 */
export class ContinuedReader {
  private piece = 0;
  private pos: number;

  constructor(
    private readonly stream: Uint8Array,
    /** [start, end) of each piece: the record's data, then each CONTINUE's. */
    private readonly pieces: [number, number][],
    offset = 0,
  ) {
    this.pos = pieces[0]![0] + offset;
  }

  /** The first record at `first` with its CONTINUE records (and the position after them). */
  static of(stream: Uint8Array, first: BiffRecord): { reader: ContinuedReader; next: number } {
    const pieces: [number, number][] = [[first.at, first.at + first.length]];
    let next = first.at + first.length;
    for (let r = recordAt(stream, next); r && r.type === RT.CONTINUE; r = recordAt(stream, next)) {
      pieces.push([r.at, r.at + r.length]);
      next = r.at + r.length;
    }
    return { reader: new ContinuedReader(stream, pieces), next };
  }

  /** Bytes left in all pieces together. */
  remaining(): number {
    let n = this.pieces[this.piece] ? this.pieces[this.piece]![1] - this.pos : 0;
    for (let i = this.piece + 1; i < this.pieces.length; i++) n += this.pieces[i]![1] - this.pieces[i]![0];
    return n;
  }

  /** Move to the next piece when this one is used up (empty pieces are skipped, never looped on). */
  private settle(): boolean {
    while (this.piece < this.pieces.length && this.pos >= this.pieces[this.piece]![1]) {
      this.piece++;
      if (this.piece < this.pieces.length) this.pos = this.pieces[this.piece]![0];
    }
    return this.piece < this.pieces.length;
  }

  u8(): number {
    if (!this.settle()) throw short();
    return this.stream[this.pos++]!;
  }

  u16(): number {
    return this.u8() | (this.u8() << 8);
  }

  u32(): number {
    return (this.u16() | (this.u16() << 16)) >>> 0;
  }

  skip(n: number): void {
    if (n > this.remaining()) throw short();
    for (let left = n; left > 0; ) {
      this.settle();
      const take = Math.min(left, this.pieces[this.piece]![1] - this.pos);
      this.pos += take;
      left -= take;
    }
  }

  /**
   * An XLUnicodeRichExtendedString's body after its count: flags, optional run count and
   * extension size, the characters (UTF-16LE, or one byte each when compressed), then the runs
   * and the extension, skipped.
   */
  unicodeString(cch: number): string {
    const flags = this.u8();
    const runs = flags & 0x08 ? this.u16() : 0;
    const ext = flags & 0x04 ? this.u32() : 0;
    let wide = (flags & 0x01) !== 0;
    let out = "";
    for (let left = cch; left > 0; ) {
      // Characters left in this piece (none when the header ended it); the rest goes on in the
      // next piece, which opens with its own flags byte (as Excel writes it, and xlrd reads it).
      const end = this.pieces[this.piece]![1];
      const take = Math.min(left, Math.floor((end - this.pos) / (wide ? 2 : 1)));
      out += decode(this.stream, this.pos, take, wide);
      this.pos += take * (wide ? 2 : 1);
      left -= take;
      if (left === 0) break;
      if (wide && this.pos < end) throw corrupt("的字符串在记录边界处被截开", "a string is cut inside a character at a record boundary");
      if (this.piece + 1 >= this.pieces.length) throw short();
      this.piece++;
      this.pos = this.pieces[this.piece]![0];
      wide = (this.u8() & 0x01) !== 0;
    }
    this.skip(runs * 4 + ext);
    return out;
  }
}

function short(): PerfgoalError {
  return corrupt("的字符串超出其记录（文件可能被截断）", "a string runs past its records (the file may be truncated)");
}

function decode(stream: Uint8Array, at: number, count: number, wide: boolean): string {
  if (!wide) return Buffer.from(stream.buffer, stream.byteOffset + at, count).toString("latin1");
  return Buffer.from(stream.buffer, stream.byteOffset + at, count * 2).toString("utf16le");
}

/** A plain (non-continued) view of one record's data. */
export class RecordView {
  private readonly view: DataView;

  constructor(
    private readonly stream: Uint8Array,
    readonly record: BiffRecord,
  ) {
    this.view = new DataView(stream.buffer, stream.byteOffset + record.at, record.length);
  }

  get length(): number {
    return this.record.length;
  }

  private check(off: number, size: number): void {
    if (off + size > this.record.length) throw corrupt(`的记录（类型 0x${this.record.type.toString(16)}）过短`, `record 0x${this.record.type.toString(16)} is too short`);
  }

  u8(off: number): number {
    this.check(off, 1);
    return this.view.getUint8(off);
  }

  u16(off: number): number {
    this.check(off, 2);
    return this.view.getUint16(off, true);
  }

  u32(off: number): number {
    this.check(off, 4);
    return this.view.getUint32(off, true);
  }

  f64(off: number): number {
    this.check(off, 8);
    return this.view.getFloat64(off, true);
  }

  /** A string inside this record: a count of `countBytes` bytes, flags, characters. */
  string(off: number, countBytes: 1 | 2): string {
    const cch = countBytes === 1 ? this.u8(off) : this.u16(off);
    const reader = new ContinuedReader(this.stream, [[this.record.at, this.record.at + this.record.length]], off + countBytes);
    return reader.unicodeString(cch);
  }
}

/** An RK number: a 30-bit integer or the top of a double, possibly divided by 100. */
export function rkNumber(rk: number): number {
  let v: number;
  if (rk & 0x02) v = rk >> 2;
  else {
    const buf = new DataView(new ArrayBuffer(8));
    buf.setUint32(4, (rk & 0xfffffffc) >>> 0, true);
    v = buf.getFloat64(0, true);
  }
  return rk & 0x01 ? v / 100 : v;
}

export const BIFF_ERRORS: Record<number, string> = { 0x00: "#NULL!", 0x07: "#DIV/0!", 0x0f: "#VALUE!", 0x17: "#REF!", 0x1d: "#NAME?", 0x24: "#NUM!", 0x2a: "#N/A", 0x2b: "#GETTING_DATA" };
