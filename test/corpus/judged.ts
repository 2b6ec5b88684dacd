/**
 * Judged findings on the real forms: every finding perfgoal gives on a complete corpus form, read
 * against the form text and judged as a reviewer would (right / debatable / wrong, with a reason).
 * One file per form in test/corpus/judged/<form-id>.json.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Severity } from "../../src/rules/types.js";

export const JUDGED_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), "judged");

export const JUDGEMENTS = ["right", "debatable", "wrong"] as const;
export type Judgement = (typeof JUDGEMENTS)[number];

export interface JudgedFinding {
  ruleId: string;
  messageId: string;
  path: string;
  severity: Severity;
  judgement: Judgement;
  /** One line: why, in terms of the form and the rule catalogue. A misread starts with “misread”. */
  reason: string;
}

/** What a finding is known by: its rule, its message and the model path it points to. */
export type FindingKey = Pick<JudgedFinding, "ruleId" | "messageId" | "path">;
export const keyOf = (f: FindingKey) => `${f.ruleId} ${f.messageId} ${f.path}`;

export const judgedFile = (formId: string) => path.join(JUDGED_DIR, `${formId}.json`);

export function readJudged(formId: string): JudgedFinding[] | undefined {
  const file = judgedFile(formId);
  return existsSync(file) ? (JSON.parse(readFileSync(file, "utf8")) as JudgedFinding[]) : undefined;
}

export interface JudgedDiff {
  /** Findings no one has judged yet. */
  unjudged: (FindingKey & { severity: Severity; message: string })[];
  /** Judged findings perfgoal no longer gives. */
  gone: JudgedFinding[];
  /** Judged findings whose severity changed: [judged, now]. */
  severityChanged: [JudgedFinding, Severity][];
}

export function compareJudged(findings: readonly (FindingKey & { severity: Severity; message: string })[], judged: readonly JudgedFinding[]): JudgedDiff {
  const byKey = new Map(judged.map((j) => [keyOf(j), j]));
  const seen = new Set<string>();
  const diff: JudgedDiff = { unjudged: [], gone: [], severityChanged: [] };
  for (const f of findings) {
    const key = keyOf(f);
    seen.add(key);
    const j = byKey.get(key);
    if (!j) diff.unjudged.push({ ruleId: f.ruleId, messageId: f.messageId, path: f.path, severity: f.severity, message: f.message });
    else if (j.severity !== f.severity) diff.severityChanged.push([j, f.severity]);
  }
  diff.gone = judged.filter((j) => !seen.has(keyOf(j)));
  return diff;
}

export const isClean = (d: JudgedDiff) => d.unjudged.length + d.gone.length + d.severityChanged.length === 0;

/** The difference as a reviewer re-judging it reads it, with what to do. */
export function describeDiff(formId: string, d: JudgedDiff): string {
  const lines = [`${formId}: the findings differ from the judged ones (test/corpus/judged/${formId}.json).`];
  for (const f of d.unjudged) {
    lines.push(`  new, not judged: ${keyOf(f)} [${f.severity}] ${f.message}`);
    lines.push(`    add: ${JSON.stringify({ ruleId: f.ruleId, messageId: f.messageId, path: f.path, severity: f.severity, judgement: "right|debatable|wrong", reason: "…" })}`);
  }
  for (const j of d.gone) lines.push(`  gone: ${keyOf(j)} [${j.severity}], judged ${j.judgement} (${j.reason}) — remove it if that is intended`);
  for (const [j, now] of d.severityChanged) lines.push(`  severity ${j.severity} → ${now}: ${keyOf(j)}, judged ${j.judgement} — re-judge at the new severity`);
  lines.push(
    "To re-judge: read each finding against the form text in ../shared/corpus, edit the JSON file (judgement right / debatable / wrong, one-line reason),",
    "then refresh the table with `npx tsx scripts/precision-table.ts`.",
  );
  return lines.join("\n");
}
