import type { IndicatorRow } from "../model/form.js";
import { labelLines, textCell } from "./cells.js";
import type { IndicatorColumn } from "./indicator-columns.js";
import { runStarts, tierMerges } from "./merges.js";
import { tableXml, type TableCell, type TableRow } from "./table.js";
import { FONT } from "./typography.js";
import { fitColumnWidths, linesIn, type WidthMetrics } from "./widths.js";

export interface IndicatorTableSpec {
  /** 本年度绩效指标 / 长期绩效指标 …, merged down the first column. */
  blockLabel: string;
  columns: readonly IndicatorColumn[];
  rows: readonly IndicatorRow[];
  width: number;
  /** Rows taller than this may break across pages (a row taller than a page must). */
  maxUnsplitHeight: number;
  metrics: WidthMetrics;
}

/** Width of the block-label column: four characters (`绩效指标`). */
const BLOCK_LABEL_EM = 4;
/** Line height of table text, in twips (10.5 pt × 1.3). */
const LINE_TWIPS = 273;

/**
 * An indicator table: a header row repeated on every page, the block label merged down the
 * first column over all indicator rows, 一级 and 二级 merged down over their rows, no row split
 * across pages. A table without rows prints its label in the header row.
 */
export function indicatorTable(spec: IndicatorTableSpec): string {
  const { columns, rows, metrics } = spec;
  const widths = fitColumnWidths(
    [
      { sizing: "fixed", texts: [], em: BLOCK_LABEL_EM },
      ...columns.map((c) => ({ sizing: c.sizing, texts: [c.header, ...rows.map(c.text)], headed: true })),
    ],
    spec.width,
    metrics,
  );
  const colWidth = (i: number): number => widths[i + 1]!;
  const merges = tierMerges(rows);
  const spans: Partial<Record<IndicatorColumn["key"], Map<number, number>>> = {
    tier1: runStarts(merges.tier1),
    tier2: runStarts(merges.tier2),
  };

  const header: TableRow = {
    header: true,
    cantSplit: true,
    minHeight: 454,
    cells: [
      // The block label is merged down the body rows, not from the repeated header row: LibreOffice
      // draws a merge that starts in a repeated header row with stray cells on later pages.
      textCell(rows.length === 0 ? labelLines(spec.blockLabel) : "", { face: FONT.heading, align: "center", width: widths[0]! }),
      ...columns.map((c, i) => textCell(c.header, { face: FONT.heading, align: "center", width: colWidth(i) })),
    ],
  };

  const body = rows.map((row, r): TableRow => {
    const cells: TableCell[] = [];
    if (r === 0) cells.push(textCell(labelLines(spec.blockLabel), { face: FONT.heading, align: "center", width: widths[0]!, rowSpan: rows.length }));
    let tallest = 1;
    columns.forEach((c, i) => {
      const merge = spans[c.key];
      // Inside a merge run the cell is written by the run's first row (tableXml adds the continuations).
      if (merge && !merge.has(r)) return;
      const text = c.text(row);
      tallest = Math.max(tallest, linesIn(text, colWidth(i), metrics) / (merge?.get(r) ?? 1));
      cells.push(textCell(text, { face: FONT.body, align: alignOf(c), width: colWidth(i), rowSpan: merge?.get(r) ?? 1 }));
    });
    const height = tallest * LINE_TWIPS + 2 * 57;
    return { cantSplit: height <= spec.maxUnsplitHeight, minHeight: 397, cells };
  });

  return tableXml({ width: spec.width, columnWidths: widths, rows: [header, ...body] });
}

/** Names and free text read left-aligned; categories, values and short entries centred (as on the seed form). */
function alignOf(c: IndicatorColumn): "center" | "left" {
  return c.key === "tier3" || c.key === "standard" || c.key === "note" || c.key === "scoringRule" ? "left" : "center";
}
