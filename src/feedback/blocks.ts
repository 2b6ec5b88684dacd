/*
 * The pieces both 审核意见 documents are made of, on render's writer: its fonts and sizes, its
 * paragraphs, tables and page.
 */
import { formatAmount } from "../rules/helpers/money.js";
import { tableXml, type TableCell, type TableRow } from "../render/table.js";
import { FONT, SIZE } from "../render/typography.js";
import { paragraph, run, type ParagraphStyle } from "../render/wml.js";

/** The title: centred, bold, in the title face, as render sets a form's title. */
export function titleParagraph(text: string): string {
  return paragraph({ align: "center", spacing: { before: 120, after: 240 } }, run(text, FONT.title, SIZE.title, true));
}

/** A line of body text. */
export function textParagraph(text: string, style: ParagraphStyle = {}): string {
  return paragraph({ spacing: { before: 0, after: 60 }, ...style }, run(text, FONT.body, SIZE.line));
}

/** A heading line in 黑体 that stays with what follows it. */
export function headingParagraph(text: string, before = 200): string {
  return paragraph({ keepNext: true, spacing: { before, after: 80 } }, run(text, FONT.heading, SIZE.line));
}

/** `label：value`, the label in 黑体. */
export function labelledParagraph(label: string, value: string, style: ParagraphStyle = {}): string {
  return paragraph({ spacing: { before: 0, after: 60 }, ...style }, run(`${label}：`, FONT.heading, SIZE.line) + run(value, FONT.body, SIZE.line));
}

/** Empty lines to write in. */
export function blankLines(n: number): string {
  return paragraph({ spacing: { before: 0, after: 0, line: 440, lineRule: "exact" } }).repeat(n);
}

/**
 * Paragraphs in one ruled box that never splits across pages: the reviewer's room to write and
 * the signature lines stay together (Word and LibreOffice both honour a row that cannot split,
 * where a chain of keep-with-next empty paragraphs is not kept by LibreOffice).
 */
export function box(paragraphs: string, width: number): string {
  return tableXml({ width, columnWidths: [width], rows: [{ cantSplit: true, minHeight: 400, cells: [{ width, columnSpan: 1, rowSpan: 1, paragraphs }] }] });
}

/** A cell's text in 五号, as render's tables have it. */
function cellParagraph(text: string, options: { bold?: boolean; heading?: boolean; align?: "center" | "left" } = {}): string {
  return paragraph({ align: options.align ?? "left" }, run(text, options.heading ? FONT.heading : FONT.body, SIZE.table, options.bold));
}

export interface Column {
  header: string;
  /** Share of the table's width. */
  share: number;
  align?: "center" | "left";
}

/** Column widths in twips from shares, the last column taking what rounding leaves. */
function widths(columns: readonly { share: number }[], width: number): number[] {
  const total = columns.reduce((a, c) => a + c.share, 0);
  const w = columns.map((c) => Math.floor((c.share / total) * width));
  w[w.length - 1]! += width - w.reduce((a, b) => a + b, 0);
  return w;
}

const ROW = { cantSplit: true, minHeight: 400 } as const;

/** A bordered table: a header row in 黑体, then one row per item. */
export function dataTable(columns: readonly Column[], rows: readonly (readonly string[])[], width: number): string {
  const w = widths(columns, width);
  const line = (texts: readonly string[], header: boolean): TableRow => ({
    ...ROW,
    cells: texts.map(
      (text, i): TableCell => ({
        width: w[i]!,
        columnSpan: 1,
        rowSpan: 1,
        paragraphs: cellParagraph(text, { heading: header, align: header ? "center" : (columns[i]!.align ?? "left") }),
      }),
    ),
  });
  return tableXml({ width, columnWidths: w, rows: [line(columns.map((c) => c.header), true), ...rows.map((r) => line(r, false))] });
}

/** A two-column table of labels (黑体) and values; a value marked bold is printed bold. */
export function fieldTable(fields: readonly { label: string; value: string; bold?: boolean }[], width: number): string {
  const w = widths([{ share: 18 }, { share: 82 }], width);
  const rows: TableRow[] = fields.map((f) => ({
    cantSplit: true,
    minHeight: 480,
    cells: [
      { width: w[0]!, columnSpan: 1, rowSpan: 1, paragraphs: cellParagraph(f.label, { heading: true, align: "center" }) },
      { width: w[1]!, columnSpan: 1, rowSpan: 1, paragraphs: paragraph({}, run(f.value, FONT.body, SIZE.line, f.bold)) },
    ],
  }));
  return tableXml({ width, columnWidths: w, rows });
}

/** An amount with its unit, as the messages print money: `854 万元`. */
export function amountText(total: { amount: number; unit: string } | undefined, missing: string): string {
  return total ? `${formatAmount(total.amount)} ${total.unit}` : missing;
}

const DIGITS = "零一二三四五六七八九";

/** 1 → 一, 12 → 十二, 35 → 三十五: the numbering of headings (arabic from 100 on). */
export function chineseNumber(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 99) return String(n);
  if (n < 10) return DIGITS[n]!;
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? "" : DIGITS[tens]}十${ones === 0 ? "" : DIGITS[ones]}`;
}
