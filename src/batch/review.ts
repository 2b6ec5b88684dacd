import type { FormResult, ReportResult } from "../lint/types.js";
import type { Form } from "../model/form.js";
import { indicatorEntries } from "../model/indicator-entries.js";
import { TIER1, type Tier1Key } from "../model/terms.js";
import { budgetWanYuan } from "../rules/helpers/money.js";
import { annualCosts } from "../rules/helpers/cost-sum.js";
import { canonicalTier1 } from "../rules/helpers/taxonomy.js";
import type { Severity } from "../rules/types.js";
import { topRuleIds } from "../report/labels.js";
import type { SkippedFile } from "../report/accounting.js";
import type { SkipReason } from "./expand.js";
import { MemoryEntryStore, type EntryStore } from "./review-store.js";

/**
 * What a batch review hands to the reviewer's outputs (the 汇总表 and the HTML report):
 * per form its header facts and findings, unreadable files with their code, skipped files counted.
 * Compact on purpose: one language, no parsed model, so 10,000 forms stay small.
 */

/** Facts of a form the reports show beside its findings. */
export interface FormFacts {
  department?: string;
  /** 资金总额 in 万元. */
  budgetWanYuan?: number;
  /** Indicators (placeholders excluded) per canonical 一级; `other` for unknown labels. */
  tier1Counts: Partial<Record<Tier1Key | "other", number>>;
  /** Σ of the money-valued 成本 indicators of the annual table in 万元, as the cost rule sums them; absent when none. */
  costSumWanYuan?: number;
  /** 资金总额 as the form gives it, in `amountUnit` (the 审核意见 quote it so). */
  fundingTotal?: number;
  amountUnit?: string;
}

const TIER1_KEY_BY_NAME = new Map<string, Tier1Key>(Object.entries(TIER1).map(([k, v]) => [v, k as Tier1Key]));

export function formFacts(form: Form): FormFacts {
  const tier1Counts: FormFacts["tier1Counts"] = {};
  for (const entry of indicatorEntries(form)) {
    const name = canonicalTier1(entry.row.tier1).name;
    const key = (name && TIER1_KEY_BY_NAME.get(name)) || "other";
    tier1Counts[key] = (tier1Counts[key] ?? 0) + 1;
  }
  const costs = annualCosts(form);
  const budget = budgetWanYuan(form);
  const department = form.project.department?.name;
  return {
    ...(department ? { department } : {}),
    ...(budget !== undefined ? { budgetWanYuan: budget } : {}),
    tier1Counts,
    ...(costs.amounts.length > 0 ? { costSumWanYuan: Math.round(costs.sum * 10000) / 10000 } : {}),
    ...(form.funding.total !== undefined ? { fundingTotal: form.funding.total } : {}),
    ...(form.amountUnit ? { amountUnit: form.amountUnit } : {}),
  };
}

export interface ReviewFinding {
  severity: Severity;
  ruleId: string;
  code: string;
  message: string;
  /** Model path. */
  path: string;
  /** The cell or line, as people read it (表2 第7行第4列). */
  location: string;
  /** `perfgoal fix` can correct it. */
  fixable?: true;
}

export interface ReviewedForm extends FormFacts {
  kind: "form";
  file: string;
  formIndex?: number;
  project?: string;
  counts: FormResult["counts"];
  grade: FormResult["grade"];
  /** The three most frequent rule ids. */
  topRules: string[];
  findings: ReviewFinding[];
}

export interface UnreadableFile {
  kind: "unreadable";
  file: string;
  code: string;
  message: string;
}

export type ReviewEntry = ReviewedForm | UnreadableFile;

export interface ReviewReport {
  lang: "zh" | "en";
  version?: string;
  /** ISO time the review ran. */
  generatedAt: string;
  /** In input order (sorted by path); may be read more than once (a spool file reads back each time). */
  entries: Iterable<ReviewEntry>;
  skipped: Partial<Record<SkipReason, number>>;
  /** The skipped files that get a row of their own (lock files, other types …), sorted by path. */
  skippedFiles?: readonly SkippedFile[];
  /** Each rule's title in the report's language, by rule id, to show beside the id. */
  ruleTitles?: Readonly<Record<string, string>>;
  /** True when Ctrl-C stopped the batch: the report covers only what was done. */
  interrupted?: boolean;
}

/** One lint result (and the facts of its form) as a report entry. */
export function reviewEntry(result: ReportResult, facts: FormFacts | undefined): ReviewEntry {
  if ("fatal" in result) return { kind: "unreadable", file: result.file, code: result.fatal.code, message: result.fatal.message };
  return {
    kind: "form",
    file: result.file,
    ...(result.formIndex !== undefined ? { formIndex: result.formIndex } : {}),
    ...(result.project ? { project: result.project } : {}),
    ...(facts ?? { tier1Counts: {} }),
    counts: result.counts,
    grade: result.grade,
    topRules: topRuleIds(result.findings),
    findings: result.findings.map((f) => ({ severity: f.severity, ruleId: f.ruleId, code: f.code, message: f.message, path: f.path, location: f.locationText, ...(f.fixable ? { fixable: true as const } : {}) })),
  };
}

export interface ReviewTotals {
  forms: number;
  unreadable: number;
  /** The files that could not be read, in input order. */
  unreadableFiles: UnreadableFile[];
  errors: number;
  warnings: number;
  infos: number;
  grades: Record<string, number>;
  skipped: number;
  /** Findings per rule id, by severity, most frequent first. */
  byRule: { ruleId: string; code: string; error: number; warning: number; info: number; total: number }[];
  /** Σ budget (万元) of the forms that give one. */
  budgetWanYuan: number;
  /** Σ cost sums (万元) of the forms that have money-valued cost indicators. */
  costSumWanYuan: number;
  /** Per department, largest budget first; forms without a department under "". */
  byDepartment: DepartmentTotals[];
}

export interface DepartmentTotals {
  department: string;
  forms: number;
  budgetWanYuan: number;
  costSumWanYuan: number;
  errors: number;
  warnings: number;
  infos: number;
  grades: Record<string, number>;
}

/** Count a form into its department's subtotals (forms without a department under ""). */
export function addToDepartment(departments: Map<string, DepartmentTotals>, e: ReviewedForm): void {
  const name = e.department ?? "";
  let d = departments.get(name);
  if (!d) departments.set(name, (d = { department: name, forms: 0, budgetWanYuan: 0, costSumWanYuan: 0, errors: 0, warnings: 0, infos: 0, grades: {} }));
  d.forms++;
  d.budgetWanYuan += e.budgetWanYuan ?? 0;
  d.costSumWanYuan += e.costSumWanYuan ?? 0;
  d.errors += e.counts.error;
  d.warnings += e.counts.warning;
  d.infos += e.counts.info;
  d.grades[e.grade] = (d.grades[e.grade] ?? 0) + 1;
}

export function reviewTotals(report: ReviewReport): ReviewTotals {
  const totals: ReviewTotals = { forms: 0, unreadable: 0, unreadableFiles: [], errors: 0, warnings: 0, infos: 0, grades: {}, skipped: 0, byRule: [], budgetWanYuan: 0, costSumWanYuan: 0, byDepartment: [] };
  const rules = new Map<string, ReviewTotals["byRule"][number]>();
  const departments = new Map<string, DepartmentTotals>();
  for (const e of report.entries) {
    if (e.kind === "unreadable") {
      totals.unreadable++;
      totals.unreadableFiles.push(e);
      continue;
    }
    totals.forms++;
    totals.errors += e.counts.error;
    totals.warnings += e.counts.warning;
    totals.infos += e.counts.info;
    totals.grades[e.grade] = (totals.grades[e.grade] ?? 0) + 1;
    totals.budgetWanYuan += e.budgetWanYuan ?? 0;
    totals.costSumWanYuan += e.costSumWanYuan ?? 0;
    for (const f of e.findings) {
      let r = rules.get(f.ruleId);
      if (!r) rules.set(f.ruleId, (r = { ruleId: f.ruleId, code: f.code, error: 0, warning: 0, info: 0, total: 0 }));
      r[f.severity]++;
      r.total++;
    }
    addToDepartment(departments, e);
  }
  totals.skipped = Object.values(report.skipped).reduce((a, b) => a + (b ?? 0), 0);
  totals.byRule = [...rules.values()].sort((a, b) => b.total - a.total || (a.ruleId < b.ruleId ? -1 : 1));
  totals.byDepartment = [...departments.values()].sort((a, b) => b.budgetWanYuan - a.budgetWanYuan || (a.department < b.department ? -1 : 1));
  return totals;
}

/**
 * Gathers the review entry by entry, as results stream in, keeping only the compact records, in
 * the store given (in memory by default; the CLI spools them to a temporary file).
 */
export class ReviewCollector {
  private readonly store: EntryStore;

  constructor(options: { store?: EntryStore } = {}) {
    this.store = options.store ?? new MemoryEntryStore();
  }

  /** Add one result (in input order) and the facts of its form. */
  add(result: ReportResult, facts?: FormFacts): void {
    this.store.push(reviewEntry(result, facts));
  }

  report(meta: Pick<ReviewReport, "lang" | "version" | "skipped" | "skippedFiles" | "ruleTitles" | "interrupted"> & { now?: Date }): ReviewReport {
    return {
      lang: meta.lang,
      ...(meta.version ? { version: meta.version } : {}),
      generatedAt: (meta.now ?? new Date()).toISOString(),
      entries: this.store,
      skipped: meta.skipped,
      ...(meta.skippedFiles ? { skippedFiles: meta.skippedFiles } : {}),
      ...(meta.ruleTitles ? { ruleTitles: meta.ruleTitles } : {}),
      ...(meta.interrupted ? { interrupted: true } : {}),
    };
  }

  /** Let go of the entries (a spool file is deleted). */
  close(): void {
    this.store.close();
  }
}
