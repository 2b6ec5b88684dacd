import { describe, expect, it } from "vitest";
import rule from "../../src/rules/era-b-cost-tier.js";
import { makeForm, row, runRule, seedForm } from "./helpers.js";

const output = row("产出指标", "数量指标", "培训人数", "≥100人");

describe("era-b-cost-tier (R4)", () => {
  it("does nothing for era A forms such as the seed", () => {
    expect(runRule(rule, seedForm(), { era: "A" })).toEqual([]);
  });

  it("passes an era B form with an economic cost", () => {
    const form = makeForm({ annual: [row("成本指标", "经济成本指标", "培训费", "≤10万元"), output] });
    expect(runRule(rule, form, { era: "B" })).toEqual([]);
  });

  it("warns when the cost block has only empty or non-economic rows", () => {
    const form = makeForm({ annual: [row("成本指标", "经济成本指标", "", ""), row("成本指标", "社会成本指标", "噪声影响", "无"), output] });
    const reports = runRule(rule, form, { era: "B" });
    expect(reports).toEqual([{ messageId: "noEconomicCost", path: "indicators.annual[0].tier1", severity: "warning" }]);
  });

  it("warns without any cost block, and errors under the central-2021 profile", () => {
    const form = makeForm({ annual: [output] });
    expect(runRule(rule, form, { era: "B" }).map((r) => [r.messageId, r.severity])).toEqual([["noCostTier1", "warning"]]);
    expect(runRule(rule, form, { era: "B", profile: "central-2021" }).map((r) => r.severity)).toEqual(["error"]);
  });
});
