import { describe, expect, it } from "vitest";
import rule from "../../src/rules/graded-qualitative.js";
import { makeForm, row, runRule, seedForm } from "./helpers.js";

describe("graded-qualitative (R11)", () => {
  it("notes the seed's free-text benefit value but accepts 零发生 and 年度内及时完成", () => {
    const values = runRule(rule, seedForm()).map((r) => r.data?.value);
    expect(values).toEqual(["部门协同、社会共治"]);
    expect(values).not.toContain("零发生");
  });

  it("leaves free text under 数量 and 成本 to prefer-quantitative: there a number is due, not a grade", () => {
    const form = makeForm({
      annual: [
        row("产出指标", "数量指标", "保卫维稳", "常态化"),
        row("产出指标", "成本指标", "建设成本", "参照政府采购成本控制"),
        row("成本指标", "经济成本指标", "建设成本", "严格控制"),
        row("产出指标", "质量指标", "服务质量", "常态化"),
      ],
    });
    expect(runRule(rule, form).map((r) => r.path)).toEqual(["indicators.annual[3].value"]);
  });

  it("accepts graded wordings and ignores numbers, dates and yes/no", () => {
    const form = makeForm({
      annual: [
        row("效益指标", "社会效益指标", "a", "明显提升"),
        row("效益指标", "社会效益指标", "b", "好"),
        row("效益指标", "社会效益指标", "c", "否"),
        row("产出指标", "时效指标", "d", "2023年12月31日"),
        row("产出指标", "数量指标", "e", "≥3次"),
      ],
    });
    expect(runRule(rule, form)).toEqual([]);
  });

  it("notes a one-character word that is not a grade on its own", () => {
    const form = makeForm({ annual: [row("效益指标", "社会效益指标", "a", "好转中")] });
    expect(runRule(rule, form).map((r) => [r.messageId, r.severity])).toEqual([["useGradedWording", "info"]]);
  });
});
