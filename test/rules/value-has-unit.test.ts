import { describe, expect, it } from "vitest";
import rule from "../../src/rules/value-has-unit.js";
import { makeForm, row, runRule, seedForm } from "./helpers.js";

describe("value-has-unit (R13)", () => {
  it("passes the seed", () => {
    expect(runRule(rule, seedForm())).toEqual([]);
  });

  it("warns on a bare number, and on a rate without %", () => {
    const form = makeForm({
      annual: [row("产出指标", "数量指标", "新建道路", "≥12"), row("满意度指标", "服务对象满意度指标", "群众满意度", ">=85")],
    });
    expect(runRule(rule, form).map((r) => [r.messageId, r.path])).toEqual([
      ["noUnit", "indicators.annual[0].value"],
      ["rateNeedsPercent", "indicators.annual[1].value"],
    ]);
  });

  it("takes the unit from the unit column or from the name", () => {
    const form = makeForm({
      annual: [row("产出指标", "数量指标", "新建道路", "12", { unit: "公里" }), row("产出指标", "数量指标", "实施营造林总面积（亩）", "80000")],
    });
    expect(runRule(rule, form)).toEqual([]);
  });

  it("warns on a percent for a count-type name", () => {
    const form = makeForm({ annual: [row("产出指标", "数量指标", "培训人数", "100%")] });
    expect(runRule(rule, form).map((r) => r.messageId)).toEqual(["countNotPercent"]);
  });
});
