/**
 * .doc files whose structures make a reader do far more work than the file's size: the seed's
 * streams repacked (test/parse/doc/cfb-builder.ts) with a piece table or paragraph property
 * runs that use the same bytes again and again. Built at test time; a megabyte or so each.
 */
import { openCompoundFile } from "../../src/parse/doc/cfb.js";
import { buildCfb } from "../parse/doc/cfb-builder.js";
import { seedBytes } from "./bytes.js";

/** FIB fields ([MS-DOC] FibRgFcLcb97): offset of the fc; its lcb follows. */
const FIB_CCP_TEXT = 0x4c;
const FIB_PLCF_BTE_PAPX = 0x102;
const FIB_CLX = 0x1a2;
const PAGE = 512;

export interface DocStreams {
  wordDocument: Uint8Array;
  table: Uint8Array;
}

/** The seed .doc's WordDocument and 1Table streams (copies: callers patch them). */
export function seedDocStreams(): DocStreams {
  const cf = openCompoundFile(seedBytes("hengdong-2023.doc"));
  return { wordDocument: cf.readStream("WordDocument")!.slice(), table: cf.readStream("1Table")!.slice() };
}

export function packDoc(s: DocStreams): Uint8Array {
  return buildCfb({ WordDocument: s.wordDocument, "1Table": s.table });
}

function u32(bytes: Uint8Array, at: number): number {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(at, true);
}

function setU32(bytes: Uint8Array, at: number, value: number): void {
  new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).setUint32(at, value, true);
}

function append(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}

/** The seed's only text piece: where its UTF-16 text starts in WordDocument, and how many characters. */
export function seedTextPiece(s: DocStreams): { fc: number; chars: number } {
  let pos = u32(s.wordDocument, FIB_CLX);
  while (s.table[pos] === 1) pos += 3 + (s.table[pos + 1]! | (s.table[pos + 2]! << 8));
  const base = pos + 5;
  return { fc: u32(s.table, base + 8 + 2), chars: u32(s.table, base + 4) - u32(s.table, base) };
}

export interface Piece {
  cpLength: number;
  /** Byte offset in WordDocument; UTF-16 text. */
  fc: number;
}

/** Replace the piece table: a new Clx (one Pcdt) at the end of the table stream, with the main text as long as all pieces. */
export function withPieces(s: DocStreams, pieces: readonly Piece[], options: { ccpText?: number } = {}): DocStreams {
  const n = pieces.length;
  const lcb = (n + 1) * 4 + n * 8;
  const clx = new Uint8Array(5 + lcb);
  clx[0] = 2;
  setU32(clx, 1, lcb);
  let cp = 0;
  pieces.forEach((p, i) => {
    setU32(clx, 5 + i * 4, cp);
    cp += p.cpLength;
    setU32(clx, 5 + (n + 1) * 4 + i * 8 + 2, p.fc);
  });
  setU32(clx, 5 + n * 4, cp);
  const wordDocument = s.wordDocument.slice();
  setU32(wordDocument, FIB_CLX, s.table.length);
  setU32(wordDocument, FIB_CLX + 4, clx.length);
  setU32(wordDocument, FIB_CCP_TEXT, options.ccpText ?? cp);
  return { wordDocument, table: append(s.table, clx) };
}

/** `count` pieces that each are the seed's whole text again: a megabyte of piece table names gigabytes of text. */
export function amplifiedPieceTable(count: number): Uint8Array {
  const s = seedDocStreams();
  const { fc, chars } = seedTextPiece(s);
  return packDoc(withPieces(s, Array.from({ length: count }, () => ({ cpLength: chars, fc }))));
}

/**
 * A PapxFkp page: `runs` paragraph runs splitting [from, to) of WordDocument, all sharing one
 * PAPX that says "in a table, row end" (sprmPFInTable, sprmPFTtp twice).
 */
export function rowEndPage(from: number, to: number, runs = 29): Uint8Array {
  const page = new Uint8Array(PAGE);
  for (let j = 0; j <= runs; j++) setU32(page, j * 4, from + Math.floor(((to - from) * j) / runs / 2) * 2);
  const papx = 498;
  for (let j = 0; j < runs; j++) page[(runs + 1) * 4 + j * 13] = papx / 2;
  // cb = 6: 2·6 − 1 = 11 bytes of istd and modifiers.
  page.set([6, 0, 0, 0x16, 0x24, 1, 0x17, 0x24, 1, 0x17, 0x24, 1], papx);
  page[511] = runs;
  return page;
}

/** Replace PlcBtePapx: `pages` (one FkP page number per bin entry) at the end of the table stream. */
export function withParagraphBins(s: DocStreams, pages: readonly number[]): DocStreams {
  const n = pages.length;
  const plc = new Uint8Array((n + 1) * 4 + n * 4);
  const { fc, chars } = seedTextPiece(s);
  for (let i = 0; i <= n; i++) setU32(plc, i * 4, fc + Math.floor((chars * 2 * i) / Math.max(1, n)));
  pages.forEach((pn, i) => setU32(plc, (n + 1) * 4 + i * 4, pn));
  const wordDocument = s.wordDocument.slice();
  setU32(wordDocument, FIB_PLCF_BTE_PAPX, s.table.length);
  setU32(wordDocument, FIB_PLCF_BTE_PAPX + 4, plc.length);
  return { wordDocument, table: append(s.table, plc) };
}

/** WordDocument padded to whole pages, with `pages` appended; returns their page numbers. */
export function withPages(s: DocStreams, pages: readonly Uint8Array[]): { streams: DocStreams; numbers: number[] } {
  const first = Math.ceil(s.wordDocument.length / PAGE);
  const wordDocument = new Uint8Array((first + pages.length) * PAGE);
  wordDocument.set(s.wordDocument);
  pages.forEach((p, i) => wordDocument.set(p, (first + i) * PAGE));
  return { streams: { ...s, wordDocument }, numbers: pages.map((_, i) => first + i) };
}

/** `entries` bin entries that all name one page of row-end runs over the whole text. */
export function amplifiedParagraphProps(entries: number): Uint8Array {
  const s = seedDocStreams();
  const { fc, chars } = seedTextPiece(s);
  const { streams, numbers } = withPages(s, [rowEndPage(fc, fc + chars * 2)]);
  return packDoc(withParagraphBins(streams, Array.from({ length: entries }, () => numbers[0]!)));
}
