import { describe, expect, it } from "vitest";
import rule from "../../src/rules/value-not-task.js";
import { makeForm, row, runRule, seedForm } from "./helpers.js";

describe("value-not-task (R17)", () => {
  it("warns on the seed's 营商环境督查 for 优化营商环境工作经费", () => {
    const reports = runRule(rule, seedForm());
    expect(reports.find((r) => r.data?.value === "营商环境督查")).toMatchObject({
      messageId: "restatesTask",
      path: "indicators.annual[10].value",
      severity: "warning",
    });
    expect(reports.map((r) => r.data?.value)).not.toContain("常态化");
  });

  it("ignores graded wordings and values with numbers; the overlap threshold is an option", () => {
    const form = makeForm({
      annual: [row("效益指标", "社会效益指标", "服务质量提升", "明显提升"), row("产出指标", "数量指标", "督查次数", "≥3次"), row("产出指标", "数量指标", "环境整治", "环境督查")],
    });
    expect(runRule(rule, form).map((r) => r.path)).toEqual(["indicators.annual[2].value"]);
    expect(runRule(rule, form, { options: { minSharedRatio: 0.9 } })).toEqual([]);
  });
});
