import { describe, expect, it } from "vitest";
import rule from "../../src/rules/indicator-row-complete.js";
import { makeForm, row, runRule, seedForm } from "./helpers.js";

describe("indicator-row-complete (R2)", () => {
  it("passes the seed", () => {
    expect(runRule(rule, seedForm())).toEqual([]);
  });

  it("errors on a named indicator without a value, and on a value without a name", () => {
    const form = makeForm({
      annual: [row("产出指标", "数量指标", "培训人数", ""), row("产出指标", "数量指标", "", "≥100人")],
    });
    const reports = runRule(rule, form);
    expect(reports.map((r) => [r.messageId, r.path, r.severity])).toEqual([
      ["noValue", "indicators.annual[0].value", "error"],
      ["noName", "indicators.annual[1].tier3", "error"],
    ]);
  });

  it("notes a blank 二级 row as not applicable (info)", () => {
    const form = makeForm({ annual: [row("效益指标", "生态效益指标", "", "")] });
    expect(runRule(rule, form)).toEqual([
      { messageId: "notApplicable", path: "indicators.annual[0]", data: { tier2: "生态效益指标" }, severity: "info" },
    ]);
  });

  it("checks the long-term table too", () => {
    const form = makeForm({ longTerm: [row("产出指标", "数量指标", "培训人数", "")] });
    expect(runRule(rule, form).map((r) => r.path)).toEqual(["indicators.longTerm[0].value"]);
  });
});
