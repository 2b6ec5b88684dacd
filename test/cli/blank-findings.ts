import { expect } from "vitest";
import { runCli } from "./run-cli.js";

/**
 * What perfgoal may report of a blank form: what is missing, nothing else (rule id and message
 * id). A finding outside this set would be a complaint about something the clerk never wrote.
 */
export const MISSING = new Set([
  "required-header-fields:missing",
  "indicator-row-complete:notApplicable",
  "indicator-count:tooFew",
  "tier1-coverage:noOutput",
  "tier1-coverage:noBenefit",
  "tier1-coverage:noSatisfaction",
  "core-tier2-coverage:noBenefitTier2",
  "cost-within-budget:noMoneyCost",
  "signature-block:emptyField",
]);

export interface BlankFinding {
  ruleId: string;
  messageId: string;
  path: string;
}

/** `perfgoal validate <file> -f json` in `cwd`: the one form's findings (the form read, not refused). */
export async function validateBlank(cwd: string, file: string): Promise<BlankFinding[]> {
  const r = await runCli(["validate", file, "-f", "json"], { cwd });
  expect(r.code, r.stderr).toBe(1);
  const report = JSON.parse(r.stdout) as { results: { fatal?: unknown; findings: BlankFinding[] }[] };
  expect(report.results).toHaveLength(1);
  expect(report.results[0]!.fatal).toBeUndefined();
  return report.results[0]!.findings;
}

/** The findings outside MISSING (expected: none), and the paths of required fields reported missing. */
export function sortFindings(findings: readonly BlankFinding[]): { unexpected: string[]; missingFields: string[] } {
  return {
    unexpected: findings.map((f) => `${f.ruleId}:${f.messageId}`).filter((id) => !MISSING.has(id)),
    missingFields: findings.filter((f) => f.ruleId === "required-header-fields").map((f) => f.path).sort(),
  };
}
