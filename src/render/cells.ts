import { AlignmentType, BorderStyle, Paragraph, TableCell, TextRun, VerticalAlignTable, WidthType, type ITableCellBorders } from "docx";
import { SIZE, fontFor } from "./typography.js";

/** Text as Word can hold it: no control characters XML 1.0 forbids, tabs as spaces, one kind of line break. */
export function printable(text: string): string {
  return text
    .replace(/\r\n?/g, "\n")
    .replace(/\t/g, " ")
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, "")
    .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, "");
}

const LINE = { style: BorderStyle.SINGLE, size: 4, color: "000000" } as const;
export const CELL_BORDERS: ITableCellBorders = { top: LINE, bottom: LINE, left: LINE, right: LINE };
export const TABLE_BORDERS = { top: LINE, bottom: LINE, left: LINE, right: LINE, insideHorizontal: LINE, insideVertical: LINE };

export interface CellStyle {
  face: string;
  align: "center" | "left";
  width: number;
  columnSpan?: number;
  rowSpan?: number;
}

/**
 * Lines one cell prints as paragraphs, at most; later lines run on in the last one, joined by
 * spaces. Real cells hold a few dozen lines; a cell of 100 000 lines took the docx builder a minute.
 */
export const MAX_CELL_PARAGRAPHS = 200;

/** One paragraph per line of the text, so a reader gets the same lines back. */
export function cellParagraphs(text: string, face: string, align: "center" | "left"): Paragraph[] {
  const lines = printable(text).split("\n");
  if (lines.length > MAX_CELL_PARAGRAPHS) lines.splice(MAX_CELL_PARAGRAPHS - 1, Infinity, lines.slice(MAX_CELL_PARAGRAPHS - 1).join(" "));
  return lines
    .map(
      (line) =>
        new Paragraph({
          alignment: align === "center" ? AlignmentType.CENTER : AlignmentType.LEFT,
          spacing: { before: 0, after: 0 },
          children: line === "" ? [] : [new TextRun({ text: line, font: fontFor(face), size: SIZE.table })],
        }),
    );
}

/** A bordered, vertically centred table cell. */
export function textCell(text: string | readonly string[], style: CellStyle): TableCell {
  const lines = typeof text === "string" ? [text] : text;
  return new TableCell({
    children: lines.flatMap((t) => cellParagraphs(t, style.face, style.align)),
    width: { size: style.width, type: WidthType.DXA },
    verticalAlign: VerticalAlignTable.CENTER,
    borders: CELL_BORDERS,
    ...(style.columnSpan && style.columnSpan > 1 ? { columnSpan: style.columnSpan } : {}),
    ...(style.rowSpan && style.rowSpan > 1 ? { rowSpan: style.rowSpan } : {}),
  });
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
