import { GRADES, type Grade } from "../model/terms.js";
import type { Severity } from "../rules/types.js";
import type { SeverityCounts } from "./types.js";

export function countSeverities(findings: readonly { severity: Severity }[]): SeverityCounts {
  const counts: SeverityCounts = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity]++;
  return counts;
}

/**
 * Advisory grade in the manner of 88号's 审核结果 (catalogue, "Suggested grading"):
 * 0 errors and ≤ 3 warnings → 优; 0 errors → 良; ≤ 2 errors → 中; otherwise 差.
 */
export function gradeOf(counts: SeverityCounts): Grade {
  if (counts.error === 0) return counts.warning <= 3 ? GRADES.excellent : GRADES.good;
  return counts.error <= 2 ? GRADES.fair : GRADES.poor;
}

/** English name of a grade, for --lang en. */
export function gradeName(grade: Grade, lang: "zh" | "en"): string {
  if (lang === "zh") return grade;
  const key = (Object.keys(GRADES) as (keyof typeof GRADES)[]).find((k) => GRADES[k] === grade);
  return key ?? grade;
}
