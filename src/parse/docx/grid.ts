import type { GridCell, Table } from "../document.js";
import { PerfgoalError } from "../../model/errors.js";
import { MERGE_CONTINUE, type RawCell, type RawTable } from "./raw.js";

/** Far beyond any real form (a few hundred cells); keeps a hostile file within its memory budget. */
export const MAX_GRID_CELLS = 250_000;

/** A cell placed on its row: where it starts and how many grid columns it takes. */
interface Placed {
  col: number;
  span: number;
  text: string;
  vMerge: RawCell["vMerge"];
}

/** Hidden text found in a cell: where (1-based grid position) and how it starts. */
export interface HiddenInCell {
  table: number;
  row: number;
  col: number;
  text: string;
}

/**
 * Expand a table as written into a rectangular grid (0-based internally, 1-based in the result).
 * - `w:gridBefore`/`w:gridAfter` skip grid columns: those positions stay empty, uncovered cells.
 * - `w:gridSpan` and legacy `w:hMerge` continue cells widen the cell to their left.
 * - `w:vMerge` continue cells extend the merge of the cell above in the same grid column; any
 *   text they hold (Word hides it) is appended to the merge's text so nothing is lost.
 * - Rows and cells deleted with tracked changes are left out.
 * Cells that hid text (not read) are added to `hidden` with their place in the grid.
 */
export function expandTable(raw: RawTable, budget = { cells: MAX_GRID_CELLS }, hidden: HiddenInCell[] = []): Table {
  const placedRows: Placed[][] = [];
  let width = 0;
  for (const row of raw.rows) {
    if (row.deleted) continue;
    const placed: Placed[] = [];
    let col = row.gridBefore;
    for (const cell of row.cells) {
      if (cell.deleted) continue;
      const text = cellText(cell.paragraphs);
      const prev = placed[placed.length - 1];
      const hiddenText = cell.hidden?.trim() ? cell.hidden : undefined;
      if (hiddenText !== undefined) hidden.push({ table: raw.index, row: placedRows.length + 1, col: col + 1, text: hiddenText });
      if (cell.hMerge === MERGE_CONTINUE && prev) {
        prev.span += cell.gridSpan;
        if (text.trim()) prev.text = prev.text ? `${prev.text}\n${text}` : text;
      } else {
        placed.push({ col, span: cell.gridSpan, text, vMerge: cell.vMerge });
      }
      col += cell.gridSpan;
    }
    width = Math.max(width, col + row.gridAfter);
    placedRows.push(placed);
  }

  budget.cells -= width * placedRows.length;
  if (budget.cells < 0) throw new PerfgoalError("PG-E-TOO-LARGE", { zh: `表格超过 ${MAX_GRID_CELLS} 个单元格`, en: `tables exceed ${MAX_GRID_CELLS} cells` });
  const t = raw.index;
  const grid: (GridCell | undefined)[][] = placedRows.map(() => new Array<GridCell | undefined>(width));
  placedRows.forEach((placed, r) => {
    const line = grid[r]!;
    for (const p of placed) {
      const above = r > 0 ? grid[r - 1]![p.col] : undefined;
      const origin = above ? (above.covered ? grid[above.originRow - 1]![above.originCol - 1] : above) : undefined;
      if (p.vMerge === MERGE_CONTINUE && origin && origin.originCol === p.col + 1 && origin.colSpan === p.span) {
        origin.rowSpan = r + 2 - origin.originRow;
        if (p.text.trim()) origin.text = origin.text ? `${origin.text}\n${p.text}` : p.text;
        for (let c = p.col; c < p.col + p.span; c++) line[c] = covered(t, r, c, origin);
        continue;
      }
      const cell: GridCell = {
        text: p.text,
        covered: false,
        originRow: r + 1,
        originCol: p.col + 1,
        rowSpan: 1,
        colSpan: p.span,
        loc: { kind: "cell", table: t, row: r + 1, col: p.col + 1 },
      };
      line[p.col] = cell;
      for (let c = p.col + 1; c < p.col + p.span; c++) line[c] = covered(t, r, c, cell);
    }
  });

  const rows = grid.map((line, r) => {
    const out: GridCell[] = new Array<GridCell>(width);
    for (let c = 0; c < width; c++) out[c] = line[c] ?? empty(t, r, c);
    return out;
  });
  return { index: t, rows, mergesKnown: true };
}

/** Paragraphs joined by "\n"; empty paragraphs at the end (Word's mark after a nested table …) carry nothing. */
function cellText(paragraphs: string[]): string {
  let n = paragraphs.length;
  while (n > 1 && paragraphs[n - 1] === "") n--;
  return (n === paragraphs.length ? paragraphs : paragraphs.slice(0, n)).join("\n");
}

function covered(table: number, r: number, c: number, origin: GridCell): GridCell {
  return {
    text: "",
    covered: true,
    originRow: origin.originRow,
    originCol: origin.originCol,
    rowSpan: 1,
    colSpan: 1,
    loc: { kind: "cell", table, row: r + 1, col: c + 1 },
  };
}

function empty(table: number, r: number, c: number): GridCell {
  return { text: "", covered: false, originRow: r + 1, originCol: c + 1, rowSpan: 1, colSpan: 1, loc: { kind: "cell", table, row: r + 1, col: c + 1 } };
}
