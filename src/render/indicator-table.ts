import type { IndicatorRow } from "../model/form.js";
import { labelLines, textCell } from "./cells.js";
import type { IndicatorColumn } from "./indicator-columns.js";
import { runStarts, tierMerges } from "./merges.js";
import type { TableCell, TableRow } from "./table.js";
import { FONT } from "./typography.js";
import { linesIn, type WidthMetrics } from "./widths.js";

export interface IndicatorBlockSpec {
  /** 本年度绩效指标 / 长期绩效指标 …, merged down the first column. */
  blockLabel: string;
  columns: readonly IndicatorColumn[];
  rows: readonly IndicatorRow[];
  /** Grid widths: the block-label column, then one per indicator column. */
  widths: readonly number[];
  /** Rows taller than this may break across pages (a row taller than a page must). */
  maxUnsplitHeight: number;
  metrics: WidthMetrics;
}

/** Width of the block-label column: four characters (`绩效指标`). */
export const BLOCK_LABEL_EM = 4;
/** Line height of table text, in twips (10.5 pt × 1.3). */
const LINE_TWIPS = 273;
/** Least height of an indicator row (5.5 mm): a line of text with a little air, no more. */
const BODY_ROW_TWIPS = 312;

/**
 * One block of indicators as rows of the form table: the column-header row, then a row per
 * indicator; the block label merged down the first column from the column-header row (as the
 * official form prints it), 一级 and 二级 merged down over their rows, no row split across pages.
 */
export function indicatorBlockRows(spec: IndicatorBlockSpec): TableRow[] {
  const { columns, rows, metrics, widths } = spec;
  const colWidth = (i: number): number => widths[i + 1]!;
  const merges = tierMerges(rows);
  const spans: Partial<Record<IndicatorColumn["key"], Map<number, number>>> = {
    tier1: runStarts(merges.tier1),
    tier2: runStarts(merges.tier2),
  };

  const header: TableRow = {
    cantSplit: true,
    minHeight: 454,
    cells: [
      textCell(labelLines(spec.blockLabel), { face: FONT.heading, align: "center", width: widths[0]!, rowSpan: rows.length + 1 }),
      ...columns.map((c, i) => textCell(c.header, { face: FONT.heading, align: "center", width: colWidth(i) })),
    ],
  };

  const body = rows.map((row, r): TableRow => {
    const cells: TableCell[] = [];
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
    return { cantSplit: height <= spec.maxUnsplitHeight, minHeight: BODY_ROW_TWIPS, cells };
  });

  return [header, ...body];
}

/** Names and free text read left-aligned; categories, values and short entries centred (as on the seed form). */
function alignOf(c: IndicatorColumn): "center" | "left" {
  return c.key === "tier3" || c.key === "standard" || c.key === "note" || c.key === "scoringRule" ? "left" : "center";
}
