import { compareNames } from "../batch/expand.js";
import { addToDepartment, type DepartmentTotals, type ReviewedForm, type ReviewEntry, type ReviewFinding, type ReviewReport } from "../batch/review.js";
import { gradeName } from "../lint/grade.js";
import { GRADES, TIER1, type Tier1Key } from "../model/terms.js";
import { inPathOrder, statusLabel, statusOfCode, type FileStatus, type SkippedFile } from "./accounting.js";
import { csvField } from "./csv.js";
import { displayWidth } from "./display-width.js";
import { formLabel, severityLabel } from "./labels.js";
import { writeWorkbook, type XlsxColumn, type XlsxSheet } from "./xlsx/workbook-writer.js";

/**
 * The 汇总表: one row per form and per file not reviewed (its status, code and reason), closed by a
 * 合计 row, as .xlsx (a frozen bold header, column widths that fit Chinese text, money formats, a
 * filter; a second sheet with one row per finding, a third with subtotals per department) or as
 * .csv (the main sheet; UTF-8 with a BOM, RFC 4180).
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

/** A row of the main sheet: a form, a file that could not be read, or one the walk passed over. */
export type SummaryRow = ReviewEntry | SkippedFile;

const form = (e: SummaryRow): ReviewedForm | undefined => (e.kind === "form" ? e : undefined);

/** Cost indicators as a share of the budget (1 = the whole budget). */
function costShare(e: { costSumWanYuan?: number; budgetWanYuan?: number }): number | undefined {
  if (e.costSumWanYuan === undefined || !e.budgetWanYuan) return undefined;
  return e.costSumWanYuan / e.budgetWanYuan;
}

/** Every file's status: a form is 已审核, other files by their refusal code or skip reason. */
export function rowStatus(e: SummaryRow): FileStatus {
  return e.kind === "form" ? "reviewed" : e.kind === "unreadable" ? statusOfCode(e.code) : e.status;
}

const tier1 = (key: Tier1Key | "other") => (e: SummaryRow) => (form(e) ? (form(e)!.tier1Counts[key] ?? 0) : undefined);

export const SUMMARY_COLUMNS: Column<SummaryRow>[] = [
  { zh: "文件", en: "file", kind: "text", value: (e) => e.file },
  { zh: "状态", en: "status", kind: "text", value: (e, lang) => statusLabel(rowStatus(e), lang) },
  { zh: "表单序号", en: "form", kind: "int", value: (e) => form(e)?.formIndex },
  { zh: "主管部门", en: "department", kind: "text", value: (e) => form(e)?.department },
  { zh: "项目名称", en: "project", kind: "text", value: (e) => form(e)?.project },
  { zh: "预算（万元）", en: "budget (万元)", kind: "money", value: (e) => form(e)?.budgetWanYuan },
  { zh: TIER1.output, en: "output indicators", kind: "int", value: tier1("output") },
  { zh: TIER1.benefit, en: "benefit indicators", kind: "int", value: tier1("benefit") },
  { zh: TIER1.satisfaction, en: "satisfaction indicators", kind: "int", value: tier1("satisfaction") },
  { zh: TIER1.cost, en: "cost indicators", kind: "int", value: tier1("cost") },
  { zh: "其他一级指标", en: "other indicators", kind: "int", value: tier1("other") },
  { zh: "成本指标合计（万元）", en: "cost indicators (万元)", kind: "money", value: (e) => form(e)?.costSumWanYuan },
  { zh: "成本占预算", en: "cost / budget", kind: "percent", value: (e) => (form(e) ? costShare(form(e)!) : undefined) },
  { zh: "错误", en: "errors", kind: "int", value: (e) => form(e)?.counts.error },
  { zh: "警告", en: "warnings", kind: "int", value: (e) => form(e)?.counts.warning },
  { zh: "提示", en: "infos", kind: "int", value: (e) => form(e)?.counts.info },
  { zh: "评级", en: "grade", kind: "text", value: (e, lang) => (form(e) ? gradeName(form(e)!.grade, lang) : undefined) },
  { zh: "主要规则", en: "top rules", kind: "text", value: (e) => form(e)?.topRules.join(", ") },
  { zh: "代码", en: "code", kind: "text", value: (e) => (e.kind === "form" ? undefined : e.code) },
  { zh: "原因", en: "reason", kind: "text", value: (e) => (e.kind === "form" ? undefined : e.kind === "unreadable" ? e.message : e.reason) },
];

/** Sums over the forms, for the closing 合计 row (of the main sheet) and of 部门汇总. */
interface Sums {
  forms: number;
  unread: number;
  budgetWanYuan: number;
  costSumWanYuan: number;
  tier1: Record<Tier1Key | "other", number>;
  error: number;
  warning: number;
  info: number;
}

function emptySums(): Sums {
  return { forms: 0, unread: 0, budgetWanYuan: 0, costSumWanYuan: 0, tier1: { output: 0, benefit: 0, satisfaction: 0, cost: 0, other: 0 }, error: 0, warning: 0, info: 0 };
}

function addToSums(sums: Sums, e: SummaryRow): void {
  const f = form(e);
  if (!f) {
    sums.unread++;
    return;
  }
  sums.forms++;
  sums.budgetWanYuan += f.budgetWanYuan ?? 0;
  sums.costSumWanYuan += f.costSumWanYuan ?? 0;
  for (const key of Object.keys(sums.tier1) as (Tier1Key | "other")[]) sums.tier1[key] += f.tier1Counts[key] ?? 0;
  sums.error += f.counts.error;
  sums.warning += f.counts.warning;
  sums.info += f.counts.info;
}

/** The 合计 row: the word in the file column, no status (which tells it from a file's row), the sums. */
function totalsCells(sums: Sums, lang: Lang): Cell[] {
  const round = (n: number) => Math.round(n * 10000) / 10000;
  const byHeader: Record<string, Cell> = {
    file: lang === "zh" ? "合计" : "total",
    project: lang === "zh" ? `${sums.forms} 份表单，${sums.unread} 个文件未审核` : `${sums.forms} forms, ${sums.unread} files not reviewed`,
    "budget (万元)": round(sums.budgetWanYuan),
    "output indicators": sums.tier1.output,
    "benefit indicators": sums.tier1.benefit,
    "satisfaction indicators": sums.tier1.satisfaction,
    "cost indicators": sums.tier1.cost,
    "other indicators": sums.tier1.other,
    "cost indicators (万元)": round(sums.costSumWanYuan),
    errors: sums.error,
    warnings: sums.warning,
    infos: sums.info,
  };
  return SUMMARY_COLUMNS.map((c) => byHeader[c.en]);
}

type FindingRow = { form: ReviewedForm; finding: ReviewFinding; title: string };

export const FINDING_COLUMNS: Column<FindingRow>[] = [
  { zh: "文件", en: "file", kind: "text", value: (r, lang) => formLabel(r.form.file, r.form.formIndex, lang) },
  { zh: "主管部门", en: "department", kind: "text", value: (r) => r.form.department },
  { zh: "项目名称", en: "project", kind: "text", value: (r) => r.form.project },
  { zh: "位置", en: "location", kind: "text", value: (r) => r.finding.location },
  { zh: "级别", en: "severity", kind: "text", value: (r, lang) => severityLabel(r.finding.severity, lang) },
  { zh: "规则", en: "rule", kind: "text", value: (r) => r.finding.ruleId },
  { zh: "规则名称", en: "rule title", kind: "text", value: (r) => r.title },
  { zh: "代码", en: "code", kind: "text", value: (r) => r.finding.code },
  { zh: "说明", en: "message", kind: "text", value: (r) => r.finding.message },
  { zh: "模型路径", en: "path", kind: "text", value: (r) => r.finding.path },
];

type DepartmentRow = DepartmentTotals & { total?: true };

const GRADE_ORDER = [GRADES.excellent, GRADES.good, GRADES.fair, GRADES.poor];

export const DEPARTMENT_COLUMNS: Column<DepartmentRow>[] = [
  {
    zh: "主管部门",
    en: "department",
    kind: "text",
    value: (d, lang) => (d.total ? (lang === "zh" ? "合计" : "total") : d.department || (lang === "zh" ? "（未填部门）" : "(no department)")),
  },
  { zh: "表单数", en: "forms", kind: "int", value: (d) => d.forms },
  { zh: "预算合计（万元）", en: "budget (万元)", kind: "money", value: (d) => Math.round(d.budgetWanYuan * 10000) / 10000 },
  { zh: "成本指标合计（万元）", en: "cost indicators (万元)", kind: "money", value: (d) => Math.round(d.costSumWanYuan * 10000) / 10000 },
  { zh: "错误", en: "errors", kind: "int", value: (d) => d.errors },
  { zh: "警告", en: "warnings", kind: "int", value: (d) => d.warnings },
  { zh: "提示", en: "infos", kind: "int", value: (d) => d.infos },
  ...GRADE_ORDER.map((g): Column<DepartmentRow> => ({ zh: `评级${g}`, en: `grade ${gradeName(g, "en")}`, kind: "int", value: (d) => d.grades[g] ?? 0 })),
];

const SHEET_NAMES = { zh: ["汇总表", "问题清单", "部门汇总"], en: ["summary", "findings", "departments"] } as const;

/** The main sheet's rows: every file, the skipped ones in their path order among the rest. */
function summaryRows(report: ReviewReport): Iterable<SummaryRow> {
  return inPathOrder<SummaryRow>(report.entries, report.skippedFiles ?? []);
}

/** Locations in reading order (表1 第9行 before 表1 第10行); findings with no location last. */
function byLocation(a: ReviewFinding, b: ReviewFinding): number {
  if (!a.location || !b.location) return (a.location ? 0 : 1) - (b.location ? 0 : 1);
  return compareNames(a.location, b.location);
}

function* findingRows(report: ReviewReport): Generator<FindingRow> {
  const titles = report.ruleTitles ?? {};
  for (const e of report.entries) {
    if (e.kind !== "form") continue;
    // Array sort is stable: findings at one place keep the engine's order.
    for (const finding of [...e.findings].sort(byLocation)) yield { form: e, finding, title: Object.hasOwn(titles, finding.ruleId) ? titles[finding.ruleId]! : "" };
  }
}

/** Per department, in name order (the forms without one last), then the 合计 row. */
function departmentRows(departments: Map<string, DepartmentTotals>): DepartmentRow[] {
  const rows: DepartmentRow[] = [...departments.values()].sort((a, b) => (a.department === "" ? 1 : 0) - (b.department === "" ? 1 : 0) || compareNames(a.department, b.department));
  const total: DepartmentRow = { total: true, department: "", forms: 0, budgetWanYuan: 0, costSumWanYuan: 0, errors: 0, warnings: 0, infos: 0, grades: {} };
  for (const d of rows) {
    total.forms += d.forms;
    total.budgetWanYuan += d.budgetWanYuan;
    total.costSumWanYuan += d.costSumWanYuan;
    total.errors += d.errors;
    total.warnings += d.warnings;
    total.infos += d.infos;
    for (const [g, n] of Object.entries(d.grades)) total.grades[g] = (total.grades[g] ?? 0) + n;
  }
  rows.push(total);
  return rows;
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
  const sums = emptySums();
  for (const e of summaryRows(report)) {
    addToSums(sums, e);
    lines.push(SUMMARY_COLUMNS.map((c) => csvCell(c.value(e, lang), c.kind)).join(","));
  }
  const totals = totalsCells(sums, lang);
  lines.push(SUMMARY_COLUMNS.map((c, i) => csvCell(totals[i], c.kind)).join(","));
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
  /** A sheet of `rows`; `closing` makes a bold last row (the 合计) from what `onRow` saw. */
  const sheet = <T>(name: string, columns: Column<T>[], rows: () => Iterable<T>, extra: { onRow?: (row: T) => void; closing?: () => Cell[] } = {}): XlsxSheet => {
    let widths: XlsxColumn[] | undefined;
    return {
      name,
      header: true,
      // Measured when the writer reaches the sheet: a later sheet's rows come from an earlier one's.
      get columns() {
        return (widths ??= columnWidths(columns, rows(), lang).map((width, i) => ({ width, ...(NUMBER_FORMATS[columns[i]!.kind] ? { numFmt: NUMBER_FORMATS[columns[i]!.kind]! } : {}) })));
      },
      rows: (function* () {
        yield { cells: columns.map((c) => c[lang]), bold: true };
        for (const row of rows()) {
          extra.onRow?.(row);
          yield { cells: columns.map((c) => c.value(row, lang)) };
        }
        if (extra.closing) yield { cells: extra.closing(), bold: true };
      })(),
    };
  };
  const sums = emptySums();
  // The department subtotals are gathered as the main sheet's rows are written: no extra pass over the review.
  const byDepartment = new Map<string, DepartmentTotals>();
  const onRow = (e: SummaryRow) => {
    addToSums(sums, e);
    if (e.kind === "form") addToDepartment(byDepartment, e);
  };
  let split: { rows: DepartmentRow[]; total: DepartmentRow } | undefined;
  const departments = () => {
    if (!split) {
      const rows = departmentRows(byDepartment);
      split = { total: rows.pop()!, rows };
    }
    return split;
  };
  await writeWorkbook(
    [
      sheet(SHEET_NAMES[lang][0], SUMMARY_COLUMNS, () => summaryRows(report), { onRow, closing: () => totalsCells(sums, lang) }),
      sheet(SHEET_NAMES[lang][1], FINDING_COLUMNS, () => findingRows(report)),
      sheet(SHEET_NAMES[lang][2], DEPARTMENT_COLUMNS, () => departments().rows, { closing: () => DEPARTMENT_COLUMNS.map((c) => c.value(departments().total, lang)) }),
    ],
    write,
  );
}

/** Whether a 汇总表 file name asks for .xlsx (else it is CSV). */
export function isXlsxName(fileName: string): boolean {
  return /\.xlsx$/i.test(fileName);
}

/** The 汇总表 in the format its file name asks for: `.xlsx`, else CSV. */
export async function summaryTable(report: ReviewReport, fileName: string): Promise<string | Uint8Array> {
  return isXlsxName(fileName) ? summaryXlsx(report) : summaryCsv(report);
}
