/**
 * Sheets read from a workbook (.xlsx or .xls) → one neutral document per visible sheet, and the
 * workbook's remarks: hidden sheets (not read as forms), hidden rows and columns (left out),
 * text a merge covers, links to other workbooks (never followed).
 */
import { formatLocation, sheetCellRef, type Location } from "../../model/location.js";
import type { SourceDocument } from "../document.js";
import { MAX_GRID_CELLS } from "../docx/grid.js";
import { sheetBlocks } from "./sheet-blocks.js";
import { runTest } from "../../util/ranges.js";
import { describeRuns, keyCol, keyRow, type Sheet } from "./sheet.js";

export interface WorkbookDocuments {
  /** One per visible sheet that shows anything, in workbook order. */
  documents: SourceDocument[];
  warnings: string[];
  /** Why no sheet could hold a form (every sheet hidden, nothing but charts), when that is so. */
  noSheet?: { zh: string; en: string };
}

/** Places named in a warning: the first five, then a count. */
export function someCells(cells: readonly Location[]): string {
  const shown = cells.slice(0, 5).map((c) => formatLocation(c));
  return cells.length > 5 ? `${shown.join("、")} 等 ${cells.length} 处` : shown.join("、");
}

export function sheetRefs(sheet: Sheet, cells: readonly { row: number; col: number }[]): string {
  const shown = cells.slice(0, 5).map((c) => sheetCellRef(sheet.name, c.row, c.col));
  return cells.length > 5 ? `${shown.join("、")} 等 ${cells.length} 处` : shown.join("、");
}

export function workbookDocuments(sheets: readonly Sheet[], format: "xlsx" | "xls", warnings: string[]): WorkbookDocuments {
  const documents: SourceDocument[] = [];
  const budget = { cells: MAX_GRID_CELLS };
  let nextTable = 1;
  const hidden = sheets.filter((s) => s.hidden);
  if (hidden.length > 0) warnings.push(`隐藏的工作表未作为表单读取：${hidden.map((s) => `“${s.name}”`).join("、")}`);
  for (const sheet of sheets) {
    if (sheet.hidden) continue;
    const hiddenParts = [sheet.hiddenRows.length > 0 ? describeRuns(sheet.hiddenRows, "row") : "", sheet.hiddenCols.length > 0 ? describeRuns(sheet.hiddenCols, "col") : ""].filter(Boolean);
    const { blocks, coveredText } = sheetBlocks(sheet, nextTable, budget);
    nextTable += blocks.filter((b) => b.kind === "table").length;
    if (hiddenParts.length > 0 && sheetHasHiddenText(sheet)) warnings.push(`工作表“${sheet.name}”隐藏的${hiddenParts.join("和")}未读入（按表格显示的内容读取）`);
    else if (hiddenParts.length > 0) warnings.push(`工作表“${sheet.name}”有隐藏的${hiddenParts.join("和")}（其中没有文字）`);
    if (coveredText.length > 0) warnings.push(`被合并单元格遮住、表格不显示的文字未读入：${someCells(coveredText)}`);
    if (blocks.length > 0) documents.push({ blocks, meta: { format }, warnings: [] });
  }
  if (documents.length > 0) return { documents, warnings };
  const noSheet =
    hidden.length === sheets.length
      ? { zh: "所有工作表都是隐藏的，未作为表单读取", en: "every sheet is hidden; hidden sheets are not read as forms" }
      : { zh: "工作表中没有文字", en: "the sheets hold no text" };
  return { documents, warnings, noSheet };
}

/** Whether any text sits in a hidden row or column (only then is something left out). */
function sheetHasHiddenText(sheet: Sheet): boolean {
  const hiddenRow = runTest(sheet.hiddenRows);
  const hiddenCol = runTest(sheet.hiddenCols);
  for (const key of sheet.cells.keys()) if (hiddenRow(keyRow(key)) || hiddenCol(keyCol(key))) return true;
  return false;
}
