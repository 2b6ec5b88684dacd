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
});
