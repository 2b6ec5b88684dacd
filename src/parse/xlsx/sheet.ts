/**
 * One worksheet as both spreadsheet readers (.xlsx, .xls) hand it over: the cells that show text,
 * the merged ranges, the hidden rows and columns. Rows and columns are 1-based, as in `C14`.
 */
import { PerfgoalError } from "../../model/errors.js";
import { columnLetters } from "../../model/location.js";

/** Excel's grid: 1,048,576 rows × 16,384 columns (A … XFD). */
export const MAX_SHEET_ROWS = 1_048_576;
export const MAX_SHEET_COLS = 16_384;
/** Cells with text held for the whole workbook; real forms have a few hundred. */
export const MAX_SHEET_CELLS = 250_000;
/** Merged ranges in the whole workbook; a form has some dozens. */
export const MAX_MERGES = 50_000;
/** Runs of hidden rows or columns listed in the whole workbook. */
export const MAX_HIDDEN_RUNS = 50_000;

export interface MergeRange {
  r1: number;
  c1: number;
  r2: number;
  c2: number;
}

export interface Sheet {
  name: string;
  /** 1-based position in the workbook. */
  index: number;
  hidden: boolean;
  /** Text by cell key (see cellKey); only cells that show something. */
  cells: Map<number, string>;
  merges: MergeRange[];
  /** Hidden rows and columns as inclusive runs. */
  hiddenRows: [number, number][];
  hiddenCols: [number, number][];
}

/** What a whole workbook may hold, counted while reading so a hostile file stops early. */
export class SheetBudget {
  cells = MAX_SHEET_CELLS;
  merges = MAX_MERGES;
  hiddenRuns = MAX_HIDDEN_RUNS;

  takeCell(): void {
    if (--this.cells < 0) throw tooLarge(`单元格超过 ${MAX_SHEET_CELLS} 个`, `more than ${MAX_SHEET_CELLS} cells`);
  }

  takeMerge(): void {
    if (--this.merges < 0) throw tooLarge(`合并区域超过 ${MAX_MERGES} 个`, `more than ${MAX_MERGES} merged ranges`);
  }

  takeHiddenRun(): void {
    if (--this.hiddenRuns < 0) throw tooLarge(`隐藏的行列超过 ${MAX_HIDDEN_RUNS} 段`, `more than ${MAX_HIDDEN_RUNS} runs of hidden rows or columns`);
  }
}

function tooLarge(zh: string, en: string): PerfgoalError {
  return new PerfgoalError("PG-E-TOO-LARGE", { zh: `工作簿${zh}`, en: `workbook: ${en}` });
}

export function cellKey(row: number, col: number): number {
  return row * MAX_SHEET_COLS + (col - 1);
}

export function keyRow(key: number): number {
  return Math.floor(key / MAX_SHEET_COLS);
}

export function keyCol(key: number): number {
  return (key % MAX_SHEET_COLS) + 1;
}


/** `C14` → row 14, column 3; undefined when it is no cell reference inside Excel's grid. */
export function parseCellRef(ref: string): { row: number; col: number } | undefined {
  const m = /^\$?([A-Za-z]{1,3})\$?([0-9]{1,7})$/.exec(ref);
  if (!m) return undefined;
  let col = 0;
  for (const ch of m[1]!.toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  const row = Number(m[2]);
  if (row < 1 || row > MAX_SHEET_ROWS || col < 1 || col > MAX_SHEET_COLS) return undefined;
  return { row, col };
}

/** `A1:C3` (or a single `B2`) → the range; undefined when it is not one inside the grid. */
export function parseRangeRef(ref: string): MergeRange | undefined {
  const [a, b = a] = ref.split(":");
  const from = a ? parseCellRef(a) : undefined;
  const to = b ? parseCellRef(b) : undefined;
  if (!from || !to) return undefined;
  return { r1: Math.min(from.row, to.row), c1: Math.min(from.col, to.col), r2: Math.max(from.row, to.row), c2: Math.max(from.col, to.col) };
}


/** Add a run of hidden rows or columns, joining it to the previous run when they touch. */
export function addHiddenRun(runs: [number, number][], from: number, to: number, budget: SheetBudget): void {
  const last = runs[runs.length - 1];
  if (last && from <= last[1] + 1 && from >= last[0]) {
    last[1] = Math.max(last[1], to);
    return;
  }
  budget.takeHiddenRun();
  runs.push([from, to]);
}


/** `第3、5–7行` / `rows 3, 5–7` and `C、E列` / `columns C, E`: for warnings, at most five runs named. */
export function describeRuns(runs: readonly [number, number][], kind: "row" | "col"): string {
  const name = (n: number) => (kind === "row" ? String(n) : columnLetters(n));
  const shown = runs.slice(0, 5).map(([a, b]) => (a === b ? name(a) : `${name(a)}–${name(b)}`));
  const more = runs.length > 5 ? `等 ${runs.length} 处` : "";
  return kind === "row" ? `第${shown.join("、")}行${more}` : `${shown.join("、")}列${more}`;
}
