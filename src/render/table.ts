import { cell, row, tableStart, type RowStyle } from "./wml.js";

/** A cell as a table builder gives it: where it starts a merge, its paragraphs already written. */
export interface TableCell {
  width: number;
  columnSpan: number;
  /** Rows the cell is merged down over (1: no merge). */
  rowSpan: number;
  paragraphs: string;
}

export interface TableRow extends RowStyle {
  /** The row's own cells, left to right, without the ones a merge from above covers. */
  cells: readonly TableCell[];
}

export interface TableSpec {
  width: number;
  columnWidths: readonly number[];
  rows: readonly TableRow[];
}

/** A vertical merge still open: its last row, and the grid columns its cells cover. */
interface OpenMerge {
  lastRow: number;
  width: number;
  columnSpan: number;
}

/**
 * A table. Word wants a cell in every row a merge covers: each later row gets a `continue` cell
 * at the merge's grid column, as wide and spanning as many columns as the cell that opened it.
 */
export function tableXml(spec: TableSpec): string {
  const open: (OpenMerge | undefined)[] = [];
  const gridColumns = spec.columnWidths.length;
  let xml = tableStart(spec.width, spec.columnWidths);
  spec.rows.forEach((r, rowIndex) => {
    let col = 0;
    let cells = "";
    /** Continuation cells of the merges open at the current grid column. */
    const continueMerges = (): void => {
      for (let m = open[col]; m && m.lastRow >= rowIndex && col < gridColumns; m = open[col]) {
        cells += cell({ width: m.width, columnSpan: m.columnSpan, vMerge: "continue" }, "");
        col += m.columnSpan;
      }
    };
    for (const c of r.cells) {
      continueMerges();
      const merged = c.rowSpan > 1;
      cells += cell({ width: c.width, columnSpan: c.columnSpan, ...(merged ? { vMerge: "restart" as const } : {}) }, c.paragraphs);
      open[col] = merged ? { lastRow: rowIndex + c.rowSpan - 1, width: c.width, columnSpan: c.columnSpan } : undefined;
      col += c.columnSpan;
    }
    continueMerges();
    xml += row(r, cells);
  });
  return `${xml}</w:tbl>`;
}
