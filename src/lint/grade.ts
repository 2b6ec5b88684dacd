import { GRADES, type Grade } from "../model/terms.js";
import type { Severity } from "../rules/types.js";
import type { SeverityCounts } from "./types.js";

export function countSeverities(findings: readonly { severity: Severity }[]): SeverityCounts {
  const counts: SeverityCounts = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity]++;
  return counts;
}

/** The most errors and warnings a form may have and still earn a grade; absent means any number. */
export interface GradeBand {
  maxErrors?: number;
  maxWarnings?: number;
}

/** Limits for 优, 良 and 中, tried in that order; a form within none is 差. */
export interface GradeBands {
  excellent: GradeBand;
  good: GradeBand;
  fair: GradeBand;
}

/**
 * In the manner of 88号's 审核结果 (catalogue, "Suggested grading"): 0 errors and ≤ 3 warnings → 优;
 * 0 errors → 良; ≤ 2 errors → 中; otherwise 差.
 */
export const DEFAULT_GRADE_BANDS: GradeBands = {
  excellent: { maxErrors: 0, maxWarnings: 3 },
  good: { maxErrors: 0 },
  fair: { maxErrors: 2 },
};

/**
 * What the grade counts: each kind of problem once (one rule, one message, one severity), however
 * many cells repeat it — six cost rows written `≧…万元` are one slip to correct, not six. The
 * report still lists every cell.
 */
export function gradeCounts(findings: readonly { ruleId: string; messageId: string; severity: Severity }[]): SeverityCounts {
  const seen = new Set<string>();
  const counts: SeverityCounts = { error: 0, warning: 0, info: 0 };
  for (const f of findings) {
    const kind = `${f.ruleId}\u0000${f.messageId}\u0000${f.severity}`;
    if (seen.has(kind)) continue;
    seen.add(kind);
    counts[f.severity]++;
  }
  return counts;
}

function within(counts: SeverityCounts, band: GradeBand): boolean {
  return (band.maxErrors === undefined || counts.error <= band.maxErrors) && (band.maxWarnings === undefined || counts.warning <= band.maxWarnings);
}

/** The advisory grade of counts (from gradeCounts) under the bands. */
export function gradeOf(counts: SeverityCounts, bands: GradeBands = DEFAULT_GRADE_BANDS): Grade {
  if (within(counts, bands.excellent)) return GRADES.excellent;
  if (within(counts, bands.good)) return GRADES.good;
  if (within(counts, bands.fair)) return GRADES.fair;
  return GRADES.poor;
}

/** One band in words: `无错误且警告不超过 3 类`. */
export function gradeBandText(b: GradeBand, lang: "zh" | "en"): string {
  const parts: string[] = [];
  if (b.maxErrors !== undefined) parts.push(lang === "zh" ? (b.maxErrors === 0 ? "无错误" : `错误不超过 ${b.maxErrors} 类`) : b.maxErrors === 0 ? "no errors" : `at most ${b.maxErrors} kinds of error`);
  if (b.maxWarnings !== undefined) parts.push(lang === "zh" ? `警告不超过 ${b.maxWarnings} 类` : `at most ${b.maxWarnings} kinds of warning`);
  return parts.length > 0 ? parts.join(lang === "zh" ? "且" : " and ") : lang === "zh" ? "不限" : "any";
}

/** The bands in words, for `perfgoal rules` and the reports. */
export function gradeBasis(bands: GradeBands, lang: "zh" | "en"): string {
  const band = (b: GradeBand) => gradeBandText(b, lang);
  return lang === "zh"
    ? `参考评级：优 = ${band(bands.excellent)}；良 = ${band(bands.good)}；中 = ${band(bands.fair)}；其余为差。同一规则的同一类问题无论出现在多少个单元格只计一次（报告仍逐格列出）；阈值可在配置文件的 grade 中修改。`
    : `Advisory grade: 优 (excellent) = ${band(bands.excellent)}; 良 (good) = ${band(bands.good)}; 中 (fair) = ${band(bands.fair)}; otherwise 差 (poor). One kind of problem under one rule counts once however many cells repeat it (the report still lists every cell); the thresholds are set under grade in the config file.`;
}

/** English name of a grade, for --lang en. */
export function gradeName(grade: Grade, lang: "zh" | "en"): string {
  if (lang === "zh") return grade;
  const key = (Object.keys(GRADES) as (keyof typeof GRADES)[]).find((k) => GRADES[k] === grade);
  return key ?? grade;
}
