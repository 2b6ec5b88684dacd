/*
 * WordprocessingML written as strings: runs, paragraphs, table cells and rows. Child elements of
 * each *Pr follow the schema's sequence (Word refuses a file that does not).
 */
import { fontFor } from "./typography.js";
import { escapeXml, xmlText } from "./xml.js";

export const W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
export const R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/** `w:rFonts` for an East Asian face (Latin in Times New Roman, ambiguous punctuation East Asian). */
export function rFonts(face: string): string {
  const f = fontFor(face);
  return `<w:rFonts w:ascii="${escapeXml(f.ascii)}" w:hAnsi="${escapeXml(f.hAnsi)}" w:eastAsia="${escapeXml(f.eastAsia)}" w:cs="${escapeXml(f.cs)}" w:hint="${f.hint}"/>`;
}

/** `w:sz` and `w:szCs` in half-points. */
export function sizeXml(size: number): string {
  return `<w:sz w:val="${size}"/><w:szCs w:val="${size}"/>`;
}

/** Run properties by face and size: a table has hundreds of runs and a handful of kinds. */
const runProps = new Map<string, string>();

/** `w:rPr` of a run: rFonts, b, bCs, sz, szCs (schema order). Without a face, the size alone. */
export function runPr(face: string | undefined, size: number, bold = false): string {
  const key = `${face ?? ""}\u0000${size}\u0000${bold}`;
  let xml = runProps.get(key);
  if (xml === undefined) {
    xml = `<w:rPr>${face === undefined ? "" : rFonts(face)}${bold ? "<w:b/><w:bCs/>" : ""}${sizeXml(size)}</w:rPr>`;
    runProps.set(key, xml);
  }
  return xml;
}

/** A run of text; an empty text gives no run at all. */
export function run(text: string, face: string, size: number, bold = false): string {
  const t = xmlText(text);
  return t === "" ? "" : `<w:r>${runPr(face, size, bold)}<w:t xml:space="preserve">${t}</w:t></w:r>`;
}

/** A run holding a tab character (jumps to the paragraph's next tab stop). */
export function tabRun(size: number): string {
  return `<w:r>${runPr(undefined, size)}<w:tab/></w:r>`;
}

export interface Spacing {
  before: number;
  after: number;
  /** Line height in twips, with its rule. */
  line?: number;
  lineRule?: "exact" | "atLeast" | "auto";
}

export interface ParagraphStyle {
  align?: "center" | "left";
  spacing?: Spacing;
  /** A right-aligned tab stop at this position, in twips from the left margin. */
  rightTab?: number;
  /** Keep on the page of the next paragraph (a heading with its first line). */
  keepNext?: boolean;
  /** Left indent and hanging first line, in twips (a numbered item wraps under its text, not its number). */
  indent?: { left: number; hanging?: number };
}

/** `w:pPr`: keepNext, tabs, spacing, ind, jc (schema order); empty when the style sets nothing. */
export function paragraphPr(style: ParagraphStyle): string {
  let pr = "";
  if (style.keepNext) pr += "<w:keepNext/>";
  if (style.rightTab !== undefined) pr += `<w:tabs><w:tab w:val="right" w:pos="${style.rightTab}"/></w:tabs>`;
  const s = style.spacing;
  if (s) {
    pr += `<w:spacing w:before="${s.before}" w:after="${s.after}"`;
    if (s.line !== undefined) pr += ` w:line="${s.line}"`;
    if (s.lineRule !== undefined) pr += ` w:lineRule="${s.lineRule}"`;
    pr += "/>";
  }
  if (style.indent) pr += `<w:ind w:left="${style.indent.left}"${style.indent.hanging ? ` w:hanging="${style.indent.hanging}"` : ""}/>`;
  if (style.align) pr += `<w:jc w:val="${style.align}"/>`;
  return pr === "" ? "" : `<w:pPr>${pr}</w:pPr>`;
}

/** A paragraph of the given runs (already written). */
export function paragraph(style: ParagraphStyle, runs = ""): string {
  return `<w:p>${paragraphPr(style)}${runs}</w:p>`;
}

/** A paragraph holding only a page break: what follows starts a new page. */
export function pageBreak(): string {
  return `<w:p><w:r><w:br w:type="page"/></w:r></w:p>`;
}

/** How a table cell sits in the grid. */
export interface CellGrid {
  /** `w:tcW`, in twips. */
  width: number;
  /** Grid columns the cell covers (`w:gridSpan`). */
  columnSpan: number;
  /** `restart` opens a vertical merge, `continue` extends the one above. */
  vMerge?: "restart" | "continue";
}

/** A table cell, vertically centred, holding paragraphs already written (a cell needs at least one). */
export function cell(grid: CellGrid, paragraphs: string): string {
  const span = grid.columnSpan > 1 ? `<w:gridSpan w:val="${grid.columnSpan}"/>` : "";
  const merge = grid.vMerge ? `<w:vMerge w:val="${grid.vMerge}"/>` : "";
  return `<w:tc><w:tcPr><w:tcW w:w="${grid.width}" w:type="dxa"/>${span}${merge}<w:vAlign w:val="center"/></w:tcPr>${paragraphs || "<w:p/>"}</w:tc>`;
}

export interface RowStyle {
  /** Keep the row on one page. */
  cantSplit: boolean;
  /** Least height, in twips. */
  minHeight: number;
}

/** A table row of cells already written. `w:trPr` children may come in any order; these keep the order earlier renders had. */
export function row(style: RowStyle, cells: string): string {
  const pr = `${style.cantSplit ? "<w:cantSplit/>" : ""}<w:trHeight w:val="${style.minHeight}" w:hRule="atLeast"/>`;
  return `<w:tr><w:trPr>${pr}</w:trPr>${cells}</w:tr>`;
}

/** Every border of the table a thin black line: cells need no borders of their own. */
const LINE = `w:val="single" w:sz="4" w:color="000000"`;
export const TABLE_BORDERS_XML =
  `<w:tblBorders><w:top ${LINE}/><w:left ${LINE}/><w:bottom ${LINE}/><w:right ${LINE}/>` + `<w:insideH ${LINE}/><w:insideV ${LINE}/></w:tblBorders>`;

/** Left and right cell margin, in twips (1 mm): the official forms keep text close to the rules. */
export const CELL_MARGIN = 57;
const CELL_MARGINS_XML = `<w:tblCellMar><w:left w:w="${CELL_MARGIN}" w:type="dxa"/><w:right w:w="${CELL_MARGIN}" w:type="dxa"/></w:tblCellMar>`;

/** `w:tblPr` (tblW, tblBorders, tblLayout, tblCellMar in schema order) and `w:tblGrid`. */
export function tableStart(width: number, columnWidths: readonly number[]): string {
  const grid = columnWidths.map((w) => `<w:gridCol w:w="${w}"/>`).join("");
  return `<w:tbl><w:tblPr><w:tblW w:w="${width}" w:type="dxa"/>${TABLE_BORDERS_XML}<w:tblLayout w:type="fixed"/>${CELL_MARGINS_XML}</w:tblPr><w:tblGrid>${grid}</w:tblGrid>`;
}
