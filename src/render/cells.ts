import type { TableCell } from "./table.js";
import { SIZE } from "./typography.js";
import { paragraph, run } from "./wml.js";
import { printable } from "./xml.js";

export { printable };

export interface CellStyle {
  face: string;
  align: "center" | "left";
  width: number;
  columnSpan?: number;
  rowSpan?: number;
}

/**
 * Lines one cell prints as paragraphs, at most; later lines run on in the last one, joined by
 * spaces. Real cells hold a few dozen lines; the cap keeps a pathological cell (100 000 lines)
 * from becoming 100 000 paragraphs for Word to lay out.
 */
export const MAX_CELL_PARAGRAPHS = 200;

/** Paragraph properties of table text: no spacing, aligned as asked. */
const CELL_SPACING = { before: 0, after: 0 } as const;

/** One paragraph per line of the text, so a reader gets the same lines back. */
export function cellParagraphs(text: string, face: string, align: "center" | "left"): string[] {
  const lines = printable(text).split("\n");
  if (lines.length > MAX_CELL_PARAGRAPHS) lines.splice(MAX_CELL_PARAGRAPHS - 1, Infinity, lines.slice(MAX_CELL_PARAGRAPHS - 1).join(" "));
  return lines.map((line) => paragraph({ spacing: CELL_SPACING, align }, run(line, face, SIZE.table)));
}

/** A vertically centred table cell (the table draws the borders). */
export function textCell(text: string | readonly string[], style: CellStyle): TableCell {
  const lines = typeof text === "string" ? [text] : text;
  return {
    width: style.width,
    columnSpan: style.columnSpan && style.columnSpan > 1 ? style.columnSpan : 1,
    rowSpan: style.rowSpan && style.rowSpan > 1 ? style.rowSpan : 1,
    paragraphs: lines.map((t) => cellParagraphs(t, style.face, style.align).join("")).join(""),
  };
}

/**
 * A label split where the official forms break it: before a bracketed note
 * (`该项目支出上级资金` / `（分级填报）`) and before 绩效指标 in a block label (`本年度` / `绩效指标`).
 */
export function labelLines(label: string): string[] {
  const bracket = label.indexOf("（");
  if (bracket > 0) return [label.slice(0, bracket), label.slice(bracket)];
  const block = label.indexOf("绩效指标");
  if (block > 0) return [label.slice(0, block), label.slice(block)];
  return [label];
}
