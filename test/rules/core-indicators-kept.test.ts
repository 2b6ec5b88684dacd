import { describe, expect, it } from "vitest";
import rule from "../../src/rules/core-indicators-kept.js";
import { makeForm, row, runRule } from "./helpers.js";

const form = makeForm({
  annual: [
    row("产出指标", "数量指标", "★★★新建道路长度", "≥**公里"),
    row("产出指标", "质量指标", "★★★工程验收合格率", "≥95%"),
    row("效益指标", "社会效益指标", "受益人口数", "≥500人", { note: "★★★" }),
  ],
});

describe("core-indicators-kept (R28)", () => {
  it("runs only under the xianjie profile (or when forced)", () => {
    expect(runRule(rule, form)).toEqual([]);
    expect(runRule(rule, form, { options: { always: true } })).toHaveLength(1);
  });

  it("warns on a ★★★ core indicator left with a placeholder value", () => {
    expect(runRule(rule, form, { profile: "xianjie" })).toEqual([
      { messageId: "coreEmpty", path: "indicators.annual[0].value", data: { name: "新建道路长度" }, severity: "warning" },
    ]);
  });

  it("warns on each configured core indicator that is missing", () => {
    const reports = runRule(rule, form, { profile: "xianjie", options: { coreIndicators: ["工程验收合格率", "带动增收农户数"] } });
    expect(reports.filter((r) => r.messageId === "coreMissing").map((r) => r.data?.name)).toEqual(["带动增收农户数"]);
  });
});
