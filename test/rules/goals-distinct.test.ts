import { describe, expect, it } from "vitest";
import rule from "../../src/rules/goals-distinct.js";
import { makeForm, row, runRule, seedForm } from "./helpers.js";

const same = "确保各项工作协调落实到位。";

describe("goals-distinct (R23)", () => {
  it("notes the seed's identical goals as info (single-year period)", () => {
    expect(runRule(rule, seedForm())).toEqual([{ messageId: "identicalSingleYear", path: "goals.annual", severity: "info" }]);
  });

  it("warns on identical goals over a multi-year period", () => {
    const form = makeForm({
      goals: { longTerm: same, annual: ` ${same}` },
      project: { name: "项目", department: { name: "局" }, period: { text: "2023.07-2024.01" } },
    });
    expect(runRule(rule, form)).toEqual([
      { messageId: "identicalMultiYear", path: "goals.annual", data: { period: "2023.07-2024.01" }, severity: "warning" },
    ]);
  });

  it("passes distinct goals", () => {
    expect(runRule(rule, makeForm({ goals: { longTerm: "三年建成", annual: "今年完成一期" } }))).toEqual([]);
  });

  it("warns when an annual target exceeds the long-term target of the same indicator", () => {
    const form = makeForm({
      annual: [row("产出指标", "数量指标", "新建道路", "≥40公里"), row("产出指标", "数量指标", "培训人数", "≥100人")],
      longTerm: [row("产出指标", "数量指标", "新建道路", "≥30公里"), row("产出指标", "数量指标", "培训人数", "≥300人")],
    });
    expect(runRule(rule, form).map((r) => [r.messageId, r.path])).toEqual([["annualExceedsLongTerm", "indicators.annual[0].value"]]);
  });
});

describe("goals-distinct (R23) period length", () => {
  it("treats a period over 12 months as multi-year even without years", () => {
    const form = makeForm({ goals: { longTerm: same, annual: same }, project: { name: "项目", department: { name: "局" }, period: { text: "3年" } } });
    expect(runRule(rule, form).map((r) => r.messageId)).toEqual(["identicalMultiYear"]);
  });
});
