import type { HeaderRow } from "./header-fields.js";
import { labelLines, textCell } from "./cells.js";
import type { TableRow } from "./table.js";
import { FONT } from "./typography.js";

/**
 * Where the header fields sit on the form table's grid, as on the official form: the first label
 * in the first column, its value over the columns up to `secondLabel`, the second label in that
 * column, its value over the rest. A wide field's value spans everything after its label.
 */
export interface HeaderGrid {
  widths: readonly number[];
  secondLabel: number;
}

const sum = (widths: readonly number[], from: number, to: number): number => widths.slice(from, to).reduce((a, b) => a + b, 0);

/** The header rows: labels in 黑体, centred; values in 仿宋, left. */
export function headerFieldRows(rows: readonly HeaderRow[], grid: HeaderGrid): TableRow[] {
  const { widths, secondLabel: m } = grid;
  const k = widths.length;
  const label = (f: HeaderRow[number], at: number) =>
    textCell(f.verbatim ? [f.label] : labelLines(f.label), { face: FONT.heading, align: "center", width: widths[at]! });
  const value = (f: HeaderRow[number], from: number, to: number) =>
    textCell(f.value, { face: FONT.body, align: "left", width: sum(widths, from, to), columnSpan: to - from });
  return rows.map((r) => ({
    cantSplit: true,
    minHeight: 454,
    cells: r.length === 2 ? [label(r[0], 0), value(r[0], 1, m), label(r[1], m), value(r[1], m + 1, k)] : [label(r[0], 0), value(r[0], 1, k)],
  }));
}
