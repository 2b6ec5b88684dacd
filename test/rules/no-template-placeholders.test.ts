import { describe, expect, it } from "vitest";
import rule from "../../src/rules/no-template-placeholders.js";
import { makeForm, row, runRule, seedForm } from "./helpers.js";

describe("no-template-placeholders (R6)", () => {
  it("passes the seed", () => {
    expect(runRule(rule, seedForm())).toEqual([]);
  });

  it("errors on a placeholder value and warns on a placeholder name", () => {
    const form = makeForm({
      annual: [
        row("产出指标", "数量指标", "受益建档立卡贫困人口数（≥**人）", "≥120人"),
        row("产出指标", "质量指标", "项目验收合格率", "≥**%"),
        row("产出指标", "数量指标", "新建道路长度", "XX公里"),
      ],
    });
    expect(runRule(rule, form).map((r) => [r.messageId, r.path, r.severity])).toEqual([
      ["inName", "indicators.annual[0].tier3", "warning"],
      ["inValue", "indicators.annual[1].value", "error"],
      ["inValue", "indicators.annual[2].value", "error"],
    ]);
  });
});
