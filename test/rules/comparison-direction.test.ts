import { describe, expect, it } from "vitest";
import rule from "../../src/rules/comparison-direction.js";
import { makeForm, row, runRule, seedForm } from "./helpers.js";

describe("comparison-direction (R14)", () => {
  it("errors on each of the seed's six ≧…万元 cost rows", () => {
    const errors = runRule(rule, seedForm()).filter((r) => r.severity === "error");
    expect(errors).toHaveLength(6);
    expect(errors.every((r) => r.messageId === "costLowerBound")).toBe(true);
    expect(errors.map((r) => r.data?.value)).toEqual(["≧40万元", "≧25万元", "≧20万元", "≧7万元", "≧35万元", "≧8万元"]);
    expect(errors[0]).toMatchObject({ path: "indicators.annual[48].value", data: { suggested: "≤40万元" } });
  });

  it("notes the seed's non-canonical ≧ and ＝ as info", () => {
    const infos = runRule(rule, seedForm()).filter((r) => r.severity === "info");
    expect(new Set(infos.map((r) => r.data?.symbol))).toEqual(new Set(["≧", "＝"]));
    expect(infos.every((r) => r.messageId === "nonCanonical")).toBe(true);
  });

  it("accepts canonical symbols and a ≤ cost cap", () => {
    const form = makeForm({ annual: [row("产出指标", "成本指标", "a", "≤35万元"), row("产出指标", "质量指标", "b", "≥90%"), row("产出指标", "质量指标", "c", "=100%")] });
    expect(runRule(rule, form)).toEqual([]);
  });

  it("errors on a lower-bound cost in era B too, and warns on a reverse indicator with ≥", () => {
    const form = makeForm({ annual: [row("成本指标", "经济成本指标", "a", "≥10万元"), row("效益指标", "社会效益指标", "安全事故发生率", "≥1%")] });
    expect(runRule(rule, form, { era: "B" }).map((r) => [r.messageId, r.severity])).toEqual([
      ["costLowerBound", "error"],
      ["reverseLowerBound", "warning"],
    ]);
  });

  it("notes >= and 以上 as non-canonical, and mixed spellings of one comparison", () => {
    const form = makeForm({ annual: [row("产出指标", "质量指标", "a", ">=98%"), row("产出指标", "质量指标", "b", "95%以上"), row("产出指标", "质量指标", "c", "≥90%")] });
    const reports = runRule(rule, form);
    expect(reports.map((r) => r.messageId)).toEqual(["nonCanonical", "nonCanonical", "mixedSymbols"]);
    expect(reports[2]!.data?.symbols).toBe(">= / 以上 / ≥");
  });
});
