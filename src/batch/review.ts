import type { FormResult, ReportResult } from "../lint/types.js";
import type { Form } from "../model/form.js";
import { indicatorEntries } from "../model/indicator-entries.js";
import { TIER1, type Tier1Key } from "../model/terms.js";
import { budgetWanYuan } from "../rules/helpers/money.js";
import { canonicalTier1, dimensionOf } from "../rules/helpers/taxonomy.js";
import { moneyWanYuan } from "../rules/helpers/values.js";
import type { Severity } from "../rules/types.js";
import { topRuleIds } from "../report/labels.js";
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
  /** 资金总额 as the form writes it, in the form's unit (the 审核意见 quote it so). */
  fundingTotal?: { amount: number; unit: string };
  /** Indicators (placeholders excluded) per canonical 一级; `other` for unknown labels. */
  tier1Counts: Partial<Record<Tier1Key | "other", number>>;
  /** Σ of the money-valued 成本 indicators of the annual table in 万元, as the cost rule sums them; absent when none. */
  costSumWanYuan?: number;
}

const TIER1_KEY_BY_NAME = new Map<string, Tier1Key>(Object.entries(TIER1).map(([k, v]) => [v, k as Tier1Key]));

export function formFacts(form: Form): FormFacts {
  const tier1Counts: FormFacts["tier1Counts"] = {};
  let costSum = 0;
  let costAmounts = 0;
  for (const entry of indicatorEntries(form)) {
    const name = canonicalTier1(entry.row.tier1).name;
    const key = (name && TIER1_KEY_BY_NAME.get(name)) || "other";
    tier1Counts[key] = (tier1Counts[key] ?? 0) + 1;
    if (entry.table === "annual" && dimensionOf(entry.row) === "cost") {
      const amount = moneyWanYuan(entry.row.value);
      if (amount !== undefined) {
        costSum += amount;
        costAmounts++;
      }
    }
  }
  const budget = budgetWanYuan(form);
  const department = form.project.department?.name;
  return {
    ...(department ? { department } : {}),
    ...(budget !== undefined ? { budgetWanYuan: budget } : {}),
    ...(form.funding.total !== undefined ? { fundingTotal: { amount: form.funding.total, unit: form.amountUnit } } : {}),
    tier1Counts,
    ...(costAmounts > 0 ? { costSumWanYuan: Math.round(costSum * 10000) / 10000 } : {}),
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
    findings: result.findings.map((f) => ({ severity: f.severity, ruleId: f.ruleId, code: f.code, message: f.message, path: f.path, location: f.locationText })),
  };
}

export interface ReviewTotals {
  forms: number;
  unreadable: number;
  errors: number;
  warnings: number;
  infos: number;
  grades: Record<string, number>;
  skipped: number;
  /** Findings per rule id, by severity, most frequent first. */
  byRule: { ruleId: string; code: string; error: number; warning: number; info: number; total: number }[];
  /** Σ budget (万元) and forms per department, largest first; forms without a department under "". */
  byDepartment: { department: string; budgetWanYuan: number; forms: number }[];
}

export function reviewTotals(report: ReviewReport): ReviewTotals {
  const totals: ReviewTotals = { forms: 0, unreadable: 0, errors: 0, warnings: 0, infos: 0, grades: {}, skipped: 0, byRule: [], byDepartment: [] };
  const rules = new Map<string, ReviewTotals["byRule"][number]>();
  const departments = new Map<string, ReviewTotals["byDepartment"][number]>();
  for (const e of report.entries) {
    if (e.kind === "unreadable") {
      totals.unreadable++;
      continue;
    }
    totals.forms++;
    totals.errors += e.counts.error;
    totals.warnings += e.counts.warning;
    totals.infos += e.counts.info;
    totals.grades[e.grade] = (totals.grades[e.grade] ?? 0) + 1;
    for (const f of e.findings) {
      let r = rules.get(f.ruleId);
      if (!r) rules.set(f.ruleId, (r = { ruleId: f.ruleId, code: f.code, error: 0, warning: 0, info: 0, total: 0 }));
      r[f.severity]++;
      r.total++;
    }
    const name = e.department ?? "";
    let d = departments.get(name);
    if (!d) departments.set(name, (d = { department: name, budgetWanYuan: 0, forms: 0 }));
    d.forms++;
    d.budgetWanYuan += e.budgetWanYuan ?? 0;
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

  constructor(private readonly options: { errorsOnly?: boolean; store?: EntryStore } = {}) {
    this.store = options.store ?? new MemoryEntryStore();
  }

  /** Add one result (in input order) and the facts of its form. */
  add(result: ReportResult, facts?: FormFacts): void {
    const entry = reviewEntry(result, facts);
    if (entry.kind === "form" && this.options.errorsOnly) entry.findings = entry.findings.filter((f) => f.severity === "error");
    this.store.push(entry);
  }

  report(meta: { lang: "zh" | "en"; version?: string; skipped: ReviewReport["skipped"]; interrupted?: boolean; now?: Date }): ReviewReport {
    return {
      lang: meta.lang,
      ...(meta.version ? { version: meta.version } : {}),
      generatedAt: (meta.now ?? new Date()).toISOString(),
      entries: this.store,
      skipped: meta.skipped,
      ...(meta.interrupted ? { interrupted: true } : {}),
    };
  }

  /** Let go of the entries (a spool file is deleted). */
  close(): void {
    this.store.close();
  }
}
