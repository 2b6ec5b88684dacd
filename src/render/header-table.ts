import type { HeaderRow } from "./header-fields.js";
import { labelLines, textCell } from "./cells.js";
import { tableXml } from "./table.js";
import { FONT } from "./typography.js";
import { fitColumnWidths, naturalEm, type WidthMetrics } from "./widths.js";

/** Labels up to nine characters stay on one line (该项目支出上级资金). */
const LABEL_EM = [4, 9] as const;

/**
 * The header table: label | value | label | value, a wide field's value spanning the last three
 * columns. Labels in 黑体, centred; values in 仿宋, left.
 */
export function headerTable(rows: readonly HeaderRow[], width: number, metrics: WidthMetrics): string {
  const labels = rows.flatMap((r) => r.map((f) => (f.verbatim ? f.label : labelLines(f.label).join("\n"))));
  const labelEm = Math.min(LABEL_EM[1], Math.max(LABEL_EM[0], Math.ceil(naturalEm(labels))));
  const leftValues = rows.map((r) => (r.length === 2 ? r[0].value : ""));
  const rightValues = rows.map((r) => (r.length === 2 ? r[1].value : ""));
  const columns = fitColumnWidths(
    [
      { sizing: "fixed", texts: [], em: labelEm },
      { sizing: "text", texts: leftValues },
      { sizing: "fixed", texts: [], em: labelEm },
      { sizing: "text", texts: rightValues },
    ],
    width,
    metrics,
  );
  const [labelW, valueW] = [columns[0]!, columns[1]!];
  const label = (f: HeaderRow[number], w: number) =>
    textCell(f.verbatim ? [f.label] : labelLines(f.label), { face: FONT.heading, align: "center", width: w });
  const value = (f: HeaderRow[number], w: number, span?: number) =>
    textCell(f.value, { face: FONT.body, align: "left", width: w, ...(span ? { columnSpan: span } : {}) });
  return tableXml({
    width,
    columnWidths: columns,
    rows: rows.map((r) => ({
      cantSplit: true,
      minHeight: 454,
      cells:
        r.length === 2
          ? [label(r[0], labelW), value(r[0], valueW), label(r[1], columns[2]!), value(r[1], columns[3]!)]
          : [label(r[0], labelW), value(r[0], width - labelW, 3)],
    })),
  });
}
