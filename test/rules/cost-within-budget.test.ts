import { describe, expect, it } from "vitest";
import rule from "../../src/rules/cost-within-budget.js";
import { makeForm, row, runRule, seedForm } from "./helpers.js";

describe("cost-within-budget (R20)", () => {
  it("passes the seed: ≤ rows 191 + ≧ rows 135 = 326 ≤ 361, the unit rate noted with 35 万元 of room", () => {
    const reports = runRule(rule, seedForm());
    expect(reports.filter((r) => r.severity === "error")).toEqual([]);
    expect(reports).toEqual([
      {
        messageId: "unitRate",
        path: "indicators.annual[53].value",
        data: { name: "特殊病收治", value: "5万元/人", budget: "361", sum: "326", room: "35" },
        severity: "info",
      },
    ]);
  });

  it("errors once, at funding.total, naming 326 and 300, when the budget is 300", () => {
    const form = seedForm();
    form.funding.total = 300;
    const errors = runRule(rule, form).filter((r) => r.severity === "error");
    expect(errors).toEqual([{ messageId: "overBudget", path: "funding.total", data: { sum: "326", budget: "300" }, severity: "error" }]);
    expect(runRule(rule, form).find((r) => r.messageId === "unitRateNoRoom")).toBeDefined();
  });

  it("converts 元 amounts and an 元 budget to 万元", () => {
    const form = makeForm({ amountUnit: "元", funding: { total: 50000 }, annual: [row("产出指标", "成本指标", "a", "≤30000元"), row("产出指标", "成本指标", "b", "≤3万元")] });
    expect(runRule(rule, form).map((r) => r.data)).toEqual([{ sum: "6", budget: "5" }]);
  });

  it("warns when a unit rate times the matching 数量 exceeds the budget", () => {
    const form = makeForm({
      funding: { total: 5 },
      annual: [row("产出指标", "数量指标", "补助人数", "63人"), row("产出指标", "成本指标", "补助人数", "1000元/人")],
    });
    const reports = runRule(rule, form);
    expect(reports.map((r) => r.messageId)).toEqual(["noMoneyCost", "unitRate", "rateTimesCount"]);
    expect(reports[2]).toMatchObject({ severity: "warning", data: { product: "6.3", budget: "5", count: 63 } });
  });

  it("notes a form with no money-valued cost indicator", () => {
    const form = makeForm({ annual: [row("产出指标", "数量指标", "人数", "≥10人")] });
    expect(runRule(rule, form)).toEqual([{ messageId: "noMoneyCost", path: "indicators.annual", severity: "info" }]);
  });
});
