/**
 * Hostile spreadsheets: .xlsx packages that inflate too far, claim or reach the far corner of the
 * grid, merge the whole sheet, link to other workbooks; .xls workbook streams whose counts lie,
 * whose CONTINUE records go on and on, whose sheets point outside the stream. Each is one clear
 * line (or, for what is odd but readable, a correct read with a remark).
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import type { HostileCase } from "./make-cases.js";
import { buildZip, storedEntry, zeroBomb, type RawZipEntry } from "./bytes.js";
import { records, sstRecords, sstStrings, stream, T, u16, u32, workbookStream, xlsOf, type Rec } from "../parse/xls/biff-builder.js";

const SHEETS_DIR = fileURLToPath(new URL("../fixtures/sheets/", import.meta.url));
const SHEET1 = "xl/worksheets/sheet1.xml";
const seedXlsx = () => new Uint8Array(readFileSync(`${SHEETS_DIR}hengdong-2023.xlsx`));
const seedXls = () => new Uint8Array(readFileSync(`${SHEETS_DIR}hengdong-2023.xls`));

/** The seed .xlsx with parts edited (a function of the old text) or added. */
function editedXlsx(edits: Record<string, ((xml: string) => string) | string>): Uint8Array {
  const parts = unzipSync(seedXlsx());
  for (const [name, edit] of Object.entries(edits)) parts[name] = strToU8(typeof edit === "string" ? edit : edit(strFromU8(parts[name]!)));
  return zipSync(parts);
}

/** The seed .xlsx, its shared strings replaced by a deflate stream that inflates to `size` zeros. */
function sharedStringsBomb(size: number): Uint8Array {
  const parts = unzipSync(seedXlsx());
  const entries: RawZipEntry[] = Object.entries(parts)
    .filter(([name]) => !name.endsWith("/"))
    .map(([name, data]) => (name === "xl/sharedStrings.xml" ? { name, stored: zeroBomb(size), method: 8, claimedSize: 4096, crc: 0 } : storedEntry(name, data)));
  return buildZip(entries);
}

/** Rows of cells, as sheet XML, `count` cells in all. */
function manyCells(count: number): string {
  const rows: string[] = [];
  for (let r = 0; r * 100 < count; r++) {
    const cells: string[] = [];
    for (let c = 0; c < 100 && r * 100 + c < count; c++) cells.push(`<c t="inlineStr"><is><t>x</t></is></c>`);
    rows.push(`<row r="${r + 1}">${cells.join("")}</row>`);
  }
  return rows.join("");
}

const withMerges = (refs: string[]) => (xml: string) => xml.replace(/<mergeCells count="\d+">/, `<mergeCells count="999">${refs.map((r) => `<mergeCell ref="${r}"/>`).join("")}`);

/** The seed .xls with its records edited (sheet offsets fixed up unless `keepOffsets`). */
function editedXls(edit: (recs: Rec[]) => Rec[], keepOffsets = false): Uint8Array {
  const recs = records(workbookStream(seedXls())).map((r) => ({ ...r, data: r.data.slice() }));
  return xlsOf(stream(edit(recs), keepOffsets));
}

const seedSst = () => sstStrings(records(workbookStream(seedXls())).find((r) => r.type === T.SST)!.data);
const replaceSst = (replacement: Rec[]) => (recs: Rec[]) => recs.flatMap((r) => (r.type === T.SST ? replacement : [r]));

/** An SST whose one string claims 60 000 characters, followed by 200 000 empty CONTINUE records. */
function continueFlood(): Rec[] {
  const head = { type: T.SST, data: Uint8Array.from([...u32(1), ...u32(1), ...u16(60000), 1, 0x41, 0]) };
  return [head, ...Array.from({ length: 200_000 }, () => ({ type: T.CONTINUE, data: new Uint8Array(0) }))];
}

export const SHEETS_CASES: HostileCase[] = [
  { group: "sheets", file: "种子 表.xlsx", build: seedXlsx, expect: { readable: true, sameAs: "hengdong-2023.docx" }, why: "the seed as an .xlsx reads as the seed .docx" },
  { group: "sheets", file: "种子 工作簿.xls", build: seedXls, expect: { readable: true, sameAs: "hengdong-2023.docx" }, why: "the seed as an .xls reads as the seed .docx" },
  { group: "sheets", file: "共享字符串 炸弹.xlsx", build: () => sharedStringsBomb(120 * 1024 * 1024), expect: { refused: "PG-E-ZIP-BOMB" }, why: "sharedStrings.xml inflates beyond the part cap (its header claims 4 KB)" },
  {
    group: "sheets",
    file: "百万行 声明.xlsx",
    build: () => editedXlsx({ [SHEET1]: (x) => x.replace(/<dimension ref="[^"]*"\/>/, '<dimension ref="A1:XFD1048576"/>') }),
    expect: { readable: true, sameAs: "hengdong-2023.docx" },
    why: "a dimension claiming all 1,048,576 rows × 16,384 columns (never trusted)",
  },
  {
    group: "sheets",
    file: "最远 单元格.xlsx",
    build: () => editedXlsx({ [SHEET1]: (x) => x.replace("</sheetData>", '<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>尾注</t></is></c></row></sheetData>') }),
    expect: { readable: true, sameAs: "hengdong-2023.docx" },
    why: "a cell at XFD1048576: one cell, not a grid to the far corner",
  },
  {
    group: "sheets",
    file: "越界 单元格.xlsx",
    build: () => editedXlsx({ [SHEET1]: (x) => x.replace("</sheetData>", '<row r="1048577"><c r="XFE1048577" t="inlineStr"><is><t>x</t></is></c></row></sheetData>') }),
    expect: { refused: "PG-E-CORRUPT" },
    why: "a row and cell beyond Excel's grid",
  },
  { group: "sheets", file: "整表 合并.xlsx", build: () => editedXlsx({ [SHEET1]: withMerges(["A1:XFD1048576"]) }), expect: { refused: "PG-E-TOO-LARGE" }, why: "a merged range over the whole sheet (A1:XFD1048576), never expanded" },
  { group: "sheets", file: "大 合并区域.xlsx", build: () => editedXlsx({ [SHEET1]: withMerges(["H1:Z30000"]) }), expect: { refused: "PG-E-TOO-LARGE" }, why: "a merged range of 570 000 cells beside the form: beyond the table cell cap" },
  {
    group: "sheets",
    file: "六万 合并.xlsx",
    build: () => editedXlsx({ [SHEET1]: withMerges(Array.from({ length: 60_000 }, (_, i) => `H${i * 2 + 1}:I${i * 2 + 1}`)) }),
    expect: { refused: "PG-E-TOO-LARGE" },
    why: "60 000 merged ranges",
  },
  {
    group: "sheets",
    file: "三十万 单元格.xlsx",
    build: () => editedXlsx({ [SHEET1]: (x) => x.replace(/<sheetData>[\s\S]*<\/sheetData>/, `<sheetData>${manyCells(300_000)}</sheetData>`).replace(/<mergeCells[\s\S]*<\/mergeCells>/, "") }),
    expect: { refused: "PG-E-TOO-LARGE" },
    why: "300 000 cells with text",
  },
  {
    group: "sheets",
    file: "外部 链接.xlsx",
    build: () =>
      editedXlsx({
        [SHEET1]: (x) => x.replace(/<c r="B5"><v>361<\/v><\/c>/, '<c r="B5"><f>[1]预算!$B$2</f><v>361</v></c>'),
        "xl/externalLinks/externalLink1.xml":
          '<?xml version="1.0" encoding="UTF-8"?><externalLink xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><externalBook r:id="rId1"/></externalLink>',
        "xl/externalLinks/_rels/externalLink1.xml.rels":
          '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/externalLinkPath" Target="http://example.invalid/预算.xlsx" TargetMode="External"/></Relationships>',
      }),
    expect: { readable: true, warning: /外部工作簿/, sameAs: "hengdong-2023.docx" },
    why: "an external link part and a [1] formula: the saved value is read, the link never followed",
  },
  { group: "sheets", file: "实体 注入.xlsx", build: () => editedXlsx({ [SHEET1]: (x) => x.replace("<worksheet", '<!DOCTYPE worksheet [<!ENTITY x SYSTEM "file:///etc/passwd">]><worksheet') }), expect: { refused: "PG-E-XML" }, why: "a DOCTYPE in a worksheet" },
  { group: "sheets", file: "截断 工作表.xlsx", build: () => editedXlsx({ [SHEET1]: (x) => x.slice(0, Math.floor(x.length / 2)) }), expect: { refused: "PG-E-CORRUPT" }, why: "a worksheet cut off halfway" },
  { group: "sheets", file: "共享字符串 越界.xlsx", build: () => editedXlsx({ [SHEET1]: (x) => x.replace('<c r="A4" t="s"><v>3</v>', '<c r="A4" t="s"><v>99999</v>') }), expect: { refused: "PG-E-CORRUPT" }, why: "a cell naming a shared string that does not exist" },
  {
    group: "sheets",
    file: "全部 隐藏.xlsx",
    build: () => editedXlsx({ "xl/workbook.xml": (x) => x.replace('name="Sheet1" state="visible"', 'name="Sheet1" state="hidden"') }),
    expect: { refused: "PG-E-NO-TABLE" },
    why: "the only sheet hidden: hidden sheets are not read as forms",
  },
  { group: "sheets", file: "数目 不符.xls", build: () => editedXls(replaceSst(sstRecords(seedSst(), 8000, seedSst().length + 1000))), expect: { refused: "PG-E-CORRUPT" }, why: "an SST count that claims more strings than its records hold" },
  { group: "sheets", file: "数目 巨大.xls", build: () => editedXls(replaceSst(sstRecords(seedSst(), 8000, 0xffffffff))), expect: { refused: "PG-E-TOO-LARGE" }, why: "an SST count of 4 294 967 295" },
  { group: "sheets", file: "续记录 洪流.xls", build: () => editedXls(replaceSst(continueFlood())), expect: { refused: "PG-E-CORRUPT" }, why: "a string of 60 000 characters over 200 000 empty CONTINUE records" },
  {
    group: "sheets",
    file: "工作表 越界.xls",
    build: () =>
      editedXls((recs) => {
        new DataView(recs.find((r) => r.type === T.BOUNDSHEET)!.data.buffer).setUint32(0, 0x7ffffff0, true);
        return recs;
      }, true),
    expect: { refused: "PG-E-CORRUPT" },
    why: "a BOUNDSHEET pointing outside the stream",
  },
  {
    group: "sheets",
    file: "加密 工作簿.xls",
    build: () => editedXls((recs) => [recs[0]!, { type: T.FILEPASS, data: Uint8Array.from([1, 0, 1, 0, 2, 0, ...new Array(48).fill(0)]) }, ...recs.slice(1)]),
    expect: { refused: "PG-E-ENCRYPTED" },
    why: "a password-protected .xls (FILEPASS)",
  },
  { group: "sheets", file: "Excel95 工作簿.xls", build: () => xlsOf(stream(records(workbookStream(seedXls()))), "Book"), expect: { refused: "PG-E-FORMAT" }, why: "an Excel 5.0/95 workbook (a Book stream)" },
];
