import { describe, expect, it } from "vitest";
import rule from "../../src/rules/prefer-quantitative.js";
import { makeForm, row, runRule, seedForm } from "./helpers.js";

describe("prefer-quantitative (R10)", () => {
  it("warns on the seed's vague 数量 values and reports the share as info", () => {
    const reports = runRule(rule, seedForm());
    const vague = reports.filter((r) => r.messageId === "vagueTarget");
    expect(vague.map((r) => r.data?.value)).toEqual(["常态化", "生态环境督查、宣传、治理", "营商环境督查", "按实际查处人数"]);
    expect(vague.every((r) => r.severity === "warning")).toBe(true);
    const share = reports.find((r) => r.messageId === "qualitativeShare");
    expect(share).toMatchObject({ severity: "info", path: "indicators.annual", data: { limit: 30 } });
  });

  it("warns when qualitative values exceed the limit, which is an option", () => {
    const form = makeForm({
      annual: [
        row("效益指标", "社会效益指标", "a", "明显提升"),
        row("效益指标", "社会效益指标", "b", "有所改善"),
        row("产出指标", "质量指标", "c", "≥90%"),
      ],
    });
    expect(runRule(rule, form).map((r) => [r.messageId, r.severity, r.data?.share])).toEqual([["tooManyQualitative", "warning", 66.7]]);
    expect(runRule(rule, form, { options: { maxQualitativePercent: 70 } }).map((r) => r.messageId)).toEqual(["qualitativeShare"]);
  });

  it("flags a qualitative cost value, but not a quantitative one", () => {
    const form = makeForm({ annual: [row("产出指标", "成本指标", "培训费", "不超预算"), row("产出指标", "成本指标", "场地费", "≤5万元")] });
    const reports = runRule(rule, form).filter((r) => r.messageId === "vagueTarget");
    expect(reports.map((r) => r.path)).toEqual(["indicators.annual[0].value"]);
  });

  it("is silent when every value is quantitative", () => {
    expect(runRule(rule, makeForm({ annual: [row("产出指标", "数量指标", "人数", "≥10人")] }))).toEqual([]);
  });
});
