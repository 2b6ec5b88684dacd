/**
 * The judged findings on the complete corpus forms and the seed: a rule change that adds a finding,
 * drops a judged one or changes its severity fails here, naming it, until it is re-judged.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { lintForm } from "../../src/lint/lint-form.js";
import { allRules } from "../../src/rules/index.js";
import { PRECISION_DOC, README, withTable } from "../../scripts/precision-table.js";
import { CORPUS, corpusFiles, readCorpusText } from "./score.js";
import { compareJudged, describeDiff, isClean, JUDGEMENTS, keyOf, readJudged } from "./judged.js";

const forms = corpusFiles().filter((f) => f.expected?.parseable);
const formId = (name: string) => path.basename(name, ".txt");

describe.skipIf(!existsSync(CORPUS))("judged findings on the real forms", () => {
  it.each(forms.map((f) => [formId(f.name), f] as const))("%s: every finding is judged, and every judged one still appears", async (id, f) => {
    const judged = readJudged(id);
    expect(judged, `test/corpus/judged/${id}.json is missing`).toBeDefined();
    const outcome = await readCorpusText(f);
    expect(outcome.kind).toBe("forms");
    if (outcome.kind !== "forms" || !judged) return;
    const { form, sourceMap } = outcome.result.forms[0]!;
    const { findings } = lintForm(form, sourceMap, { rules: allRules });
    const diff = compareJudged(findings, judged);
    if (!isClean(diff)) expect.fail(describeDiff(id, diff));
  });

  it.each(forms.map((f) => [formId(f.name)] as const))("%s: each judgement is one of right / debatable / wrong, with a reason, once per finding", (id) => {
    const judged = readJudged(id) ?? [];
    for (const j of judged) {
      expect(JUDGEMENTS, keyOf(j)).toContain(j.judgement);
      expect(j.reason.trim(), keyOf(j)).not.toBe("");
    }
    expect(new Set(judged.map(keyOf)).size).toBe(judged.length);
  });

  it.each([PRECISION_DOC, README])("%s shows the table of the judged findings (run `npx tsx scripts/precision-table.ts`)", (file) => {
    const doc = readFileSync(file, "utf8");
    expect(doc).toBe(withTable(doc));
  });
});

describe("comparing findings with judged ones", () => {
  const judged = [{ ruleId: "r", messageId: "m", path: "a", severity: "warning", judgement: "right", reason: "why" }] as const;
  it("sees a new finding, a gone one and a changed severity", () => {
    const diff = compareJudged(
      [
        { ruleId: "r", messageId: "m", path: "a", severity: "error", message: "x" },
        { ruleId: "r", messageId: "m", path: "b", severity: "info", message: "y" },
      ],
      [...judged, { ...judged[0], path: "c" }],
    );
    expect(diff.unjudged.map(keyOf)).toEqual(["r m b"]);
    expect(diff.gone.map(keyOf)).toEqual(["r m c"]);
    expect(diff.severityChanged.map(([j, now]) => [keyOf(j), now])).toEqual([["r m a", "error"]]);
    expect(describeDiff("f", diff)).toMatch(/new, not judged: r m b[\s\S]*gone: r m c[\s\S]*severity warning → error[\s\S]*To re-judge/);
  });

  it("is clean when the findings are the judged ones", () => {
    expect(isClean(compareJudged([{ ruleId: "r", messageId: "m", path: "a", severity: "warning", message: "x" }], judged))).toBe(true);
  });
});
