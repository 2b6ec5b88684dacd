/**
 * .xlsx → one neutral document per visible sheet. Only the workbook, its relationships, shared
 * strings, styles and the worksheets are inflated (through the project's zip reader, with its
 * caps and CRC checks); links to other workbooks are named in a warning and never followed.
 * Bad input throws a PerfgoalError: PG-E-CORRUPT, PG-E-ZIP-BOMB, PG-E-XML, PG-E-TOO-LARGE.
 */
import { PerfgoalError } from "../../model/errors.js";
import { asZip, findEntry, MAX_TOTAL_INFLATED, readEntry, type ZipArchive } from "../docx/zip.js";
import { findWorkbookPart, readWorkbookParts } from "./parts.js";
import { SheetBudget, type Sheet } from "./sheet.js";
import { sheetRefs, workbookDocuments, type WorkbookDocuments } from "./workbook-document.js";
import { readWorksheet } from "./worksheet.js";

/** Whether a zip archive is a spreadsheet package (rather than a Word one). */
export function isSpreadsheetPackage(input: Uint8Array | ZipArchive): boolean {
  return findWorkbookPart(asZip(input), { remaining: MAX_TOTAL_INFLATED }) !== undefined;
}

export function readXlsx(input: Uint8Array | ZipArchive): WorkbookDocuments {
  const zip = asZip(input);
  const budget = { remaining: MAX_TOTAL_INFLATED };
  const main = findWorkbookPart(zip, budget);
  if (!main) throw new PerfgoalError("PG-E-FORMAT", { zh: "zip 压缩包，但不是 Excel 工作簿", en: "a zip archive but not an Excel workbook" });
  const parts = readWorkbookParts(zip, main, budget);
  // Excel writes at least one sheet; a workbook part listing none is no workbook to read.
  if (parts.sheets.length === 0) throw new PerfgoalError("PG-E-FORMAT", { zh: "zip 压缩包，有 Excel 工作簿部件但其中没有工作表", en: "a zip archive with an Excel workbook part that lists no sheets" });
  const warnings: string[] = [];
  for (const link of parts.externalLinks) {
    warnings.push(`工作簿链接了外部工作簿${link.target ? `“${link.target}”` : ""}（${link.part}），未打开链接，按保存的值读取`);
  }
  const sheetBudget = new SheetBudget();
  const context = { sharedStrings: parts.sharedStrings, styleFormats: parts.styleFormats, date1904: parts.date1904 };
  const sheets: Sheet[] = [];
  parts.sheets.forEach((entry, i) => {
    const sheet: Sheet = { name: entry.name, index: i + 1, hidden: entry.state !== "visible", cells: new Map(), merges: [], hiddenRows: [], hiddenCols: [] };
    sheets.push(sheet);
    // A chart or dialog sheet has no cells; a hidden sheet is not read (it is named in a warning).
    if (entry.kind !== "worksheet" || sheet.hidden) return;
    const zipEntry = entry.part ? findEntry(zip, entry.part) : undefined;
    if (!zipEntry) throw new PerfgoalError("PG-E-CORRUPT", { zh: `工作表“${entry.name}”的部件缺失`, en: `the part of sheet "${entry.name}" is missing` });
    const facts = readWorksheet(readEntry(zip, zipEntry, budget), zipEntry.name, sheet, context, sheetBudget);
    if (facts.externalFormulas.length > 0) warnings.push(`公式引用了外部工作簿，未跟随链接，按保存的值读取：${sheetRefs(sheet, facts.externalFormulas)}`);
    if (facts.uncachedFormulas.length > 0) warnings.push(`公式没有保存的计算结果，按空单元格读取（perfgoal 不计算公式）：${sheetRefs(sheet, facts.uncachedFormulas)}`);
  });
  return workbookDocuments(sheets, "xlsx", warnings);
}
