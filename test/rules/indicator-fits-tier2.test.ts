import { describe, expect, it } from "vitest";
import rule from "../../src/rules/indicator-fits-tier2.js";
import { makeForm, row, runRule, seedForm } from "./helpers.js";

describe("indicator-fits-tier2 (R8)", () => {
  it("finds the seed's six 满意率 rows under 质量指标 and nothing else", () => {
    const reports = runRule(rule, seedForm());
    expect(reports).toHaveLength(6);
    expect(reports.every((r) => r.messageId === "satisfactionElsewhere" && r.severity === "warning")).toBe(true);
    expect(reports.map((r) => r.path)).toEqual([19, 20, 24, 25, 27, 28].map((i) => `indicators.annual[${i}].tier3`));
    expect(reports.map((r) => r.data?.name)).toContain("营商环境主体满意率");
  });

  it("accepts satisfaction rows under 满意度指标", () => {
    const form = makeForm({ annual: [row("满意度指标", "服务对象满意度指标", "居民满意率", "≥90%")] });
    expect(runRule(rule, form)).toEqual([]);
  });

  it("warns on a count under 时效, a non-amount under 成本, a percent under 数量, a non-satisfaction under 满意度", () => {
    const form = makeForm({
      annual: [
        row("产出指标", "时效指标", "完成项目", "≥230个"),
        row("产出指标", "成本指标", "培训成本", "严格控制"),
        row("产出指标", "数量指标", "培训覆盖", "95%"),
        row("产出指标", "数量指标", "培训覆盖率", "95%"),
        row("满意度指标", "服务对象满意度指标", "群众反映", "良好"),
      ],
    });
    expect(runRule(rule, form).map((r) => [r.messageId, r.path])).toEqual([
      ["timelinessCount", "indicators.annual[0].value"],
      ["costNotMoney", "indicators.annual[1].value"],
      ["quantityPercent", "indicators.annual[2].value"],
      ["notSatisfaction", "indicators.annual[4].tier3"],
    ]);
  });

  it("accepts money, unit prices and cost-control rates under 成本", () => {
    const form = makeForm({
      annual: [row("产出指标", "成本指标", "a", "≤35万元"), row("产出指标", "成本指标", "b", "1600元/亩"), row("产出指标", "成本指标", "成本控制率", "100%")],
    });
    expect(runRule(rule, form)).toEqual([]);
  });

  it("does not call an amount written in a sentence “not money”: it asks for the amount alone", () => {
    const form = makeForm({
      annual: [
        row("产出指标", "成本指标", "成本控制", "按预算标准800元/人向补助对象发放"),
        row("产出指标", "成本指标", "建设成本", "控制在预算5万元以内"),
        row("产出指标", "成本指标", "培训成本", "严格控制在3个月内"),
      ],
    });
    expect(runRule(rule, form).map((r) => [r.messageId, r.data?.amount])).toEqual([
      ["costAmountInText", "800元/人"],
      ["costAmountInText", "5万元"],
      ["costNotMoney", undefined],
    ]);
  });
});
