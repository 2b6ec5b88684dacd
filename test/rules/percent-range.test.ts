import { describe, expect, it } from "vitest";
import rule from "../../src/rules/percent-range.js";
import { makeForm, row, runRule, seedForm } from "./helpers.js";

describe("percent-range (R15)", () => {
  it("passes the seed", () => {
    expect(runRule(rule, seedForm())).toEqual([]);
  });

  it("errors above 100% (an extraction artefact such as 292%) and below 0", () => {
    const form = makeForm({
      annual: [row("产出指标", "质量指标", "合格率", "292%"), row("产出指标", "质量指标", "达标率", { raw: "-5%", kind: "percent", numbers: [-5], unit: "%" })],
    });
    expect(runRule(rule, form).map((r) => [r.messageId, r.severity])).toEqual([
      ["over100", "error"],
      ["negative", "error"],
    ]);
  });

  it("warns on ≥100% for a rate, and lets a growth rate exceed 100%", () => {
    const form = makeForm({ annual: [row("产出指标", "时效指标", "完成及时率", "≥100%"), row("效益指标", "经济效益指标", "产值增长率", "≥120%")] });
    expect(runRule(rule, form).map((r) => [r.messageId, r.severity, r.path])).toEqual([["atLeast100", "warning", "indicators.annual[0].value"]]);
  });
});
