import { columnLetters } from "../../model/location.js";
import { XML_DECLARATION, xmlText } from "../../render/xml.js";
import { ZipStream } from "./zip-stream.js";

/**
 * A streaming .xlsx writer for perfgoal's tables: sheets of text and numbers, a bold frozen header,
 * column widths, number formats and a filter — what the 汇总表 needs and nothing more. Rows are
 * written as they come (inline strings, no shared-string table), so memory stays flat however many
 * findings a batch has. Its own code rather than a workbook library: the one it replaced brought some
 * 200 packages into every install (among them an old @types/node that breaks a strict TypeScript
 * build of the projects that install perfgoal).
 */

export type XlsxValue = string | number | null | undefined;

export interface XlsxColumn {
  /** Width in characters (Excel's unit). */
  width: number;
  /** Number format for the numbers of this column (`#,##0.00`, `0.0%` …). */
  numFmt?: string;
}

export interface XlsxRow {
  cells: readonly XlsxValue[];
  bold?: boolean;
}

export interface XlsxSheet {
  name: string;
  columns: readonly XlsxColumn[];
  /** The first row is a header: frozen, with a filter over its columns. */
  header?: boolean;
  rows: Iterable<XlsxRow> | AsyncIterable<XlsxRow>;
}

/** Excel's limits: longer text makes it "repair" the file. */
const MAX_CELL_CHARS = 32767;
const MAX_ROWS = 1048576;
const MAX_SHEET_NAME = 31;
/** Number formats from this id on are the workbook's own. */
const FIRST_CUSTOM_FORMAT = 164;

const NS_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const NS_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const NS_PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships";
const REL_TYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/** A sheet name Excel accepts: none of []:*?/\, at most 31 characters, not blank. */
export function sheetName(name: string): string {
  const clean = name.replace(/[[\]:*?/\\]/g, "_").replace(/^'+|'+$/g, "").slice(0, MAX_SHEET_NAME);
  return clean.trim() === "" ? "Sheet" : clean;
}

/** Cell styles by (format, bold): index 0 is the default style. */
class Styles {
  private readonly formats = new Map<string, number>();
  private readonly xfs = new Map<string, number>([["|0", 0]]);

  id(numFmt: string | undefined, bold: boolean): number {
    let fmt = 0;
    if (numFmt) {
      fmt = this.formats.get(numFmt) ?? FIRST_CUSTOM_FORMAT + this.formats.size;
      this.formats.set(numFmt, fmt);
    }
    const key = `${fmt}|${bold ? 1 : 0}`;
    let xf = this.xfs.get(key);
    if (xf === undefined) {
      xf = this.xfs.size;
      this.xfs.set(key, xf);
    }
    return xf;
  }

  xml(): string {
    const numFmts = [...this.formats].map(([code, id]) => `<numFmt numFmtId="${id}" formatCode="${xmlText(code)}"/>`).join("");
    const xfs = [...this.xfs.keys()]
      .map((key) => {
        const [fmt, bold] = key.split("|").map(Number) as [number, number];
        return `<xf numFmtId="${fmt}" fontId="${bold}" fillId="0" borderId="0" xfId="0"${fmt ? ' applyNumberFormat="1"' : ""}${bold ? ' applyFont="1"' : ""}/>`;
      })
      .join("");
    return (
      `${XML_DECLARATION}<styleSheet xmlns="${NS_MAIN}">` +
      (this.formats.size ? `<numFmts count="${this.formats.size}">${numFmts}</numFmts>` : "") +
      `<fonts count="2"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font><font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>` +
      `<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>` +
      `<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>` +
      `<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>` +
      `<cellXfs count="${this.xfs.size}">${xfs}</cellXfs>` +
      `<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>` +
      `</styleSheet>`
    );
  }
}

function cellXml(ref: string, value: XlsxValue, style: number): string {
  const s = style ? ` s="${style}"` : "";
  if (value === null || value === undefined || value === "") return style ? `<c r="${ref}"${s}/>` : "";
  if (typeof value === "number") {
    if (!Number.isFinite(value)) return `<c r="${ref}"${s} t="inlineStr"><is><t>${String(value)}</t></is></c>`;
    return `<c r="${ref}"${s}><v>${value}</v></c>`;
  }
  const text = value.length > MAX_CELL_CHARS ? `${value.slice(0, MAX_CELL_CHARS - 1)}…` : value;
  return `<c r="${ref}"${s} t="inlineStr"><is><t xml:space="preserve">${xmlText(text)}</t></is></c>`;
}

/**
 * Write a workbook to `write`, chunk by chunk, sheet after sheet. A sheet's rows are read once.
 */
export async function writeWorkbook(sheets: readonly XlsxSheet[], write: (chunk: Uint8Array) => Promise<void>, options: { creator?: string; modified?: Date } = {}): Promise<void> {
  const modified = options.modified ?? new Date();
  const zip = new ZipStream(write, modified);
  const styles = new Styles();
  const names = uniqueNames(sheets.map((s) => sheetName(s.name)));

  for (const [i, sheet] of sheets.entries()) {
    await zip.entry(`xl/worksheets/sheet${i + 1}.xml`, async (put) => {
      const width = sheet.columns.length;
      await put(`${XML_DECLARATION}<worksheet xmlns="${NS_MAIN}" xmlns:r="${NS_REL}">`);
      if (sheet.header) {
        await put(`<sheetViews><sheetView workbookViewId="0"${i === 0 ? ' tabSelected="1"' : ""}><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView></sheetViews>`);
      }
      await put(`<sheetFormatPr defaultRowHeight="15"/>`);
      if (width > 0) await put(`<cols>${sheet.columns.map((c, j) => `<col min="${j + 1}" max="${j + 1}" width="${Math.round(c.width * 100) / 100}" customWidth="1"/>`).join("")}</cols>`);
      await put("<sheetData>");
      const columnStyles = sheet.columns.map((c) => styles.id(c.numFmt, false));
      const boldStyles = sheet.columns.map((c) => styles.id(c.numFmt, true));
      let r = 0;
      for await (const row of sheet.rows) {
        if (++r > MAX_ROWS) throw new RangeError(`sheet ${names[i]} has more than ${MAX_ROWS} rows`);
        const bold = row.bold === true;
        let xml = `<row r="${r}">`;
        row.cells.forEach((value, j) => {
          const style = bold ? (typeof value === "number" ? boldStyles[j] ?? styles.id(undefined, true) : styles.id(undefined, true)) : typeof value === "number" ? columnStyles[j] ?? 0 : 0;
          xml += cellXml(`${columnLetters(j + 1)}${r}`, value, style);
        });
        await put(`${xml}</row>`);
      }
      await put("</sheetData>");
      if (sheet.header && width > 0) await put(`<autoFilter ref="A1:${columnLetters(width)}1"/>`);
      await put(`<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>`);
    });
  }

  const definedNames = sheets
    .map((s, i) => (s.header && s.columns.length > 0 ? `<definedName name="_xlnm._FilterDatabase" localSheetId="${i}" hidden="1">${xmlText(quoteSheet(names[i]!))}!$A$1:$${columnLetters(s.columns.length)}$1</definedName>` : ""))
    .join("");
  const parts: [string, string][] = [
    ["xl/styles.xml", styles.xml()],
    [
      "xl/workbook.xml",
      `${XML_DECLARATION}<workbook xmlns="${NS_MAIN}" xmlns:r="${NS_REL}"><bookViews><workbookView activeTab="0"/></bookViews><sheets>` +
        names.map((n, i) => `<sheet name="${xmlText(n)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join("") +
        `</sheets>${definedNames ? `<definedNames>${definedNames}</definedNames>` : ""}</workbook>`,
    ],
    [
      "xl/_rels/workbook.xml.rels",
      `${XML_DECLARATION}<Relationships xmlns="${NS_PKG_REL}">` +
        names.map((_, i) => `<Relationship Id="rId${i + 1}" Type="${REL_TYPE}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join("") +
        `<Relationship Id="rId${names.length + 1}" Type="${REL_TYPE}/styles" Target="styles.xml"/></Relationships>`,
    ],
    [
      "docProps/core.xml",
      `${XML_DECLARATION}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">` +
        `<dc:creator>${xmlText(options.creator ?? "perfgoal")}</dc:creator><dcterms:created xsi:type="dcterms:W3CDTF">${modified.toISOString().replace(/\.\d+Z$/, "Z")}</dcterms:created></cp:coreProperties>`,
    ],
    [
      "_rels/.rels",
      `${XML_DECLARATION}<Relationships xmlns="${NS_PKG_REL}"><Relationship Id="rId1" Type="${REL_TYPE}/officeDocument" Target="xl/workbook.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>`,
    ],
    [
      "[Content_Types].xml",
      `${XML_DECLARATION}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>` +
        `<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>` +
        names.map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join("") +
        `<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/></Types>`,
    ],
  ];
  for (const [name, xml] of parts) await zip.entry(name, (put) => put(xml));
  await zip.finish();
}

function quoteSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

/** Sheet names must differ (case-insensitively): a second 汇总表 becomes 汇总表 (2). */
function uniqueNames(names: string[]): string[] {
  const seen = new Set<string>();
  return names.map((n) => {
    let name = n;
    for (let k = 2; seen.has(name.toLowerCase()); k++) name = `${n.slice(0, MAX_SHEET_NAME - String(k).length - 3)} (${k})`;
    seen.add(name.toLowerCase());
    return name;
  });
}
