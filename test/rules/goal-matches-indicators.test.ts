import { describe, expect, it } from "vitest";
import rule from "../../src/rules/goal-matches-indicators.js";
import { makeForm, row, runRule, seedForm } from "./helpers.js";

describe("goal-matches-indicators (R25)", () => {
  it("passes the seed (its goal names no quantity)", () => {
    expect(runRule(rule, seedForm())).toEqual([]);
  });

  it("matches 8万亩 in the goal with 80000亩 in an indicator, and the budget with 万元 amounts", () => {
    const form = makeForm({
      funding: { total: 361 },
      goals: { annual: "投入资金361万元，实施营造林8万亩，修建作业道30公里。" },
      annual: [row("产出指标", "数量指标", "营造林面积", "≥80000亩"), row("产出指标", "数量指标", "作业道", "≥30公里")],
    });
    expect(runRule(rule, form)).toEqual([]);
  });

  it("notes each goal quantity with no matching indicator", () => {
    const form = makeForm({
      goals: { annual: "实施营造林8万亩，修建作业道30公里，培训2000人次。" },
      annual: [row("产出指标", "数量指标", "作业道", "≥30公里")],
    });
    const reports = runRule(rule, form);
    expect(reports.map((r) => [r.data?.quantity, r.path, r.severity])).toEqual([
      ["8万亩", "goals.annual", "info"],
      ["2000人次", "goals.annual", "info"],
    ]);
  });
});
