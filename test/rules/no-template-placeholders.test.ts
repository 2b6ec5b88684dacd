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

  it("does not take Latin words, codes or web addresses for placeholders", () => {
    const form = makeForm({
      annual: [
        row("产出指标", "质量指标", "信息公开栏目（/xxgkml/）更新及时率", "100%"),
        row("产出指标", "数量指标", "公开网址 http://www.example.gov.cn/xxgk/index.html 访问量", "≥1000次"),
        row("产出指标", "数量指标", "XXL规格防护服配备数", "≥20套"),
        row("产出指标", "数量指标", "购置设备台数", "≥2台（型号 X200XX1）"),
      ],
    });
    expect(runRule(rule, form)).toEqual([]);
  });

  it("still finds a run of X standing alone, in any case and length", () => {
    const form = makeForm({
      annual: [
        row("产出指标", "数量指标", "培训人次", "≥xx人次"),
        row("产出指标", "数量指标", "新建道路长度", "XXX公里"),
        row("产出指标", "数量指标", "资料见 www.xx.gov.cn 与XX单位", "≥1份"),
      ],
    });
    expect(runRule(rule, form).map((r) => r.path)).toEqual(["indicators.annual[0].value", "indicators.annual[1].value", "indicators.annual[2].tier3"]);
  });
});
