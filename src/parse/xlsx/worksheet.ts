/**
 * One worksheet part → a Sheet: each cell's text as the sheet shows it (shared and inline
 * strings, numbers through their number format, a formula's saved result), the merged ranges and
 * the hidden rows and columns. The `dimension` a sheet claims is never trusted: only the cells
 * and ranges actually written count, each checked against Excel's grid.
 */
import { PerfgoalError } from "../../model/errors.js";
import type { XmlAttributes } from "../docx/xml-scan.js";
import { formatNumber } from "./number-format.js";
import { scan, unescapeOoxml } from "./parts.js";
import { addHiddenRun, cellKey, MAX_SHEET_COLS, MAX_SHEET_ROWS, parseCellRef, parseRangeRef, type Sheet, type SheetBudget } from "./sheet.js";

export interface SheetFacts {
  /** Cells whose formula refers to another workbook (`[1]Sheet1!A1`): their saved value is read, the link not followed. */
  externalFormulas: { row: number; col: number }[];
  /** Formula cells with no saved result: read as empty (perfgoal computes nothing). */
  uncachedFormulas: { row: number; col: number }[];
}

export interface CellContext {
  sharedStrings: readonly string[];
  styleFormats: readonly (string | undefined)[];
  date1904: boolean;
}

/** A reference to another workbook inside a formula: `[1]`, `'[2]Sheet 1'!`, outside string literals. */
const EXTERNAL_REF = /\[\d+\]/;

function corrupt(sheet: string, zh: string, en: string): PerfgoalError {
  return new PerfgoalError("PG-E-CORRUPT", { zh: `工作表“${sheet}”${zh}`, en: `sheet "${sheet}": ${en}` });
}

export function readWorksheet(xml: Uint8Array, part: string, sheet: Sheet, context: CellContext, budget: SheetBudget): SheetFacts {
  const facts: SheetFacts = { externalFormulas: [], uncachedFormulas: [] };
  const stack: string[] = [];
  let row = 0;
  let col = 0;
  let cell: { row: number; col: number; type: string; style: number; v: string; f: string | undefined; is: string } | undefined;
  /** Which text is being collected: a value, a formula, an inline string's `t` (not its phonetic guide). */
  let collecting: "v" | "f" | "is" | undefined;
  let phonetic = 0;
  let inSheetData = false;

  const open = (local: string, attrs: XmlAttributes) => {
    stack.push(local);
    if (local === "sheetData") inSheetData = true;
    else if (local === "row" && inSheetData) {
      const r = attrs.get("r");
      row = r === undefined ? row + 1 : Number(r);
      if (!Number.isInteger(row) || row < 1 || row > MAX_SHEET_ROWS) throw corrupt(sheet.name, `的行号 ${String(r).slice(0, 20)} 超出范围`, `row number ${String(r).slice(0, 20)} out of range`);
      col = 0;
      if (isTrue(attrs.get("hidden"))) addHiddenRun(sheet.hiddenRows, row, row, budget);
    } else if (local === "c" && inSheetData) {
      const r = attrs.get("r");
      if (r !== undefined) {
        const at = parseCellRef(r);
        if (!at) throw corrupt(sheet.name, `的单元格引用 ${r.slice(0, 20)} 无效`, `invalid cell reference ${r.slice(0, 20)}`);
        if (row === 0) row = at.row;
        ({ row, col } = at);
      } else {
        col++;
        if (row === 0 || col > MAX_SHEET_COLS) throw corrupt(sheet.name, "的单元格位置超出范围", "cell position out of range");
      }
      cell = { row, col, type: attrs.get("t") ?? "n", style: Number(attrs.get("s") ?? 0), v: "", f: undefined, is: "" };
    } else if (cell && local === "v") collecting = "v";
    else if (cell && local === "f") {
      collecting = "f";
      cell.f ??= "";
    } else if (cell && local === "rPh") phonetic++;
    else if (cell && local === "t" && stack.includes("is") && phonetic === 0) collecting = "is";
    else if (local === "col" && stack[stack.length - 2] === "cols" && isTrue(attrs.get("hidden"))) {
      const min = Number(attrs.get("min"));
      const max = Math.min(Number(attrs.get("max") ?? min), MAX_SHEET_COLS);
      if (!Number.isInteger(min) || min < 1 || min > MAX_SHEET_COLS || !Number.isInteger(max) || max < min) throw corrupt(sheet.name, "的列定义超出范围", "column definition out of range");
      addHiddenRun(sheet.hiddenCols, min, max, budget);
    } else if (local === "mergeCell") {
      const ref = attrs.get("ref") ?? "";
      const range = parseRangeRef(ref);
      if (!range) throw corrupt(sheet.name, `的合并区域 ${ref.slice(0, 30)} 无效`, `invalid merged range ${ref.slice(0, 30)}`);
      if (range.r1 === range.r2 && range.c1 === range.c2) return;
      budget.takeMerge();
      sheet.merges.push(range);
    }
  };

  const close = () => {
    const local = stack.pop();
    if (local === "sheetData") inSheetData = false;
    else if (local === "rPh") phonetic--;
    else if (local === "v" || local === "f" || local === "t") collecting = undefined;
    else if (local === "c" && cell) {
      finishCell(cell);
      cell = undefined;
    }
  };

  const finishCell = (c: NonNullable<typeof cell>) => {
    if (c.f !== undefined) {
      if (EXTERNAL_REF.test(c.f.replace(/"[^"]*"/g, ""))) facts.externalFormulas.push({ row: c.row, col: c.col });
      if (c.v === "" && c.type !== "inlineStr") facts.uncachedFormulas.push({ row: c.row, col: c.col });
    }
    const text = cellText(c, context, sheet.name);
    if (text === "") return;
    const key = cellKey(c.row, c.col);
    if (sheet.cells.has(key)) throw corrupt(sheet.name, "有重复的单元格", "a cell is written twice");
    budget.takeCell();
    sheet.cells.set(key, text);
  };

  scan(xml, part, open, {
    close,
    wantsText: () => collecting !== undefined,
    text: (t) => {
      if (!cell) return;
      if (collecting === "v") cell.v += t;
      else if (collecting === "f") cell.f = (cell.f ?? "") + t.slice(0, 4096);
      else if (collecting === "is") cell.is += t;
    },
  });
  return facts;
}

function isTrue(v: string | undefined): boolean {
  return v === "1" || v === "true";
}

/** A cell's text as the sheet shows it. */
function cellText(c: { type: string; style: number; v: string; is: string }, context: CellContext, sheetName: string): string {
  switch (c.type) {
    case "s": {
      const i = Number(c.v.trim());
      const s = Number.isInteger(i) ? context.sharedStrings[i] : undefined;
      if (s === undefined) throw corrupt(sheetName, `引用了不存在的共享字符串 ${c.v.slice(0, 20)}`, `refers to a missing shared string ${c.v.slice(0, 20)}`);
      return s;
    }
    case "inlineStr":
      return unescapeOoxml(c.is);
    case "str":
    case "e":
      return unescapeOoxml(c.v);
    case "b":
      return c.v.trim() === "1" ? "TRUE" : c.v.trim() === "0" ? "FALSE" : c.v;
    case "d":
      // An ISO date written as such; midnight adds nothing the sheet shows.
      return c.v.replace(/T00:00(:00(\.0+)?)?Z?$/, "");
    default: {
      const v = c.v.trim();
      if (v === "") return "";
      const n = Number(v);
      if (!Number.isFinite(n)) return v;
      return formatNumber(n, context.styleFormats[c.style], { date1904: context.date1904 });
    }
  }
}
