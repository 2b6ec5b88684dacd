import { symbolChar, symbolTable } from "../docx/symbols.js";
import type { Piece } from "./word-text.js";
import { firstEndingAfter } from "./ranges.js";

/**
 * Check boxes and signs typed in symbol fonts (Wingdings "þ" = ☑, Wingdings 2 "R" = ☑, Symbol
 * U+F0B3 = ≥) mean nothing without their font. This reads the fonts of the character runs
 * (PlcBteChpx → ChpxFkp pages, font table SttbfFfn) and maps the characters of runs set in a
 * symbol font, the same way the .docx reader does. Fonts set only through styles are not seen.
 */
interface SymbolRun {
  start: number;
  end: number;
  font: string;
  /** sprmCSymbol: the run shows this character of `font` instead of its text. */
  symbol: number | undefined;
}

const SPRM_C_RG_FTC0 = 0x4a4f;
const SPRM_C_RG_FTC1 = 0x4a50;
const SPRM_C_RG_FTC2 = 0x4a51;
const SPRM_C_SYMBOL = 0x6a09;

/** Font names by index, from the table stream's SttbfFfn. */
function fontNames(wd: DataView, ts: DataView): string[] {
  const fc = wd.getUint32(0x112, true);
  const lcb = wd.getUint32(0x116, true);
  const names: string[] = [];
  if (lcb < 4 || fc + lcb > ts.byteLength) return names;
  const count = ts.getUint16(fc, true);
  let p = fc + 4;
  const end = fc + lcb;
  for (let i = 0; i < count && p < end; i++) {
    const len = ts.getUint8(p);
    const entryEnd = Math.min(p + 1 + len, end);
    let name = "";
    // The name follows 39 bytes of metrics; it is UTF-16 and ends with a NUL.
    for (let q = p + 40; q + 1 < entryEnd; q += 2) {
      const c = ts.getUint16(q, true);
      if (c === 0) break;
      name += String.fromCharCode(c);
    }
    names.push(name);
    p = entryEnd;
  }
  return names;
}

function scanSymbolRuns(wordDocument: Uint8Array, tableStream: Uint8Array): SymbolRun[] {
  const wd = new DataView(wordDocument.buffer, wordDocument.byteOffset, wordDocument.byteLength);
  const ts = new DataView(tableStream.buffer, tableStream.byteOffset, tableStream.byteLength);
  if (wordDocument.length < 0x11a) return [];
  const fonts = fontNames(wd, ts);
  if (!fonts.some((f) => symbolTable(f))) return [];
  const fc = wd.getUint32(0xfa, true);
  const lcb = wd.getUint32(0xfe, true);
  if (lcb < 12 || fc + lcb > tableStream.length) return [];
  const n = Math.floor((lcb - 4) / 8);
  const runs: SymbolRun[] = [];
  for (let i = 0; i < n; i++) {
    const page = (ts.getUint32(fc + (n + 1) * 4 + i * 4, true) & 0x3fffff) * 512;
    if (page + 512 > wordDocument.length) continue;
    const crun = wd.getUint8(page + 511);
    if ((crun + 1) * 4 + crun > 511) continue;
    for (let j = 0; j < crun; j++) {
      const rgb = wd.getUint8(page + (crun + 1) * 4 + j) * 2;
      if (rgb === 0) continue;
      const cb = wd.getUint8(page + rgb);
      const limit = Math.min(page + rgb + 1 + cb, page + 511);
      const found = readFonts(wd, page + rgb + 1, limit, fonts);
      if (found) runs.push({ start: wd.getUint32(page + j * 4, true), end: wd.getUint32(page + (j + 1) * 4, true), ...found });
    }
  }
  return runs;
}

function readFonts(v: DataView, from: number, limit: number, fonts: string[]): { font: string; symbol: number | undefined } | undefined {
  let font: string | undefined;
  let symbol: number | undefined;
  let p = from;
  while (p + 2 <= limit) {
    const sprm = v.getUint16(p, true);
    p += 2;
    const size = charOperandSize(v, sprm, p, limit);
    if (size < 0 || p + size > limit) break;
    if ((sprm === SPRM_C_RG_FTC0 || sprm === SPRM_C_RG_FTC1 || sprm === SPRM_C_RG_FTC2) && !font) {
      const name = fonts[v.getUint16(p, true)];
      if (name && symbolTable(name)) font = name;
    } else if (sprm === SPRM_C_SYMBOL && size >= 4) {
      const name = fonts[v.getUint16(p, true)];
      if (name) {
        font = name;
        symbol = v.getUint16(p + 2, true);
      }
    }
    p += size;
  }
  return font ? { font, symbol } : undefined;
}

function charOperandSize(v: DataView, sprm: number, p: number, limit: number): number {
  switch (sprm >> 13) {
    case 0:
    case 1:
      return 1;
    case 2:
    case 4:
    case 5:
      return 2;
    case 3:
      return 4;
    case 7:
      return 3;
    case 6:
      return p < limit ? 1 + v.getUint8(p) : -1;
    default:
      return -1;
  }
}

/**
 * Replace the characters of symbol-font runs in the main text, one for one so that positions
 * stay valid: a known symbol becomes its Unicode character, an unknown private-use code becomes
 * "\x00" (dropped later like deleted text).
 */
export function applySymbolFonts(text: string, pieces: Piece[], wordDocument: Uint8Array, tableStream: Uint8Array): string {
  let runs: SymbolRun[];
  try {
    runs = scanSymbolRuns(wordDocument, tableStream);
  } catch {
    return text; // damaged character properties: keep the text as it is
  }
  if (runs.length === 0) return text;
  const sorted = disjointRuns(runs);
  const chars = text.split("");
  // Each piece meets only the runs that overlap it: linear in text and runs, whatever their counts.
  for (const piece of pieces) {
    const pieceEnd = piece.startFilePos + (piece.endCp - piece.startCp) * piece.bpc;
    for (let i = firstEndingAfter(sorted, piece.startFilePos); i < sorted.length && sorted[i]!.start < pieceEnd; i++) {
      const run = sorted[i]!;
      const from = Math.max(run.start, piece.startFilePos);
      const to = Math.min(run.end, pieceEnd);
      if (from >= to) continue;
      const cpFrom = piece.startCp + Math.floor((from - piece.startFilePos) / piece.bpc);
      const cpTo = Math.min(chars.length, piece.startCp + Math.ceil((to - piece.startFilePos) / piece.bpc));
      for (let cp = cpFrom; cp < cpTo; cp++) {
        const ch = chars[cp]!;
        if (ch.charCodeAt(0) < 0x20) continue; // structure marks keep their meaning
        const m = mapped(run, ch);
        chars[cp] = m.length === 1 ? m : "\x00";
      }
    }
  }
  return chars.join("");
}

/** Runs in file order, each byte in one run at most (where runs overlap, the earlier one keeps it). */
function disjointRuns(runs: SymbolRun[]): SymbolRun[] {
  const out: SymbolRun[] = [];
  for (const run of [...runs].sort((a, b) => a.start - b.start)) {
    const start = Math.max(run.start, out[out.length - 1]?.end ?? run.start);
    if (run.end > start) out.push({ ...run, start });
  }
  return out;
}

function mapped(run: SymbolRun, ch: string): string {
  if (run.symbol !== undefined) return symbolChar(run.font, run.symbol.toString(16));
  const code = ch.charCodeAt(0);
  const low = code >= 0xf000 && code <= 0xf0ff ? code - 0xf000 : code;
  const known = symbolTable(run.font)?.[low];
  if (known) return known;
  // Digits in Symbol, and anything that is not a private-use code, stay as they are.
  return code >= 0xe000 && code <= 0xf8ff ? symbolChar(run.font, code.toString(16)) : ch;
}
