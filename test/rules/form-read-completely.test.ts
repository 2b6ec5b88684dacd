import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import rule from "../../src/rules/form-read-completely.js";
import { parseBuffer } from "../../src/parse/index.js";
import { makeForm, runRule, SEED_PIPES, seedForm } from "./helpers.js";

/** The seed's pipe rendering cut off after its first 20 indicator rows, with an excerpt's mark. */
function truncatedSeed(): string {
  const lines = readFileSync(SEED_PIPES, "utf8").split("\n");
  const header = lines.findIndex((l) => l.includes("一级指标"));
  return [...lines.slice(0, header + 21), "[... excerpt truncated here ...]"].join("\n");
}

describe("form-read-completely (R31)", () => {
  it("passes a form read whole", () => {
    expect(runRule(rule, seedForm())).toEqual([]);
    expect(runRule(rule, makeForm())).toEqual([]);
  });

  it("reports, as an error, each reason a form was read only in part", () => {
    const form = makeForm({ source: { complete: false, problems: ["文本在第36行中断，表单不完整", "第40行起有 2 个单元格无法对应到指标表的列"] } });
    const reports = runRule(rule, form);
    expect(reports.map((r) => [r.messageId, r.severity, r.path])).toEqual([
      ["partial", "error", "source"],
      ["partial", "error", "source"],
    ]);
    expect(reports[0]!.data?.problem).toContain("中断");
  });

  it("fires on a text that stops inside its indicator table", async () => {
    const parsed = await parseBuffer(Buffer.from(truncatedSeed()), "cut.txt");
    const form = parsed.forms[0]!.form;
    expect(form.source?.complete).toBe(false);
    expect(form.indicators.annual.length).toBe(20);
    expect(runRule(rule, form).map((r) => r.messageId)).toEqual(["partial"]);
  });
});
