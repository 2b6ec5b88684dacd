/**
 * Reading an expanded grid: the text a position shows (a covered position shows its merge's
 * text only along the merge's own column), and the distinct cells of a row.
 */
import type { GridCell, Table } from "../document.js";

export interface RowCell {
  /** 0-based grid column where the cell starts in this row. */
  col: number;
  /** 0-based last grid column the cell covers in this row. */
  lastCol: number;
  text: string;
  cell: GridCell;
}

/** The cell a covered position belongs to (itself when not covered). */
export function originOf(table: Table, cell: GridCell): GridCell {
  if (!cell.covered) return cell;
  return table.rows[cell.originRow - 1]?.[cell.originCol - 1] ?? cell;
}

/**
 * Text shown at (row, col) for reading a column: a vertical merge repeats its text down its own
 * column; a horizontal merge shows nothing in the columns it spans beyond its first.
 */
export function columnText(table: Table, row: number, col: number): { text: string; cell: GridCell; own: boolean } {
  const cell = table.rows[row]?.[col];
  if (!cell) return { text: "", cell: emptyCell(), own: false };
  if (!cell.covered) return { text: cell.text, cell, own: true };
  if (cell.originCol - 1 !== col) return { text: "", cell, own: false };
  const origin = originOf(table, cell);
  return { text: origin.text, cell: origin, own: false };
}

/** The cells that start in this row (not covered), each with the columns it spans here. */
export function rowCells(table: Table, row: number): RowCell[] {
  const cells = table.rows[row] ?? [];
  const out: RowCell[] = [];
  cells.forEach((cell, col) => {
    if (cell.covered) {
      // A horizontal continuation of a cell that started in this row widens it.
      const last = out[out.length - 1];
      if (last && cell.originRow - 1 === row && cell.originCol - 1 === last.col) last.lastCol = col;
      return;
    }
    out.push({ col, lastCol: col, text: cell.text, cell });
  });
  return out;
}

export function tableWidth(table: Table): number {
  return table.rows[0]?.length ?? 0;
}

function emptyCell(): GridCell {
  return { text: "", covered: false, originRow: 0, originCol: 0, rowSpan: 1, colSpan: 1, loc: { kind: "line", line: 0 } };
}
