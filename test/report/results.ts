import type { RuleMeta } from "../../src/rules/types.js";
import type { Finding, FormResult, LintResult } from "../../src/lint/types.js";

/** Canned results for formatter tests. */
export function finding(over: Partial<Finding> = {}): Finding {
  return {
    ruleId: "cost-not-lower-bound",
    code: "PG014",
    severity: "error",
    messageId: "lowerBound",
    message: "成本指标不应写成下限：≧40万元",
    messageZh: "成本指标不应写成下限：≧40万元",
    messageEn: "a cost cap must not be a lower bound: ≧40万元",
    path: "indicators.annual[1].value",
    location: { kind: "cell", table: 2, row: 12, col: 4 },
    locationText: "表2 第12行第4列",
    ...over,
  };
}

export function form(over: Partial<FormResult> = {}): FormResult {
  const findings = over.findings ?? [finding()];
  const counts = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity]++;
  return { file: "a.docx", project: "禁毒宣传经费", findings, counts, grade: "中", era: "A", eraSource: "detected", ...over };
}

export const fatal: LintResult = {
  file: "坏 文件.docx",
  fatal: { code: "PG-E-ENCRYPTED", message: "文件已加密（设有密码）", messageZh: "文件已加密（设有密码）", messageEn: "file is encrypted (password protected)" },
};

/** One rule's metadata, as reports carry it. */
export const ruleMeta: RuleMeta = {
  id: "cost-not-lower-bound",
  code: "PG014",
  severity: "error",
  description: { zh: "成本", en: "cost" },
  source: { zh: "实践", en: "practice" },
  messages: { lowerBound: { zh: "下限", en: "lower bound" } },
};
