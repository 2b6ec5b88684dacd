import type { GridCell } from "../../document.js";
import { rightAlignBodyRows } from "../align.js";
import { checkRowWidth, MAX_ROW_CELLS, type BlockSink } from "../blocks.js";
import { isBlank, isSpaceChar } from "../lines.js";
import { charWidth } from "../width.js";

/**
 * One row per line with cells separated by runs of at least two spaces, or by U+3000 (a full-width
 * space is two columns wide); a single space stays inside a cell. This is what text copied from a
 * PDF looks like. A table is a block of consecutive non-blank lines holding at least two multi-cell
 * lines; single-cell lines at the block's edges (titles, notes) are paragraphs.
 *
 * When the lines are padded into columns (pdftotext -layout, fixed-width exports), cells are placed
 * by their display column, so empty cells keep their place. Otherwise cells are taken in order and
 * short body rows are right-aligned, as row spans cover the leading columns.
 */

export interface SpacedCell {
  text: string;
  /** 0-based UTF-16 index in the line. */
  index: number;
  /** Display columns [start, end) with CJK counted double. */
  start: number;
  end: number;
}

/** Widest line (in display columns) that column alignment will consider. */
const MAX_ALIGN_WIDTH = 4096;

export function readSpaceSeparated(lines: readonly string[], sink: BlockSink): void {
  let i = 0;
  while (i < lines.length) {
    if (isBlank(lines[i]!)) {
      i++;
      continue;
    }
    let end = i;
    while (end < lines.length && !isBlank(lines[end]!)) end++;
    readBlock(lines, i, end, sink);
    i = end;
  }
}

function readBlock(lines: readonly string[], from: number, to: number, sink: BlockSink): void {
  const cells: SpacedCell[][] = [];
  for (let i = from; i < to; i++) {
    const row = splitSpaced(lines[i]!, MAX_ROW_CELLS + 1);
    checkRowWidth(row.length, i + 1);
    sink.take(row.length);
    cells.push(row);
  }
  let first = 0;
  while (first < cells.length && cells[first]!.length < 2) first++;
  let last = cells.length - 1;
  while (last >= 0 && cells[last]!.length < 2) last--;
  const multi = cells.filter((c) => c.length >= 2).length;
  if (multi < 2) {
    for (let i = from; i < to; i++) sink.paragraph(lines[i]!, i + 1);
    return;
  }
  for (let k = 0; k < first; k++) sink.paragraph(lines[from + k]!, from + k + 1);
  const tableCells = cells.slice(first, last + 1);
  const lineNo = (k: number): number => from + first + k + 1;
  sink.table(alignByColumns(tableCells, lineNo, sink) ?? alignByOrder(tableCells, lineNo, sink));
  for (let k = last + 1; k < cells.length; k++) sink.paragraph(lines[from + k]!, from + k + 1);
}

/** Cells of one line (at most `limit`), split at runs of whitespace at least two display columns wide. */
export function splitSpaced(line: string, limit = Infinity): SpacedCell[] {
  const cells: SpacedCell[] = [];
  let col = 0;
  let cellIndex = -1;
  let cellStart = 0;
  let cellEnd = 0;
  let lastText = -1; // index just past the last non-space character of the current cell
  let gap = 0;
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    const w = charWidth(c);
    if (isSpaceChar(c)) {
      gap += c === 0x09 ? 2 : w;
    } else {
      if (cellIndex >= 0 && gap >= 2) {
        cells.push({ text: line.slice(cellIndex, lastText), index: cellIndex, start: cellStart, end: cellEnd });
        if (cells.length >= limit) return cells;
        cellIndex = -1;
      }
      if (cellIndex < 0) {
        cellIndex = i;
        cellStart = col;
      }
      gap = 0;
      lastText = i + 1;
      cellEnd = col + w;
    }
    col += w;
  }
  if (cellIndex >= 0) cells.push({ text: line.slice(cellIndex, lastText), index: cellIndex, start: cellStart, end: cellEnd });
  return cells;
}

/**
 * Place cells by display column: columns are the runs of display positions that some cell covers,
 * separated by gutters that are blank on every line. Undefined when the lines do not line up (two
 * cells of one line fall into the same column).
 */
function alignByColumns(rows: SpacedCell[][], lineNo: (k: number) => number, sink: BlockSink): GridCell[][] | undefined {
  const width = rows.reduce((w, r) => Math.max(w, r.length ? r[r.length - 1]!.end : 0), 0);
  if (width > MAX_ALIGN_WIDTH) return undefined;
  const cover = new Int32Array(width + 1);
  for (const r of rows) {
    for (const c of r) {
      cover[c.start]!++;
      cover[c.end]!--;
    }
  }
  // columnAt[p] = index of the column covering display position p.
  const columnAt = new Int32Array(width).fill(-1);
  let columns = 0;
  let depth = 0;
  let inside = false;
  for (let p = 0; p < width; p++) {
    depth += cover[p]!;
    if (depth > 0) {
      if (!inside) columns++;
      inside = true;
      columnAt[p] = columns - 1;
    } else {
      inside = false;
    }
  }
  const widest = rows.reduce((w, r) => Math.max(w, r.length), 0);
  if (columns < widest) return undefined;
  const out: GridCell[][] = [];
  for (let k = 0; k < rows.length; k++) {
    const line = lineNo(k);
    const row: GridCell[] = Array.from({ length: columns }, () => sink.cell("", line));
    let prev = -1;
    for (const c of rows[k]!) {
      const col = columnAt[c.start]!;
      if (col <= prev) return undefined;
      row[col] = sink.counted(c.text, line, c.index + 1);
      prev = col;
    }
    out.push(row);
  }
  return out;
}

function alignByOrder(rows: SpacedCell[][], lineNo: (k: number) => number, sink: BlockSink): GridCell[][] {
  const grid = rows.map((r, k) => r.map((c) => sink.counted(c.text, lineNo(k), c.index + 1)));
  return rightAlignBodyRows(grid, grid.reduce((w, r) => Math.max(w, r.length), 0), sink);
}
