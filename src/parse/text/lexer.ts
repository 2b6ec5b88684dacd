/**
 * The text lexer: every line of a text form → cell tokens with their line and column, and the row
 * marks the rendering gives. It reads each line by its own shape rather than choosing one layout
 * for the file, because real copies mix shapes (a title line, `text |` cells, filler runs) and
 * lose what a grid would promise: rows, merged cells, sometimes the separators themselves.
 *
 * Separators by strength: `|` and runs of two or more spaces (or U+3000) are hard; a single space
 * is soft and stays inside the token, where the form reader may split at it when the vocabulary
 * says a cell boundary is there.
 */
import { checkRowWidth, MAX_ITEMS, tooLarge } from "./blocks.js";
import { isSpaceChar } from "./lines.js";

export interface LexToken {
  /** Cell text as written, trimmed; "" for an empty cell. */
  text: string;
  /** 1-based line and column of the text. */
  line: number;
  col: number;
  /** A hard row boundary comes before this token (the start of a pipe row or of a row line). */
  rowStart: boolean;
  /** Leading spaces of the token's line (the level of an outline). */
  indent: number;
  /** The token is the whole of a line that holds nothing else. */
  alone: boolean;
}

/**
 * How one line was written:
 * - `pipe-row`: several cells between pipes (`| a | b |`, `a | b | ||||`): a row of its own;
 * - `pipe-cell`: one cell closed by a pipe (`text |`), as web pages copy a table cell by cell;
 * - `mark`: a lone `|` (opens a row, closes the cell above, or is an empty cell);
 * - `filler`: only pipes (`||||`): the end of a row whose remaining cells were left out;
 * - `row`: plain text on a line next to other plain lines: one row, cells split by space runs;
 * - `cell`: plain text between blank lines (or pipe marks): one cell;
 * - `space`: only spaces between blank lines: an empty cell; `blank`: nothing.
 */
export type LineShape = "pipe-row" | "pipe-cell" | "mark" | "filler" | "row" | "cell" | "space" | "blank";

export interface LexLine {
  line: number;
  shape: LineShape;
  tokens: LexToken[];
  /** The row ends after this line (a filler run, or a line that is a row). */
  endsRow: boolean;
}

const PIPE = 0x7c;

/** Lex all lines; `lines[i]` is line i + 1. */
export function lexLines(lines: readonly string[]): LexLine[] {
  const shapes = lines.map(roughShape);
  markRowBlocks(lines, shapes);
  const out: LexLine[] = [];
  // Whether the last cell written is closed, so that a lone pipe after it is a cell of its own.
  let cellClosed = false;
  let tokenCount = 0;
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i]!;
    let shape = shapes[i]!;
    const lineNo = i + 1;
    // A line of spaces is an empty cell among cells written one per line (between blank lines, or
    // next to other cell lines); anywhere else it is padding.
    const amongCells = (shapes[i - 1] === "blank" && shapes[i + 1] === "blank") || shapes[i - 1] === "cell" || shapes[i + 1] === "cell";
    if (shape === "space" && !amongCells) shape = "blank";
    const lexed: LexLine = { line: lineNo, shape, tokens: [], endsRow: false };
    switch (shape) {
      case "pipe-row":
      case "pipe-cell": {
        const { cells, trailingEmpty } = splitPipes(raw, lineNo);
        lexed.tokens = cells.map((c, k) => token(c.text, lineNo, c.col, raw, shape === "pipe-row" && k === 0, cells.length === 1));
        lexed.endsRow = shape === "pipe-row" || trailingEmpty;
        cellClosed = !lexed.endsRow;
        break;
      }
      case "mark":
        // After a closed cell (`text |`, or a lone pipe) a lone pipe is an empty cell; after plain
        // text it closes that cell, and after a filler run it opens the next row.
        if (cellClosed) lexed.tokens = [token("", lineNo, textStart(raw) + 1, raw, false, true)];
        cellClosed = true;
        break;
      case "filler":
        lexed.endsRow = true;
        cellClosed = false;
        break;
      case "row":
      case "cell": {
        // A line on its own is one cell, whatever spaces pad it (`填报单位：… 　　 单位：万元`).
        const cells = shape === "row" ? splitSpaceRuns(raw, lineNo) : [{ text: raw.trim(), col: textStart(raw) + 1 }];
        lexed.tokens = cells.map((c, k) => token(c.text, lineNo, c.col, raw, shape === "row" && k === 0, cells.length === 1));
        lexed.endsRow = shape === "row";
        cellClosed = false;
        break;
      }
      case "space":
        lexed.tokens = [token("", lineNo, 1, raw, false, true)];
        break;
      case "blank":
        break;
    }
    out.push(lexed);
    // Junk of millions of one-cell lines is refused here, before it becomes millions of objects.
    tokenCount += lexed.tokens.length;
    if (tokenCount > MAX_ITEMS) throw tooLarge({ zh: `表格单元格与段落超过 ${MAX_ITEMS} 个`, en: `more than ${MAX_ITEMS} table cells and paragraphs` });
  }
  return out;
}

/**
 * Plain lines next to each other are rows of a table written one row per line (cells split by
 * spaces) — unless hardly any of them has a space to split at: then they are cells, one per line,
 * as some pages copy a table without blank lines between its cells.
 */
function markRowBlocks(lines: readonly string[], shapes: LineShape[]): void {
  for (let i = 0; i < shapes.length; ) {
    if (shapes[i] !== "cell") {
      i++;
      continue;
    }
    let j = i;
    while (j < shapes.length && shapes[j] === "cell") j++;
    if (j - i >= 2) {
      let spaced = 0;
      for (let k = i; k < j; k++) if (/\S[ \u3000\u00a0]+\S/.test(lines[k]!.trim())) spaced++;
      if (spaced * 2 >= j - i) for (let k = i; k < j; k++) shapes[k] = "row";
    }
    i = j;
  }
}

function token(text: string, line: number, col: number, raw: string, rowStart: boolean, alone: boolean): LexToken {
  return { text, line, col, rowStart, indent: textStart(raw), alone };
}

/** Index of the first character that is not a space (the line's indentation). */
function textStart(raw: string): number {
  let i = 0;
  while (i < raw.length && isSpaceChar(raw.charCodeAt(i))) i++;
  return i;
}

/** A line's shape from its own characters (neighbours refine `cell` and `space` later). */
function roughShape(raw: string): LineShape {
  let pipes = 0;
  let visible = 0;
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (c === PIPE && raw.charCodeAt(i - 1) !== 0x5c) pipes++;
    else if (!isSpaceChar(c) && c !== 0x0d && c !== 0xfeff) visible++;
  }
  if (visible === 0) {
    if (pipes === 0) return raw.length > 0 && raw.trim() === "" && /[ \u3000\u00a0]/.test(raw) ? "space" : "blank";
    return pipes === 1 ? "mark" : "filler";
  }
  if (pipes === 0) return "cell";
  const t = raw.trim();
  // Markdown's `|---|:--:|` rule under a header row: no cells.
  if (/^\|?(\s*:?-+:?\s*\|)+\s*:?-*:?\s*$/.test(t)) return "blank";
  const contentSegments = t.split(/(?<!\\)\|/).filter((s) => s.trim() !== "").length;
  return t.startsWith("|") || contentSegments > 1 ? "pipe-row" : "pipe-cell";
}

interface RawCell {
  text: string;
  col: number;
}

/**
 * Cells between pipes (`\|` is a literal pipe). Empty cells at the row's end are the filler run a
 * rendering writes for cells it left out: they are dropped, and say the row ends here.
 */
function splitPipes(raw: string, lineNo: number): { cells: RawCell[]; trailingEmpty: boolean } {
  const segments: RawCell[] = [];
  let start = 0;
  let pieces: string[] = [];
  for (let i = 0; i <= raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (c === 0x5c && raw.charCodeAt(i + 1) === PIPE) {
      pieces.push(raw.slice(start, i), "|");
      start = i + 2;
      i++;
      continue;
    }
    if (c === PIPE || i === raw.length) {
      pieces.push(raw.slice(start, i));
      const text = pieces.join("");
      segments.push({ text: text.trim(), col: start + 1 + (text.length - text.trimStart().length) });
      pieces = [];
      start = i + 1;
      checkRowWidth(segments.length, lineNo);
    }
  }
  // Text before the first pipe of `| a |` is nothing; so is the text after the last pipe.
  if (segments[0]?.text === "" && raw.trimStart().startsWith("|")) segments.shift();
  if (segments.at(-1)?.text === "") segments.pop();
  let trailingEmpty = false;
  while (segments.length > 0 && segments.at(-1)!.text === "") {
    segments.pop();
    trailingEmpty = true;
  }
  return { cells: segments, trailingEmpty: trailingEmpty || /\|\s*\|\s*$/.test(raw) };
}

/** Cells of a plain line: split at TABs and at runs of two or more spaces or any U+3000. */
export function splitSpaceRuns(raw: string, lineNo: number): RawCell[] {
  const cells: RawCell[] = [];
  let i = 0;
  const n = raw.length;
  while (i < n) {
    while (i < n && isSpaceChar(raw.charCodeAt(i))) i++;
    if (i >= n) break;
    const begin = i;
    let end = i;
    while (i < n) {
      const c = raw.charCodeAt(i);
      if (c === 0x09 || c === 0x3000) break;
      if (c === 0x20 || c === 0xa0) {
        // A single space stays inside the cell (soft); two or more end it (hard).
        const next = raw.charCodeAt(i + 1);
        if (i + 1 >= n || isSpaceChar(next)) break;
      }
      i++;
      end = i;
    }
    const text = raw.slice(begin, end).trim();
    if (text !== "" && text !== "\r") {
      cells.push({ text, col: begin + 1 });
      checkRowWidth(cells.length, lineNo);
    }
  }
  return cells;
}
