import { describe, expect, it } from "vitest";
import rule from "../../src/rules/core-tier2-coverage.js";
import { makeForm, row, runRule, seedForm } from "./helpers.js";

describe("core-tier2-coverage (R5)", () => {
  it("passes the seed", () => {
    expect(runRule(rule, seedForm())).toEqual([]);
  });

  it("warns when outputs lack 数量 and lack both 质量 and 时效", () => {
    const form = makeForm({ annual: [row("产出指标", "成本指标", "培训费", "≤10万元"), row("效益指标", "社会效益指标", "就业", "有所提升")] });
    expect(runRule(rule, form).map((r) => [r.messageId, r.severity])).toEqual([
      ["noQuantity", "warning"],
      ["noQualityOrTimeliness", "warning"],
    ]);
  });

  it("warns about a 效益 block with only blank rows", () => {
    const form = makeForm({
      annual: [row("产出指标", "数量指标", "人数", "≥10人"), row("产出指标", "时效指标", "完成时间", "2023年12月"), row("效益指标", "社会效益指标", "", "")],
    });
    expect(runRule(rule, form).map((r) => r.messageId)).toEqual(["noBenefitTier2"]);
  });

  it("errors on each 二级 a regional profile or the config makes mandatory", () => {
    const form = seedForm();
    const ningxia = runRule(rule, form, { profile: "ningxia" });
    expect(ningxia).toEqual([]);
    const configured = runRule(rule, form, { options: { requiredTier2: ["经济效益指标"] } });
    expect(configured).toEqual([
      { messageId: "requiredMissing", path: "indicators.annual", data: { tier2: "经济效益指标" }, severity: "error" },
    ]);
  });
});
