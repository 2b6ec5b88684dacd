import type { IndicatorRow } from "../model/form.js";
import type { HeaderRow } from "./header-fields.js";
import { headerFieldRows } from "./header-table.js";
import type { IndicatorColumn } from "./indicator-columns.js";
import { BLOCK_LABEL_EM, indicatorBlockRows } from "./indicator-table.js";
import { tableXml } from "./table.js";
import { fitColumnWidths, type WidthMetrics } from "./widths.js";

export interface IndicatorBlock {
  label: string;
  rows: readonly IndicatorRow[];
}

export interface FormTableSpec {
  header: readonly HeaderRow[];
  /** 长期 then 年度, as printed; every block shares `columns`. */
  blocks: readonly IndicatorBlock[];
  columns: readonly IndicatorColumn[];
  width: number;
  maxUnsplitHeight: number;
  metrics: WidthMetrics;
}

/**
 * The whole form as one table, as the official form is: header fields, then each block of
 * indicators, on one grid whose columns are sized by the indicators (the header fields span them).
 */
export function formTable(spec: FormTableSpec): string {
  const { columns, metrics } = spec;
  const allRows = spec.blocks.flatMap((b) => b.rows);
  const widths = fitColumnWidths(
    [
      { sizing: "fixed", texts: [], em: BLOCK_LABEL_EM },
      ...columns.map((c) => ({ sizing: c.sizing, texts: [c.header, ...allRows.map(c.text)], headed: true })),
    ],
    spec.width,
    metrics,
  );
  const rows = [
    ...headerFieldRows(spec.header, { widths, secondLabel: secondLabelColumn(columns) }),
    ...spec.blocks.flatMap((b) => indicatorBlockRows({ blockLabel: b.label, columns, rows: b.rows, widths, maxUnsplitHeight: spec.maxUnsplitHeight, metrics })),
  ];
  return tableXml({ width: spec.width, columnWidths: widths, rows });
}

/**
 * The grid column of a header row's second label: the 三级 column, as on the official form (its
 * width suits labels like 该项目支出上级资金), leaving at least one column on each side for a value.
 */
function secondLabelColumn(columns: readonly IndicatorColumn[]): number {
  const tier3 = columns.findIndex((c) => c.key === "tier3");
  const grid = columns.length + 1;
  return Math.min(Math.max(2, tier3 + 1), grid - 2);
}
