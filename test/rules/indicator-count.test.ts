import { describe, expect, it } from "vitest";
import rule from "../../src/rules/indicator-count.js";
import { makeForm, row, runRule, seedForm } from "./helpers.js";

const rows = (n: number, tier1 = "产出指标") => Array.from({ length: n }, (_, i) => row(tier1, "数量指标", `指标${i}`, `≥${i + 1}个`));

describe("indicator-count (R24)", () => {
  it("warns about the seed's 61 indicators and notes its 55 output rows", () => {
    const reports = runRule(rule, seedForm());
    expect(reports.map((r) => [r.messageId, r.severity, r.data?.count])).toEqual([
      ["tooMany", "warning", 61],
      ["tier1TooMany", "info", 55],
    ]);
    expect(reports[1]!.path).toBe("indicators.annual[0].tier1");
  });

  it("passes a form of reasonable size", () => {
    expect(runRule(rule, makeForm({ annual: [...rows(8), ...rows(4, "效益指标")] }))).toEqual([]);
  });

  it("warns below the minimum, which is an option", () => {
    const form = makeForm({ annual: rows(2) });
    expect(runRule(rule, form).map((r) => r.messageId)).toEqual(["tooFew"]);
    expect(runRule(rule, form, { options: { min: 2 } })).toEqual([]);
  });
});
