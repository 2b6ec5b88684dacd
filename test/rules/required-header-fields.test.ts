import { describe, expect, it } from "vitest";
import rule from "../../src/rules/required-header-fields.js";
import { makeForm, runRule, seedForm } from "./helpers.js";

describe("required-header-fields (R1)", () => {
  it("passes the seed, whose header is complete", () => {
    expect(runRule(rule, seedForm())).toEqual([]);
  });

  it("reports each missing always-required field at its model path", () => {
    const form = makeForm({ project: {}, funding: {}, goals: {} });
    const paths = runRule(rule, form).map((r) => r.path);
    expect(paths).toEqual(["project.name", "project.department.name", "funding.total", "project.period", "goals.annual"]);
    expect(runRule(rule, form).every((r) => r.severity === "error" && r.messageId === "missing")).toBe(true);
  });

  it("reports a placeholder value and quotes it", () => {
    const form = makeForm({ project: { name: "XX", department: { name: "……" }, period: { text: "2023年度" } } });
    const reports = runRule(rule, form);
    expect(reports.map((r) => [r.messageId, r.path, r.data?.value])).toEqual([
      ["placeholder", "project.name", "XX"],
      ["placeholder", "project.department.name", "……"],
    ]);
  });

  it("requires the 实施期 goal on the Hunan layout, and a blank 实施单位 where the field exists", () => {
    const hunan = makeForm({ source: { layout: "L1" } });
    expect(runRule(rule, hunan).map((r) => r.path)).toEqual(["goals.longTerm"]);
    const other = makeForm({ source: { layout: "L5" } });
    expect(runRule(rule, other)).toEqual([]);
    const blankUnit = makeForm({ project: { name: "项目", department: { name: "局" }, period: { text: "2023年度" }, implementingUnit: " " } });
    expect(runRule(rule, blankUnit).map((r) => r.path)).toEqual(["project.implementingUnit"]);
  });

  it("asks for the 实施期 where the layout prints it, or when the form states no budget year", () => {
    const noPeriod = { name: "项目", department: { name: "局" } };
    // A 衔接资金 template has no 实施期 field; its title says （2022年度）.
    const annualTemplate = makeForm({ year: 2022, project: noPeriod, source: { layout: "L3" } });
    expect(runRule(rule, annualTemplate)).toEqual([]);
    const unknownLayout = makeForm({ year: 2021, project: noPeriod });
    expect(runRule(rule, unknownLayout)).toEqual([]);
    // Hunan 2023 prints 项目支出实施期: left blank, it is missing even though the title has the year.
    const hunan = makeForm({ year: 2023, project: noPeriod, goals: { annual: "目标", longTerm: "目标" }, source: { layout: "L1" } });
    expect(runRule(rule, hunan).map((r) => [r.messageId, r.path])).toEqual([["missing", "project.period"]]);
    const central = makeForm({ year: 2025, project: noPeriod, source: { layout: "L5" } });
    expect(runRule(rule, central).map((r) => r.path)).toEqual(["project.period"]);
    const noYear = makeForm({ project: noPeriod });
    expect(runRule(rule, noYear).map((r) => r.path)).toEqual(["project.period"]);
  });
});
