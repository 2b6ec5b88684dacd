import { createRequire } from "node:module";
import { deletedRanges, overwriteRanges, rowEndMarks } from "./property-marks.js";

/**
 * The main-document text of a .doc file, as word-extractor reads it from the piece table,
 * before its clean-up pass. The clean-up would turn cell marks and real tabs both into "\t" and
 * paragraph marks and row ends both into "\n"; the marks are kept apart here:
 * "\r" paragraph end, "\x07" cell end, "\n" row end (word-extractor's rewrite of the row mark),
 * "\x13 … \x14 … \x15" fields, "\x00" deleted text.
 *
 * word-extractor is given a Buffer (its BufferReader never touches the filesystem). Its passes
 * over the property pages are replaced by linear ones (property-marks.ts), and its header and
 * footer pass is skipped: only the main text is read, and that pass costs a piece rebuild per
 * header story.
 */
export interface Piece {
  startCp: number;
  endCp: number;
  /** Byte position of the piece's first character in the WordDocument stream. */
  startFilePos: number;
  /** Bytes per character: 2 for UTF-16 pieces, 1 for 8-bit ones. */
  bpc: number;
}

export interface WordText {
  text: string;
  pieces: Piece[];
}

interface RawPiece extends Piece {
  text: string;
}

interface OleExtractorInstance {
  _pieces: RawPiece[];
  _boundaries: { ccpText: number };
  extract(reader: unknown): Promise<unknown>;
  buildDocument(): unknown;
  writeCharacterProperties(wordDocument: Uint8Array, table: Uint8Array): void;
  writeParagraphProperties(wordDocument: Uint8Array, table: Uint8Array): void;
  normalizeHeaders(wordDocument: Uint8Array, table: Uint8Array): void;
}
type OleExtractorClass = new () => OleExtractorInstance;

const require = createRequire(import.meta.url);

let capturing: OleExtractorClass | undefined;

/** A subclass that keeps the piece table and text when the document is assembled. */
function capturingExtractor(): OleExtractorClass {
  if (capturing) return capturing;
  const Base = require("word-extractor/lib/word-ole-extractor.js") as OleExtractorClass;
  for (const method of ["buildDocument", "writeCharacterProperties", "writeParagraphProperties", "normalizeHeaders"]) {
    if (typeof (Base.prototype as unknown as Record<string, unknown>)[method] !== "function") throw new Error("word-extractor internals changed");
  }
  capturing = class extends Base {
    captured: WordText | undefined;
    override buildDocument(): unknown {
      const pieces = this._pieces;
      const ccp = this._boundaries.ccpText;
      if (!Array.isArray(pieces) || typeof ccp !== "number") throw new Error("word-extractor internals changed");
      let text = "";
      for (const p of pieces) {
        if (p.startCp >= ccp) break;
        text += p.text.slice(0, ccp - p.startCp);
      }
      this.captured = {
        text,
        pieces: pieces.map((p) => ({ startCp: p.startCp, endCp: p.endCp, startFilePos: p.startFilePos, bpc: p.bpc })),
      };
      return super.buildDocument();
    }
    override writeCharacterProperties(wordDocument: Uint8Array, table: Uint8Array): void {
      overwriteRanges(this._pieces, deletedRanges(wordDocument, table), "\x00");
    }
    override writeParagraphProperties(wordDocument: Uint8Array, table: Uint8Array): void {
      overwriteRanges(this._pieces, rowEndMarks(wordDocument, table), "\n");
    }
    override normalizeHeaders(): void {}
  };
  return capturing;
}

/** Read the main text. Throws whatever word-extractor throws on a damaged file. */
export async function readWordText(bytes: Uint8Array): Promise<WordText> {
  const BufferReader = require("word-extractor/lib/buffer-reader.js") as new (b: Buffer) => unknown;
  const Extractor = capturingExtractor();
  const extractor = new Extractor() as OleExtractorInstance & { captured?: WordText };
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  await extractor.extract(new BufferReader(buffer));
  if (!extractor.captured) throw new Error("word-extractor returned no text");
  return extractor.captured;
}

/** File position of the character at `cp` (pieces in cp order). */
export function filePosition(pieces: Piece[], cp: number): number {
  let lo = 0;
  let hi = pieces.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const p = pieces[mid]!;
    if (cp < p.startCp) hi = mid - 1;
    else if (cp >= p.endCp) lo = mid + 1;
    else return p.startFilePos + (cp - p.startCp) * p.bpc;
  }
  return -1;
}
