import { describe, expect, it } from "vitest";
import rule from "../../src/rules/weights-add-up.js";
import { makeForm, row, runRule, seedForm } from "./helpers.js";

const w = (tier1: string, weight: number | undefined, name = "指标") =>
  row(tier1, "数量指标", name, "≥1个", weight === undefined ? {} : { weight });

describe("weights-add-up (R27)", () => {
  it("does nothing when the form has no weights (the seed)", () => {
    expect(runRule(rule, seedForm())).toEqual([]);
  });

  it("accepts weights that sum to 90 or 100", () => {
    expect(runRule(rule, makeForm({ annual: [w("产出指标", 50), w("效益指标", 30), w("满意度指标", 10)] }))).toEqual([]);
    expect(runRule(rule, makeForm({ annual: [w("产出指标", 60), w("效益指标", 30), w("满意度指标", 10)] }))).toEqual([]);
  });

  it("errors on another total; the accepted totals are an option", () => {
    const form = makeForm({ annual: [w("产出指标", 50), w("效益指标", 30)] });
    expect(runRule(rule, form)).toEqual([
      { messageId: "totalMismatch", path: "indicators.annual", data: { sum: 80, expected: "90 / 100" }, severity: "error" },
    ]);
    expect(runRule(rule, form, { options: { totals: [80] } })).toEqual([]);
  });

  it("errors on a 一级 outside its printed score range, and warns on a row without a weight", () => {
    const form = makeForm({ annual: [w("成本指标(0-20)分", 30), w("产出指标(40-50)分", 45), w("效益指标", 15), w("效益指标", undefined, "无权重")] });
    expect(runRule(rule, form).map((r) => [r.messageId, r.severity, r.path])).toEqual([
      ["missingWeight", "warning", "indicators.annual[3].weight"],
      ["tier1OutOfRange", "error", "indicators.annual[0].tier1"],
    ]);
  });
});
