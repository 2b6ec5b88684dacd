/** Form builders and a rule runner for the rule tests. */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Form, type IndicatorRow } from "../../src/model/form.js";
import type { IndicatorValue } from "../../src/model/value.js";
import { parseValue } from "../../src/model/value-parse.js";
import type { Rule, RuleReport, Severity, TaxonomyEra } from "../../src/rules/types.js";
import type { ReadingNote } from "../../src/model/reading-notes.js";

export const SEED_PIPES = fileURLToPath(new URL("../../examples/hengdong-2023.pipes.txt", import.meta.url));

/** A value from its raw text (the model's parser) or given explicitly. */
export function val(value: string | IndicatorValue): IndicatorValue {
  return typeof value === "string" ? parseValue(value) : value;
}

export function row(
  tier1: string,
  tier2: string,
  tier3: string,
  value: string | IndicatorValue,
  extra: Partial<IndicatorRow> = {},
): IndicatorRow {
  return { tier1, tier2, tier3, value: val(value), ...extra };
}

type FormInput = Partial<Omit<Form, "indicators">> & { annual?: IndicatorRow[]; longTerm?: IndicatorRow[] };

/** A complete, valid form with the given parts; header fields default to plausible values. */
export function makeForm(input: FormInput = {}): Form {
  const { annual = [], longTerm, ...rest } = input;
  return Form.parse({
    amountUnit: "万元",
    project: { name: "测试项目", department: { name: "测试局" }, period: { text: "2023年度", start: "2023-01", end: "2023-12" } },
    funding: { total: 100 },
    goals: { annual: "完成年度工作任务。" },
    ...rest,
    indicators: { annual, ...(longTerm ? { longTerm } : {}) },
  });
}

export interface RunOptions {
  era?: TaxonomyEra;
  options?: Record<string, unknown>;
  profile?: string;
  /** What the reader repaired to read the form (loadFormYaml's notes). */
  notes?: readonly ReadingNote[];
}

export interface Reported extends RuleReport {
  severity: Severity;
}

/** Run one rule the way the engine does: options over defaults, severity from the report or the rule. */
export function runRule(rule: Rule, form: Form, run: RunOptions = {}): Reported[] {
  const out: Reported[] = [];
  rule.check(form, {
    era: run.era ?? "A",
    options: { ...rule.meta.defaultOptions, ...run.options },
    ...(run.profile !== undefined ? { profile: run.profile } : {}),
    ...(run.notes !== undefined ? { notes: run.notes } : {}),
    report: (r) => void out.push({ ...r, severity: r.severity ?? rule.meta.severity }),
  });
  return out;
}

export const ids = (reports: Reported[]) => reports.map((r) => r.messageId);

/** Cells of the seed's pipe-table lines: `| a | b |` → [a, b]. */
function cells(line: string): string[] {
  return line.trim().replace(/^\|/, "").replace(/\|$/, "").split("|").map((c) => c.trim());
}

/**
 * The seed form (衡东县政府办 2023), built in code from its pipe-table text: header fields by label,
 * indicator rows with 一级/二级 filled down, values through the model's parser.
 */
export function seedForm(): Form {
  const lines = readFileSync(SEED_PIPES, "utf8").split(/\r?\n/);
  const header = new Map<string, string[]>();
  const annual: IndicatorRow[] = [];
  let inIndicators = false;
  let tier1 = "";
  let tier2 = "";
  for (const line of lines.filter((l) => l.trim().startsWith("|"))) {
    const c = cells(line);
    if (c[0] === "本年度绩效指标") {
      inIndicators = true;
      continue;
    }
    if (!inIndicators) {
      header.set(c[0] ?? "", c.slice(1));
      continue;
    }
    const [, t1 = "", t2 = "", t3 = "", raw = "", standard = ""] = c;
    tier1 = t1 || tier1;
    tier2 = t2 || tier2;
    annual.push(row(tier1, tier2, t3, raw, standard ? { standard } : {}));
  }
  const first = (label: string, i = 0) => header.get(label)?.[i] ?? "";
  return makeForm({
    title: "2023年度项目支出预算绩效目标申报表",
    year: 2023,
    attachmentLabel: "附件2",
    fillingUnit: "衡东县政府办",
    amountUnit: "万元",
    project: {
      name: first("项目支出名称"),
      department: { name: first("项目支出名称", 3) },
      period: { text: first("项目支出实施期"), start: "2023-01", end: "2023-12" },
    },
    funding: { total: Number(first("年度本级预算金额")), ownLevel: Number(first("年度本级预算金额")) },
    goals: { longTerm: first("实施期绩效目标"), annual: first("本年度绩效目标") },
    source: { file: "hengdong-2023.pipes.txt", format: "txt", layout: "L1" },
    annual,
  });
}

/** Index of the seed row whose 三级 name is `name` under 二级 `tier2`. */
export function seedIndex(form: Form, tier2: string, name: string): number {
  const i = form.indicators.annual.findIndex((r) => r.tier2 === tier2 && r.tier3 === name);
  if (i < 0) throw new Error(`no seed row ${tier2} / ${name}`);
  return i;
}
