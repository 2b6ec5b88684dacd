import type { ReviewedForm, ReviewEntry, ReviewFinding, ReviewReport } from "../batch/review.js";
import { gradeName } from "../lint/grade.js";
import { TIER1 } from "../model/terms.js";
import { csvField } from "./csv.js";
import { displayWidth } from "./display-width.js";
import { formLabel, severityLabel } from "./labels.js";
import { writeWorkbook, type XlsxSheet } from "./xlsx/workbook-writer.js";

/**
 * The 汇总表: one row per form (and per unreadable file, with its error code), as .xlsx (a frozen
 * bold header, column widths that fit Chinese text, money formats, a filter, and a second sheet with
 * one row per finding) or as .csv (UTF-8 with a BOM, RFC 4180).
 */

type Lang = "zh" | "en";
type Cell = string | number | undefined;
type Kind = "text" | "int" | "money" | "percent";

interface Column<T> {
  zh: string;
  en: string;
  kind: Kind;
  value: (row: T, lang: Lang) => Cell;
}

const form = (e: ReviewEntry): ReviewedForm | undefined => (e.kind === "form" ? e : undefined);

/** Cost indicators as a share of the budget (1 = the whole budget). */
function costShare(e: ReviewedForm): number | undefined {
  if (e.costSumWanYuan === undefined || !e.budgetWanYuan) return undefined;
  return e.costSumWanYuan / e.budgetWanYuan;
}

export const SUMMARY_COLUMNS: Column<ReviewEntry>[] = [
  { zh: "文件", en: "file", kind: "text", value: (e) => e.file },
  { zh: "表单序号", en: "form", kind: "int", value: (e) => form(e)?.formIndex },
  { zh: "主管部门", en: "department", kind: "text", value: (e) => form(e)?.department },
  { zh: "项目名称", en: "project", kind: "text", value: (e) => form(e)?.project },
  { zh: "预算（万元）", en: "budget (万元)", kind: "money", value: (e) => form(e)?.budgetWanYuan },
  { zh: TIER1.output, en: "output indicators", kind: "int", value: (e) => form(e)?.tier1Counts.output ?? (form(e) ? 0 : undefined) },
  { zh: TIER1.benefit, en: "benefit indicators", kind: "int", value: (e) => form(e)?.tier1Counts.benefit ?? (form(e) ? 0 : undefined) },
  { zh: TIER1.satisfaction, en: "satisfaction indicators", kind: "int", value: (e) => form(e)?.tier1Counts.satisfaction ?? (form(e) ? 0 : undefined) },
  { zh: TIER1.cost, en: "cost indicators", kind: "int", value: (e) => form(e)?.tier1Counts.cost ?? (form(e) ? 0 : undefined) },
  { zh: "其他一级指标", en: "other indicators", kind: "int", value: (e) => form(e)?.tier1Counts.other ?? (form(e) ? 0 : undefined) },
  { zh: "成本指标合计（万元）", en: "cost indicators (万元)", kind: "money", value: (e) => form(e)?.costSumWanYuan },
  { zh: "成本占预算", en: "cost / budget", kind: "percent", value: (e) => (form(e) ? costShare(form(e)!) : undefined) },
  { zh: "错误", en: "errors", kind: "int", value: (e) => form(e)?.counts.error },
  { zh: "警告", en: "warnings", kind: "int", value: (e) => form(e)?.counts.warning },
  { zh: "提示", en: "infos", kind: "int", value: (e) => form(e)?.counts.info },
  { zh: "评级", en: "grade", kind: "text", value: (e, lang) => (form(e) ? gradeName(form(e)!.grade, lang) : undefined) },
  { zh: "主要规则", en: "top rules", kind: "text", value: (e) => form(e)?.topRules.join(", ") },
  { zh: "错误代码", en: "error code", kind: "text", value: (e) => (e.kind === "unreadable" ? e.code : undefined) },
  { zh: "无法读取的原因", en: "why unreadable", kind: "text", value: (e) => (e.kind === "unreadable" ? e.message : undefined) },
];

type FindingRow = { form: ReviewedForm; finding: ReviewFinding };

export const FINDING_COLUMNS: Column<FindingRow>[] = [
  { zh: "文件", en: "file", kind: "text", value: (r, lang) => formLabel(r.form.file, r.form.formIndex, lang) },
  { zh: "位置", en: "location", kind: "text", value: (r) => r.finding.location },
  { zh: "级别", en: "severity", kind: "text", value: (r, lang) => severityLabel(r.finding.severity, lang) },
  { zh: "规则", en: "rule", kind: "text", value: (r) => r.finding.ruleId },
  { zh: "代码", en: "code", kind: "text", value: (r) => r.finding.code },
  { zh: "说明", en: "message", kind: "text", value: (r) => r.finding.message },
  { zh: "模型路径", en: "path", kind: "text", value: (r) => r.finding.path },
];

const SHEET_NAMES = { zh: ["汇总表", "问题清单"], en: ["summary", "findings"] } as const;

function* findingRows(report: ReviewReport): Generator<FindingRow> {
  for (const e of report.entries) if (e.kind === "form") for (const finding of e.findings) yield { form: e, finding };
}

/** Text that a spreadsheet would take for a formula gets a leading apostrophe (CSV injection). */
function defuse(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

function csvCell(value: Cell, kind: Kind): string {
  if (value === undefined) return "";
  if (typeof value === "number") {
    if (kind === "percent") return `${(value * 100).toFixed(1)}%`;
    return String(Math.round(value * 10000) / 10000);
  }
  return csvField(defuse(value));
}

/** The 汇总表 as CSV: UTF-8 with a BOM (so Excel reads the Chinese), CRLF line ends, RFC 4180 quoting. */
export function summaryCsv(report: ReviewReport): string {
  const lang = report.lang;
  const lines = [SUMMARY_COLUMNS.map((c) => csvField(c[lang])).join(",")];
  for (const e of report.entries) lines.push(SUMMARY_COLUMNS.map((c) => csvCell(c.value(e, lang), c.kind)).join(","));
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}

const NUMBER_FORMATS: Partial<Record<Kind, string>> = { money: "#,##0.00", percent: "0.0%", int: "0" };
const MIN_WIDTH = 6;
const MAX_WIDTH = 60;

/** Column widths in characters: the widest cell (CJK counting 2), within bounds. */
function columnWidths<T>(columns: Column<T>[], rows: Iterable<T>, lang: Lang): number[] {
  const widths = columns.map((c) => displayWidth(c[lang]));
  for (const row of rows) {
    columns.forEach((c, i) => {
      const v = c.value(row, lang);
      if (v === undefined) return;
      const text = typeof v === "number" ? (c.kind === "money" ? v.toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 }) : String(v)) : v;
      const w = displayWidth(text.length > 200 ? text.slice(0, 200) : text);
      if (w > widths[i]!) widths[i] = w;
    });
  }
  return widths.map((w) => Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, w + 2)));
}

/** The 汇总表 as .xlsx bytes (a library call on a review that fits in memory). */
export async function summaryXlsx(report: ReviewReport): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  await writeSummaryXlsx(report, async (chunk) => void chunks.push(chunk));
  return new Uint8Array(Buffer.concat(chunks));
}

/**
 * The 汇总表 as .xlsx, handed to `write` chunk by chunk as the workbook writer makes it, sheet by
 * sheet: nothing holds the whole workbook. Each sheet reads the entries twice (column widths, then rows).
 */
export async function writeSummaryXlsx(report: ReviewReport, write: (chunk: Uint8Array) => Promise<void>): Promise<void> {
  const lang = report.lang;
  const sheet = <T>(name: string, columns: Column<T>[], rows: () => Iterable<T>): XlsxSheet => ({
    name,
    header: true,
    columns: columnWidths(columns, rows(), lang).map((width, i) => ({ width, ...(NUMBER_FORMATS[columns[i]!.kind] ? { numFmt: NUMBER_FORMATS[columns[i]!.kind]! } : {}) })),
    rows: (function* () {
      yield { cells: columns.map((c) => c[lang]), bold: true };
      for (const row of rows()) yield { cells: columns.map((c) => c.value(row, lang)) };
    })(),
  });
  await writeWorkbook([sheet(SHEET_NAMES[lang][0], SUMMARY_COLUMNS, () => report.entries), sheet(SHEET_NAMES[lang][1], FINDING_COLUMNS, () => findingRows(report))], write);
}

/** Whether a 汇总表 file name asks for .xlsx (else it is CSV). */
export function isXlsxName(fileName: string): boolean {
  return /\.xlsx$/i.test(fileName);
}

/** The 汇总表 in the format its file name asks for: `.xlsx`, else CSV. */
export async function summaryTable(report: ReviewReport, fileName: string): Promise<string | Uint8Array> {
  return isXlsxName(fileName) ? summaryXlsx(report) : summaryCsv(report);
}
