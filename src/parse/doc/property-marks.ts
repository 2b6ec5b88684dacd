import { firstEndingAfter } from "./ranges.js";

/**
 * The two marks word-extractor writes into the piece texts from the property pages, done in one
 * pass over the pages and one over the pieces: deleted text (a character run with
 * sprmCFRMarkDel) becomes "\x00", and a table row's end mark (a paragraph with sprmPFTtp)
 * becomes "\n". word-extractor itself rebuilds a whole piece's text for every run it marks
 * (quadratic in the text: a crafted file pays it millions of times), and on a row-end run that
 * covers more than its mark it overwrites the run's text; here only the mark is replaced.
 */
export interface MarkablePiece {
  /** Byte position of the piece's first character in the WordDocument stream. */
  startFilePos: number;
  bpc: number;
  text: string;
}

/** Byte positions [start, end) of the WordDocument stream. */
interface Range {
  start: number;
  end: number;
}

const PAGE = 512;
const FIB_PLCF_BTE_CHPX = 0xfa;
const FIB_PLCF_BTE_PAPX = 0x102;
const SPRM_P_F_TTP = 0x2417;

function u32(b: Uint8Array, at: number): number {
  return (b[at]! | (b[at + 1]! << 8) | (b[at + 2]! << 16) | (b[at + 3]! << 24)) >>> 0;
}

/** The pages of a bin table (page numbers are checked against the stream: a page outside it is skipped). */
function binPages(wd: Uint8Array, table: Uint8Array, fibOffset: number): Uint8Array[] {
  if (wd.length < fibOffset + 8) return [];
  const fc = u32(wd, fibOffset);
  const lcb = u32(wd, fibOffset + 4);
  if (lcb < 12 || (lcb - 4) % 8 !== 0 || fc + lcb > table.length) return [];
  const count = (lcb - 4) / 8;
  const pages: Uint8Array[] = [];
  for (let i = 0; i < count; i++) {
    const page = u32(table, fc + (count + 1) * 4 + i * 4);
    if ((page + 1) * PAGE <= wd.length) pages.push(wd.subarray(page * PAGE, (page + 1) * PAGE));
  }
  return pages;
}

/** Walk a grpprl as word-extractor does (operand sizes by spra); true when `test` accepts a modifier. */
function someSprm(page: Uint8Array, from: number, to: number, test: (sprm: number, operand: number) => boolean): boolean {
  let p = from;
  while (p < to - 1) {
    const sprm = page[p]! | (page[p + 1]! << 8);
    p += 2;
    if (test(sprm, p)) return true;
    switch (sprm >> 13) {
      case 0:
      case 1:
        p += 1;
        break;
      case 3:
        p += 4;
        break;
      case 6:
        if (p >= to) return false;
        p += page[p]! + 1;
        break;
      case 7:
        p += 3;
        break;
      default:
        p += 2;
    }
  }
  return false;
}

/** Character runs whose properties say "deleted" (a modifier of index 0 with its low bit set). */
export function deletedRanges(wd: Uint8Array, table: Uint8Array): Range[] {
  const out: Range[] = [];
  for (const page of binPages(wd, table, FIB_PLCF_BTE_CHPX)) {
    const crun = page[PAGE - 1]!;
    for (let j = 0; j < crun && (crun + 1) * 4 + j < PAGE - 1; j++) {
      const rgb = page[(crun + 1) * 4 + j]!;
      if (rgb === 0) continue;
      const at = rgb * 2;
      const end = Math.min(PAGE, at + 1 + page[at]!);
      if (someSprm(page, at + 1, end, (sprm, operand) => (sprm & 0x1f) === 0 && operand < end && (page[operand]! & 1) === 1)) {
        out.push({ start: u32(page, j * 4), end: u32(page, (j + 1) * 4) });
      }
    }
  }
  return out;
}

/** The paragraph marks of row-end paragraphs: the last byte of each such paragraph run. */
export function rowEndMarks(wd: Uint8Array, table: Uint8Array): Range[] {
  const out: Range[] = [];
  for (const page of binPages(wd, table, FIB_PLCF_BTE_PAPX)) {
    const crun = page[PAGE - 1]!;
    for (let j = 0; j < crun && (crun + 1) * 4 + j * 13 < PAGE - 1; j++) {
      const at = page[(crun + 1) * 4 + j * 13]! * 2;
      const cb = page[at]!;
      // cb ≠ 0: 2·cb − 1 bytes follow; cb = 0: the next byte counts words.
      const from = cb !== 0 ? at + 1 : at + 2;
      const end = Math.min(PAGE, cb !== 0 ? at + 2 * cb : at + 2 + 2 * page[at + 1]!);
      // The first two bytes are the style; the modifiers follow.
      if (end - from < 2 || !someSprm(page, from + 2, end, (sprm) => sprm === SPRM_P_F_TTP)) continue;
      const next = u32(page, (j + 1) * 4);
      if (next > u32(page, j * 4)) out.push({ start: next - 1, end: next });
    }
  }
  return out;
}

/** Sorted, overlaps merged: every byte position in at most one range. */
function disjoint(ranges: Range[]): Range[] {
  const sorted = ranges.filter((r) => r.end > r.start).sort((a, b) => a.start - b.start);
  const out: Range[] = [];
  for (const r of sorted) {
    const last = out[out.length - 1];
    if (last && r.start <= last.end) last.end = Math.max(last.end, r.end);
    else out.push({ ...r });
  }
  return out;
}

/**
 * Overwrite the characters of every piece that lie in `ranges` with `char`, keeping each piece's
 * length. Ranges are made disjoint first, so each piece meets each of its bytes once.
 */
export function overwriteRanges(pieces: readonly MarkablePiece[], ranges: Range[], char: string): void {
  if (ranges.length === 0) return;
  const marks = disjoint(ranges);
  for (const piece of pieces) {
    const { startFilePos: ps, bpc, text } = piece;
    const pe = ps + text.length * bpc;
    let i = firstEndingAfter(marks, ps);
    if (i >= marks.length || marks[i]!.start >= pe) continue;
    let out = "";
    let at = 0;
    for (; i < marks.length && marks[i]!.start < pe; i++) {
      const r = marks[i]!;
      const from = Math.max(at, Math.floor((Math.max(r.start, ps) - ps) / bpc));
      const to = Math.min(text.length, Math.ceil((Math.min(r.end, pe) - ps) / bpc));
      if (to <= from) continue;
      out += text.slice(at, from) + char.repeat(to - from);
      at = to;
    }
    piece.text = out + text.slice(at);
  }
}
