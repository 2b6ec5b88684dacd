import { describe, expect, it } from "vitest";
import rule from "../../src/rules/range-lower-bound.js";
import { makeForm, row, runRule, seedForm } from "./helpers.js";

describe("range-lower-bound (R16)", () => {
  it("notes the seed's five ranges and suggests a lower bound", () => {
    const reports = runRule(rule, seedForm());
    expect(reports.map((r) => r.data?.value)).toEqual(["1-2次/年", "15-20项/年", "1-2个/年", "2-4次/年", "150-400件/年"]);
    expect(reports[0]).toMatchObject({ severity: "info", path: "indicators.annual[0].value", data: { low: 1, unit: "次/年" } });
  });

  it("ignores single targets and date periods", () => {
    const form = makeForm({ annual: [row("产出指标", "数量指标", "a", "≥2次/年"), row("产出指标", "时效指标", "b", "2023.07-2024.01")] });
    expect(runRule(rule, form)).toEqual([]);
  });
});
