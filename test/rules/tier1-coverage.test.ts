import { describe, expect, it } from "vitest";
import rule from "../../src/rules/tier1-coverage.js";
import { makeForm, row, runRule, seedForm } from "./helpers.js";

describe("tier1-coverage (R3)", () => {
  it("passes the seed (产出, 效益 and 满意度 all present)", () => {
    expect(runRule(rule, seedForm())).toEqual([]);
  });

  it("errors without 产出 or 效益 and warns without 满意度", () => {
    const reports = runRule(rule, makeForm({ annual: [] }));
    expect(reports.map((r) => [r.messageId, r.severity])).toEqual([
      ["noOutput", "error"],
      ["noBenefit", "error"],
      ["noSatisfaction", "warning"],
    ]);
  });

  it("counts a row whose 一级 is blank by its 二级, and ignores placeholder rows", () => {
    const form = makeForm({
      annual: [
        row("", "数量指标", "培训人数", "≥100人"),
        row("效益指标", "社会效益指标", "", ""),
        row("满意度指标", "服务对象满意度指标", "学员满意度", "≥90%"),
      ],
    });
    expect(runRule(rule, form).map((r) => r.messageId)).toEqual(["noBenefit"]);
  });
});
