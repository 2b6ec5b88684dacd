import { describe, expect, it } from "vitest";
import rule from "../../src/rules/performance-standard-type.js";
import { makeForm, row, runRule, seedForm } from "./helpers.js";

describe("performance-standard-type (R26)", () => {
  it("notes the seed's free-text 绩效标准 cells", () => {
    const reports = runRule(rule, seedForm());
    expect(reports.length).toBe(13);
    expect(reports[0]).toMatchObject({ messageId: "freeText", path: "indicators.annual[0].standard", severity: "info", data: { standard: "及时处理" } });
  });

  it("accepts a named standard type, written alone or inside text, and skips empty cells", () => {
    const form = makeForm({
      annual: [
        row("产出指标", "数量指标", "a", "≥1个", { standard: "计划标准" }),
        row("产出指标", "数量指标", "b", "≥1个", { standard: "参照上年（历史标准）" }),
        row("产出指标", "数量指标", "c", "≥1个", { standard: "" }),
        row("产出指标", "数量指标", "d", "≥1个"),
      ],
    });
    expect(runRule(rule, form)).toEqual([]);
  });
});
