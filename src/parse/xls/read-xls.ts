/**
 * .xls (Excel 97–2003, BIFF8, as older budget systems and WPS save it) → one neutral document per
 * visible sheet, through the project's Compound File reader. Read: the shared string table,
 * LABELSST/LABEL/RSTRING, NUMBER/RK/MULRK through their number formats (FORMAT/XF), FORMULA saved
 * results (with their STRING), BOOLERR, MERGEDCELLS, hidden rows (ROW) and columns (COLINFO).
 * Refused: password protection (FILEPASS, PG-E-ENCRYPTED), Excel 5.0/95 and older (PG-E-FORMAT),
 * damage (PG-E-CORRUPT), sizes beyond the limits (PG-E-TOO-LARGE).
 */
import { PerfgoalError } from "../../model/errors.js";
import { openCompoundFile, type CompoundFile } from "../doc/cfb.js";
import { builtinFormat, formatNumber } from "../xlsx/number-format.js";
import { MAX_SHARED_CHARS, MAX_SHARED_STRINGS } from "../xlsx/parts.js";
import { addHiddenRun, cellKey, SheetBudget, type Sheet } from "../xlsx/sheet.js";
import { workbookDocuments, type WorkbookDocuments } from "../xlsx/workbook-document.js";
import { BIFF_ERRORS, ContinuedReader, corrupt, RecordView, recordAt, rkNumber, RT, substream } from "./biff.js";

const BIFF8 = 0x0600;
/** Sheets in one workbook: Excel's own limit is memory; real forms have a handful. */
const MAX_SHEETS = 1024;

/** A Compound File holding an Excel workbook stream (and no encrypted Office package). */
export function isWorkbookFile(bytes: Uint8Array): boolean {
  let cf: CompoundFile;
  try {
    cf = openCompoundFile(bytes);
  } catch {
    return false; // damage is the Word reader's to report, as before
  }
  if (cf.rootNames.has("EncryptionInfo") || cf.rootNames.has("EncryptedPackage") || cf.rootNames.has("WordDocument")) return false;
  return workbookStreamName(cf) !== undefined || cf.rootNames.has("Book") || cf.rootNames.has("BOOK");
}

function workbookStreamName(cf: CompoundFile): string | undefined {
  return [...cf.rootNames].find((n) => n.toLowerCase() === "workbook");
}

interface Globals {
  date1904: boolean;
  /** Format code per XF index. */
  xfFormats: (string | undefined)[];
  sheets: { name: string; offset: number; state: number; type: number }[];
  sst: string[];
  externalBooks: string[];
}

export function readXls(bytes: Uint8Array): WorkbookDocuments {
  const cf = openCompoundFile(bytes);
  const name = workbookStreamName(cf);
  if (!name) throw new PerfgoalError("PG-E-FORMAT", { zh: "Excel 5.0/95 或更早的工作簿，请用 Excel 或 WPS 另存为 .xlsx", en: "an Excel 5.0/95 or older workbook: save it as .xlsx in Excel or WPS" });
  const stream = cf.readStream(name);
  if (!stream) throw corrupt("的 Workbook 不是数据流", "Workbook is not a stream");
  const globals = readGlobals(stream);
  if (globals.sheets.length === 0) throw corrupt("中没有工作表", "lists no sheets");
  const warnings: string[] = [];
  if (globals.externalBooks.length > 0) {
    warnings.push(`工作簿链接了外部工作簿${globals.externalBooks.map((b) => `“${b}”`).join("、")}，未打开链接，按保存的值读取`);
  }
  const budget = new SheetBudget();
  const sheets: Sheet[] = [];
  const seenOffsets = new Set<number>();
  globals.sheets.forEach((entry, i) => {
    const sheet: Sheet = { name: entry.name, index: i + 1, hidden: entry.state !== 0, cells: new Map(), merges: [], hiddenRows: [], hiddenCols: [] };
    sheets.push(sheet);
    // Worksheets only (charts, macro and VB sheets hold no cells to read); hidden ones are not read.
    if (entry.type !== 0 || sheet.hidden) return;
    if (entry.offset + 4 > stream.length) throw corrupt(`的工作表“${entry.name}”指向数据流之外`, `sheet "${entry.name}" points outside the stream`);
    if (seenOffsets.has(entry.offset)) throw corrupt(`的两个工作表指向同一位置`, `two sheets point at the same place`);
    seenOffsets.add(entry.offset);
    readSheet(stream, entry.offset, sheet, globals, budget);
  });
  return workbookDocuments(sheets, "xls", warnings);
}

function checkBof(stream: Uint8Array, pos: number, what: string): void {
  const r = recordAt(stream, pos);
  if (!r || r.type !== RT.BOF) {
    // Excel 5.0/95 and older write other BOF records (0x0009, 0x0209, 0x0409) or version 0x0500.
    if (r && [0x0009, 0x0209, 0x0409].includes(r.type)) throw oldFormat();
    throw corrupt(`的${what}开头缺少 BOF 记录`, `${what === "工作簿" ? "workbook globals" : "a sheet"} do not start with a BOF record`);
  }
  const version = new RecordView(stream, r).u16(0);
  if (version !== BIFF8) throw oldFormat();
}

function oldFormat(): PerfgoalError {
  return new PerfgoalError("PG-E-FORMAT", { zh: "Excel 5.0/95 或更早的工作簿，请用 Excel 或 WPS 另存为 .xlsx", en: "an Excel 5.0/95 or older workbook: save it as .xlsx in Excel or WPS" });
}

function readGlobals(stream: Uint8Array): Globals {
  checkBof(stream, 0, "工作簿");
  const formats = new Map<number, string>();
  const xfIds: number[] = [];
  const g: Globals = { date1904: false, xfFormats: [], sheets: [], sst: [], externalBooks: [] };
  let skipUntil = 0;
  let first = true;
  for (const r of substream(stream, 0)) {
    if (first) {
      first = false;
      continue;
    }
    // Records the SST reader consumed as its CONTINUE records.
    if (r.at < skipUntil) continue;
    const v = new RecordView(stream, r);
    switch (r.type) {
      case RT.FILEPASS:
        throw new PerfgoalError("PG-E-ENCRYPTED", { zh: "受密码保护的 Excel 工作簿，请去掉密码后另存", en: "a password-protected Excel workbook: remove the password and save it again" });
      case RT.DATEMODE:
        g.date1904 = v.u16(0) === 1;
        break;
      case RT.FORMAT:
        formats.set(v.u16(0), v.string(2, 2));
        break;
      case RT.XF:
        xfIds.push(v.u16(2));
        break;
      case RT.BOUNDSHEET:
        if (g.sheets.length >= MAX_SHEETS) throw new PerfgoalError("PG-E-TOO-LARGE", { zh: `工作表超过 ${MAX_SHEETS} 个`, en: `more than ${MAX_SHEETS} sheets` });
        g.sheets.push({ offset: v.u32(0), state: v.u8(4) & 0x03, type: v.u8(5), name: v.string(6, 1) });
        break;
      case RT.SST: {
        const { reader, next } = ContinuedReader.of(stream, r);
        g.sst = readSst(reader);
        skipUntil = next;
        break;
      }
      case RT.SUPBOOK: {
        // An external workbook: ctab, then the virtual path (encoded; shown as far as it is text).
        if (r.length >= 4 && v.u16(2) !== 0x0401 && v.u16(2) !== 0x3a01) {
          const path = v.string(2, 2).replace(/[\u0000-\u001f]/g, "/");
          g.externalBooks.push(path.replace(/^\/+/, ""));
        }
        break;
      }
    }
  }
  g.xfFormats = xfIds.map((id) => formats.get(id) ?? builtinFormat(id));
  return g;
}

/** The shared string table: its unique count must match the strings its records hold. */
function readSst(reader: ContinuedReader): string[] {
  reader.u32(); // total references, informative only
  const unique = reader.u32();
  if (unique > MAX_SHARED_STRINGS) throw new PerfgoalError("PG-E-TOO-LARGE", { zh: `共享字符串超过 ${MAX_SHARED_STRINGS} 个`, en: `more than ${MAX_SHARED_STRINGS} shared strings` });
  const out: string[] = [];
  let chars = 0;
  for (let i = 0; i < unique; i++) {
    // Each string needs at least its count and flags: a count beyond what is left is a lie.
    if (reader.remaining() < 3) throw corrupt(`的共享字符串表声称有 ${unique} 个字符串，实际只有 ${i} 个`, `the shared string table claims ${unique} strings but holds ${i}`);
    const s = reader.unicodeString(reader.u16());
    chars += s.length;
    if (chars > MAX_SHARED_CHARS) throw new PerfgoalError("PG-E-TOO-LARGE", { zh: `共享字符串超过 ${MAX_SHARED_CHARS} 个字符`, en: `shared strings over ${MAX_SHARED_CHARS} characters` });
    out.push(cleanText(s));
  }
  return out;
}

/** Line ends as `\n`; control characters other than tab and line feed dropped. */
function cleanText(s: string): string {
  return s.replace(/\r\n?/g, "\n").replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, "");
}

function readSheet(stream: Uint8Array, offset: number, sheet: Sheet, g: Globals, budget: SheetBudget): void {
  checkBof(stream, offset, "工作表");
  const display = (xf: number, n: number) => formatNumber(n, g.xfFormats[xf], { date1904: g.date1904 });
  const put = (row: number, col: number, text: string) => {
    if (text === "") return;
    const key = cellKey(row + 1, col + 1);
    if (sheet.cells.has(key)) throw corrupt(`的工作表“${sheet.name}”有重复的单元格`, `sheet "${sheet.name}" writes a cell twice`);
    budget.takeCell();
    sheet.cells.set(key, text);
  };
  /** A FORMULA whose string result is in the STRING record that follows it. */
  let pendingString: { row: number; col: number } | undefined;
  let first = true;
  let skipUntil = 0;
  for (const r of substream(stream, offset)) {
    if (first) {
      first = false;
      continue;
    }
    if (r.at < skipUntil) continue;
    if (r.type === RT.BOF) throw corrupt(`的工作表“${sheet.name}”中嵌有另一个子流`, `sheet "${sheet.name}" holds a nested substream`);
    const v = new RecordView(stream, r);
    switch (r.type) {
      case RT.LABELSST: {
        const i = v.u32(6);
        const s = g.sst[i];
        if (s === undefined) throw corrupt(`引用了不存在的共享字符串 ${i}`, `refers to a missing shared string ${i}`);
        put(v.u16(0), v.u16(2), s);
        break;
      }
      case RT.LABEL:
      case RT.RSTRING:
        put(v.u16(0), v.u16(2), cleanText(v.string(6, 2)));
        break;
      case RT.NUMBER:
        put(v.u16(0), v.u16(2), display(v.u16(4), v.f64(6)));
        break;
      case RT.RK:
        put(v.u16(0), v.u16(2), display(v.u16(4), rkNumber(v.u32(6))));
        break;
      case RT.MULRK: {
        const row = v.u16(0);
        const firstCol = v.u16(2);
        const count = Math.floor((r.length - 6) / 6);
        if (v.u16(r.length - 2) !== firstCol + count - 1) throw corrupt("的 MULRK 记录列数不符", "a MULRK record's columns do not add up");
        for (let k = 0; k < count; k++) put(row, firstCol + k, display(v.u16(4 + k * 6), rkNumber(v.u32(6 + k * 6))));
        break;
      }
      case RT.BOOLERR: {
        const value = v.u8(6);
        put(v.u16(0), v.u16(2), v.u8(7) ? (BIFF_ERRORS[value] ?? "#ERR") : value ? "TRUE" : "FALSE");
        break;
      }
      case RT.FORMULA: {
        const row = v.u16(0);
        const col = v.u16(2);
        if (v.u16(12) === 0xffff) {
          const kind = v.u8(6);
          if (kind === 0) pendingString = { row, col };
          else if (kind === 1) put(row, col, v.u8(8) ? "TRUE" : "FALSE");
          else if (kind === 2) put(row, col, BIFF_ERRORS[v.u8(8)] ?? "#ERR");
        } else put(row, col, display(v.u16(4), v.f64(6)));
        break;
      }
      case RT.STRING: {
        const { reader, next } = ContinuedReader.of(stream, r);
        const s = cleanText(reader.unicodeString(reader.u16()));
        skipUntil = next;
        if (pendingString) put(pendingString.row, pendingString.col, s);
        pendingString = undefined;
        break;
      }
      case RT.ROW:
        if (v.u16(12) & 0x20) addHiddenRun(sheet.hiddenRows, v.u16(0) + 1, v.u16(0) + 1, budget);
        break;
      case RT.COLINFO:
        if (v.u16(8) & 0x01) {
          const from = v.u16(0) + 1;
          const to = Math.min(v.u16(2) + 1, 256);
          if (to < from) throw corrupt("的列定义无效", "invalid column definition");
          addHiddenRun(sheet.hiddenCols, from, to, budget);
        }
        break;
      case RT.MERGEDCELLS: {
        const n = v.u16(0);
        if (2 + n * 8 > r.length) throw corrupt("的合并区域记录过短", "a merged-cells record is too short");
        for (let k = 0; k < n; k++) {
          const at = 2 + k * 8;
          const r1 = v.u16(at) + 1;
          const r2 = v.u16(at + 2) + 1;
          const c1 = v.u16(at + 4) + 1;
          const c2 = v.u16(at + 6) + 1;
          if (r2 < r1 || c2 < c1) throw corrupt("的合并区域无效", "invalid merged range");
          if (r1 === r2 && c1 === c2) continue;
          budget.takeMerge();
          sheet.merges.push({ r1, r2, c1, c2 });
        }
        break;
      }
    }
  }
}
