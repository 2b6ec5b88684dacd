/**
 * A worksheet → the neutral document's blocks, laid out as a Word form would be: the lines above
 * and below a table (a title merged across the columns, `单位：万元`, the signature line) become
 * paragraphs, the rest tables with their merges expanded. Blank rows separate tables, so forms
 * placed one under another on a sheet come out one after another. Rows and columns the sheet
 * hides are left out, as the sheet shows them.
 */
import { PerfgoalError } from "../../model/errors.js";
import type { Location } from "../../model/location.js";
import type { Block, GridCell } from "../document.js";
import { MAX_GRID_CELLS } from "../docx/grid.js";
import { cellKey, keyCol, keyRow, type MergeRange, type Sheet } from "./sheet.js";

/** Cells the tables of one workbook may take (the limit the .docx reader applies too). */
export interface GridBudget {
  cells: number;
}

export interface SheetBlocks {
  blocks: Block[];
  /** Cells whose text a merge covers (the sheet does not show it), as `C5`. */
  coveredText: Location[];
}

/** One grid position of a segment: the merge (or cell) it shows. */
interface Slot {
  /** Sheet row and column of the text this position shows. */
  row: number;
  col: number;
  /** Visible rows and columns the merge spans, counted from its first visible position. */
  rowSpan: number;
  colSpan: number;
  origin: boolean;
}

/**
 * Blocks of one visible sheet; `firstTable` numbers its tables after the previous sheets'.
 * Throws PG-E-TOO-LARGE beyond the grid budget and PG-E-CORRUPT for overlapping merges.
 */
export function sheetBlocks(sheet: Sheet, firstTable: number, budget: GridBudget): SheetBlocks {
  const out: SheetBlocks = { blocks: [], coveredText: [] };
  let tableIndex = firstTable;
  const segs = segments(sheet);
  const mergesOf = groupMerges(sheet.merges, segs);
  segs.forEach((seg, n) => {
    const rows = visible(seg.r1, seg.r2, sheet.hiddenRows);
    const cols = visible(seg.c1, seg.c2, sheet.hiddenCols);
    if (rows.length === 0 || cols.length === 0) return;
    if (rows.length * cols.length > MAX_GRID_CELLS) throw tooLarge(rows.length * cols.length);
    const grid = placeMerges(sheet, mergesOf[n]!, rows, cols, out.coveredText);
    for (const part of splitRows(sheet, grid, rows)) {
      if (part.kind === "paragraph") {
        const slot = part.slot;
        out.blocks.push({ kind: "paragraph", text: sheet.cells.get(cellKey(slot.row, slot.col)) ?? "", loc: loc(sheet, slot.row, slot.col) });
        continue;
      }
      out.blocks.push({ kind: "table", table: { index: tableIndex++, rows: tableGrid(sheet, grid, rows, cols, part.from, part.to, budget), mergesKnown: true } });
    }
  });
  return out;
}

/** Each merge to the segment holding its first row (segments are sorted and apart). */
function groupMerges(merges: readonly MergeRange[], segs: readonly MergeRange[]): MergeRange[][] {
  const out: MergeRange[][] = segs.map(() => []);
  for (const m of merges) {
    let lo = 0;
    let hi = segs.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (segs[mid]!.r1 <= m.r1) lo = mid;
      else hi = mid - 1;
    }
    out[lo]?.push(m);
  }
  return out;
}

function tooLarge(n: number, atLeast = false): PerfgoalError {
  const zh = atLeast ? `至少 ${n} 个` : `${n} 个`;
  const en = atLeast ? `at least ${n}` : String(n);
  return new PerfgoalError("PG-E-TOO-LARGE", { zh: `表格超过 ${MAX_GRID_CELLS} 个单元格（${zh}）`, en: `tables exceed ${MAX_GRID_CELLS} cells (${en})` });
}

function loc(sheet: Sheet, row: number, col: number): Location {
  return { kind: "sheetCell", sheet: sheet.name, sheetIndex: sheet.index, row, col };
}

/**
 * Row bands with something in them: each cell's row, each merge's rows; bands that overlap or
 * touch are one segment (no blank row between them). The columns are the band's used columns.
 */
function segments(sheet: Sheet): MergeRange[] {
  const bands: MergeRange[] = [];
  for (const key of sheet.cells.keys()) {
    const r = keyRow(key);
    const c = keyCol(key);
    bands.push({ r1: r, r2: r, c1: c, c2: c });
  }
  for (const m of sheet.merges) bands.push({ ...m });
  bands.sort((a, b) => a.r1 - b.r1);
  const out: MergeRange[] = [];
  for (const b of bands) {
    const last = out[out.length - 1];
    if (last && b.r1 <= last.r2 + 1) {
      last.r2 = Math.max(last.r2, b.r2);
      last.c1 = Math.min(last.c1, b.c1);
      last.c2 = Math.max(last.c2, b.c2);
    } else out.push({ ...b });
  }
  return out;
}

/** The numbers from..to that no hidden run covers; counted first, so a vast range costs nothing. */
function visible(from: number, to: number, hidden: readonly [number, number][]): number[] {
  let hiddenCount = 0;
  for (const [a, b] of hidden) hiddenCount += Math.max(0, Math.min(b, to) - Math.max(a, from) + 1);
  // One row (or column) of the grid per number: beyond the cap, the grid is too, whatever its other side.
  if (to - from + 1 - hiddenCount > MAX_GRID_CELLS) throw tooLarge(to - from + 1 - hiddenCount, true);
  const out: number[] = [];
  const sorted = [...hidden].sort((x, y) => x[0] - y[0]);
  let h = 0;
  for (let n = from; n <= to; n++) {
    while (h < sorted.length && sorted[h]![1] < n) h++;
    const run = sorted[h];
    if (run && n >= run[0]) {
      n = run[1];
      continue;
    }
    out.push(n);
  }
  return out;
}

/** Position (row i, column j of the segment's visible grid) → the slot it shows. */
function placeMerges(sheet: Sheet, merges: readonly MergeRange[], rows: number[], cols: number[], coveredText: Location[]): Slot[][] {
  const rowAt = new Map(rows.map((r, i) => [r, i]));
  const colAt = new Map(cols.map((c, j) => [c, j]));
  const grid: Slot[][] = rows.map((r) => cols.map((c) => ({ row: r, col: c, rowSpan: 1, colSpan: 1, origin: true })));
  const taken: boolean[][] = rows.map(() => cols.map(() => false));
  for (const m of merges) {
    const is = indexesWithin(rows, rowAt, m.r1, m.r2);
    const js = indexesWithin(cols, colAt, m.c1, m.c2);
    if (is.length === 0 || js.length === 0) continue;
    const slot: Slot = { row: m.r1, col: m.c1, rowSpan: is.length, colSpan: js.length, origin: true };
    for (const i of is) {
      for (const j of js) {
        if (taken[i]![j]) throw new PerfgoalError("PG-E-CORRUPT", { zh: `工作表“${sheet.name}”的合并区域互相重叠`, en: `sheet "${sheet.name}": merged ranges overlap` });
        taken[i]![j] = true;
        grid[i]![j] = i === is[0] && j === js[0] ? slot : { row: m.r1, col: m.c1, rowSpan: 1, colSpan: 1, origin: false };
      }
    }
  }
  // Text under a merge, other than its first cell's, is not shown by the sheet and is not read.
  grid.forEach((line, i) =>
    line.forEach((s, j) => {
      if (!s.origin && sheet.cells.has(cellKey(rows[i]!, cols[j]!))) coveredText.push(loc(sheet, rows[i]!, cols[j]!));
    }),
  );
  return grid;
}

/** Grid indexes of the visible numbers in from..to. */
function indexesWithin(list: number[], at: Map<number, number>, from: number, to: number): number[] {
  const out: number[] = [];
  if (to - from < list.length) {
    for (let n = from; n <= to; n++) {
      const i = at.get(n);
      if (i !== undefined) out.push(i);
    }
    return out;
  }
  list.forEach((n, i) => {
    if (n >= from && n <= to) out.push(i);
  });
  return out;
}

type Part = { kind: "paragraph"; slot: Slot } | { kind: "table"; from: number; to: number };

/**
 * Classify the segment's rows. A loose row holds one piece of text and no merge reaching another
 * row: a line of its own. Loose rows at the top and bottom of the segment, and runs of two or
 * more in its middle, are paragraphs; the rows between them are tables. Rows showing nothing
 * end a table.
 */
function splitRows(sheet: Sheet, grid: Slot[][], rows: number[]): Part[] {
  const kinds = grid.map((line, i): "blank" | "loose" | "table" => {
    let texts = 0;
    for (const slot of line) {
      // A merge reaching another row: from this one down, or from a row above into this one.
      if (slot.rowSpan > 1 || (!slot.origin && slot.row < rows[i]!)) return "table";
      if (slot.origin && (sheet.cells.get(cellKey(slot.row, slot.col)) ?? "") !== "") texts++;
    }
    return texts === 0 ? "blank" : texts === 1 ? "loose" : "table";
  });
  const parts: Part[] = [];
  const firstTable = kinds.findIndex((k) => k === "table");
  const lastTable = kinds.length - 1 - [...kinds].reverse().findIndex((k) => k === "table");
  let i = 0;
  while (i < kinds.length) {
    const k = kinds[i]!;
    if (k === "blank") {
      i++;
      continue;
    }
    if (k === "loose") {
      let j = i;
      while (j < kinds.length && kinds[j] === "loose") j++;
      const edge = firstTable < 0 || i < firstTable || i > lastTable;
      if (edge || j - i >= 2) {
        for (let n = i; n < j; n++) parts.push({ kind: "paragraph", slot: textSlot(sheet, grid[n]!) });
        i = j;
        continue;
      }
    }
    // A table: from here to the next blank row or paragraph run.
    let j = i;
    while (j < kinds.length && kinds[j] !== "blank") {
      if (kinds[j] === "loose") {
        let e = j;
        while (e < kinds.length && kinds[e] === "loose") e++;
        if (e - j >= 2 || j > lastTable) break;
        j = e;
        continue;
      }
      j++;
    }
    parts.push({ kind: "table", from: i, to: j - 1 });
    i = j;
  }
  return parts;
}

function textSlot(sheet: Sheet, line: Slot[]): Slot {
  return line.find((s) => s.origin && (sheet.cells.get(cellKey(s.row, s.col)) ?? "") !== "")!;
}

/** Rows from..to of the segment as a table, trimmed to the columns they use. */
function tableGrid(sheet: Sheet, grid: Slot[][], rows: number[], cols: number[], from: number, to: number, budget: GridBudget): GridCell[][] {
  let left = cols.length;
  let right = -1;
  for (let i = from; i <= to; i++) {
    grid[i]!.forEach((s, j) => {
      const used = !s.origin || s.colSpan > 1 || s.rowSpan > 1 || (sheet.cells.get(cellKey(s.row, s.col)) ?? "") !== "";
      if (used) {
        left = Math.min(left, j);
        right = Math.max(right, j + (s.origin ? s.colSpan - 1 : 0));
      }
    });
  }
  const width = right - left + 1;
  budget.cells -= width * (to - from + 1);
  if (budget.cells < 0) throw tooLarge(MAX_GRID_CELLS - budget.cells);
  /** Grid coordinates (1-based, in this table) of each sheet cell that starts a merge. */
  const originAt = new Map<number, { r: number; c: number }>();
  const out: GridCell[][] = [];
  for (let i = from; i <= to; i++) {
    const line: GridCell[] = [];
    for (let j = left; j <= right; j++) {
      const s = grid[i]![j]!;
      const key = cellKey(s.row, s.col);
      const here = loc(sheet, rows[i]!, cols[j]!);
      if (s.origin) {
        originAt.set(key, { r: i - from + 1, c: j - left + 1 });
        line.push({ text: sheet.cells.get(key) ?? "", covered: false, originRow: i - from + 1, originCol: j - left + 1, rowSpan: s.rowSpan, colSpan: s.colSpan, loc: here });
      } else {
        const o = originAt.get(key) ?? { r: i - from + 1, c: j - left + 1 };
        line.push({ text: "", covered: true, originRow: o.r, originCol: o.c, rowSpan: 1, colSpan: 1, loc: here });
      }
    }
    out.push(line);
  }
  return out;
}
