import { describe, expect, it } from "vitest";
import rule from "../../src/rules/amount-unit-consistent.js";
import { makeForm, row, runRule, seedForm } from "./helpers.js";

describe("amount-unit-consistent (R21)", () => {
  it("passes the seed", () => {
    expect(runRule(rule, seedForm())).toEqual([]);
  });

  it("warns on an amount written with a bare 万", () => {
    const form = makeForm({ annual: [row("产出指标", "成本指标", "控制在预算成本内", "250万")] });
    expect(runRule(rule, form).map((r) => [r.messageId, r.path])).toEqual([["bareWan", "indicators.annual[0].value"]]);
  });

  it("warns on a cost a thousand times the budget (元 written as 万元)", () => {
    const form = makeForm({ funding: { total: 36 }, annual: [row("产出指标", "成本指标", "培训费", "≤360000万元")] });
    expect(runRule(rule, form)).toEqual([
      { messageId: "costLooksLikeYuan", path: "indicators.annual[0].value", data: { name: "培训费", amount: "360000", budget: "36" }, severity: "warning" },
    ]);
  });

  it("warns on a 万元 header amount with more than 4 decimals, but not under an 元 unit line", () => {
    expect(runRule(rule, makeForm({ funding: { total: 12.345678 } })).map((r) => r.path)).toEqual(["funding.total"]);
    expect(runRule(rule, makeForm({ amountUnit: "元", funding: { total: 12.345678 } }))).toEqual([]);
    expect(runRule(rule, makeForm({ funding: { total: 12.3456 } }))).toEqual([]);
  });
});
