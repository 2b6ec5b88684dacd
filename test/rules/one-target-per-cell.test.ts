import { describe, expect, it } from "vitest";
import rule from "../../src/rules/one-target-per-cell.js";
import { makeForm, row, runRule, seedForm } from "./helpers.js";

describe("one-target-per-cell (R12)", () => {
  it("warns on the seed's compound and approximate 数量 values", () => {
    const reports = runRule(rule, seedForm());
    const compound = reports.filter((r) => r.messageId === "compound");
    expect(compound.map((r) => r.path)).toEqual([7, 12, 13, 15].map((i) => `indicators.annual[${i}].value`));
    expect(compound.find((r) => r.path === "indicators.annual[12].value")!.data).toMatchObject({ count: 4 });
    expect(String(compound[1]!.data?.value)).toMatch(/^禁毒宣传资料约10万份，/);
    const approximate = reports.filter((r) => r.messageId === "approximate").map((r) => r.path);
    expect(approximate).toEqual([11, 14, 16, 17].map((i) => `indicators.annual[${i}].value`));
    expect(reports.every((r) => r.severity === "warning")).toBe(true);
  });

  it("passes single targets, ranges and thousands separators", () => {
    const form = makeForm({
      annual: [row("产出指标", "数量指标", "a", "≥100人"), row("产出指标", "数量指标", "b", "1-2次/年"), row("产出指标", "数量指标", "c", "≥3,000人次")],
    });
    expect(runRule(rule, form)).toEqual([]);
  });
});
