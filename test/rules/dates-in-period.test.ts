import { describe, expect, it } from "vitest";
import rule from "../../src/rules/dates-in-period.js";
import { makeForm, row, runRule, seedForm } from "./helpers.js";

const period = (text: string, start?: string, end?: string) => ({
  name: "项目",
  department: { name: "局" },
  period: { text, ...(start ? { start } : {}), ...(end ? { end } : {}) },
});

describe("dates-in-period (R22)", () => {
  it("passes the seed", () => {
    expect(runRule(rule, seedForm())).toEqual([]);
  });

  it("warns when the title year differs from the budget year", () => {
    const form = makeForm({ title: "2022年度项目支出绩效目标申报表", year: 2023 });
    expect(runRule(rule, form).map((r) => [r.messageId, r.path])).toEqual([["titleYear", "title"]]);
  });

  it("warns when the budget year lies outside the period, read from the text when there is no start/end", () => {
    const form = makeForm({ year: 2023, project: period("2021年3月-2022年11月") });
    expect(runRule(rule, form).map((r) => [r.messageId, r.path, r.data?.year])).toEqual([["yearOutsidePeriod", "project.period", 2023]]);
  });

  it("warns on a timeliness date outside the period, accepts one inside", () => {
    const form = makeForm({
      year: 2023,
      project: period("2023年度", "2023-01", "2023-12"),
      annual: [row("产出指标", "时效指标", "完工时间", "2024年3月底"), row("产出指标", "时效指标", "验收时间", "2023年12月31日")],
    });
    expect(runRule(rule, form).map((r) => [r.messageId, r.path])).toEqual([["dateOutsidePeriod", "indicators.annual[0].value"]]);
  });
});
