import { describe, expect, it } from "vitest";
import rule from "../../src/rules/tier2-under-tier1.js";
import { makeForm, row, runRule, seedForm } from "./helpers.js";

const r = (tier1: string, tier2: string) => row(tier1, tier2, "某指标", "≥1个");

describe("tier2-under-tier1 (R7)", () => {
  it("accepts the seed's taxonomy, noting its 满意度 alias once", () => {
    const reports = runRule(rule, seedForm());
    expect(reports).toEqual([
      {
        messageId: "tier2Alias",
        path: "indicators.annual[59].tier2",
        data: { written: "社会公众或服务对象满意度指标", canonical: "服务对象满意度指标" },
        severity: "info",
      },
    ]);
  });

  it("errors on a 二级 under the wrong 一级 (era A), once per group of rows", () => {
    const form = makeForm({ annual: [r("效益指标", "成本指标"), r("效益指标", "成本指标"), r("产出指标", "经济成本指标")] });
    const reports = runRule(rule, form, { era: "A" });
    expect(reports.map((x) => [x.messageId, x.path, x.severity])).toEqual([
      ["wrongParent", "indicators.annual[0].tier2", "error"],
      ["wrongParent", "indicators.annual[2].tier2", "error"],
    ]);
    expect(reports[0]!.data).toMatchObject({ tier2: "成本指标", tier1: "效益指标", expected: "产出指标" });
    expect(reports[1]!.data).toMatchObject({ expected: "成本指标 (2021+)" });
  });

  it("uses the era: 成本指标 under 产出 is right in era A and wrong in era B", () => {
    const form = makeForm({ annual: [r("产出指标", "成本指标")] });
    expect(runRule(rule, form, { era: "A" })).toEqual([]);
    expect(runRule(rule, form, { era: "B" }).map((x) => x.messageId)).toEqual(["wrongParent"]);
  });

  it("accepts the era B cost block and notes 可持续影响指标 as a legacy category", () => {
    const form = makeForm({ annual: [r("成本指标", "经济成本指标"), r("效益指标", "可持续影响指标")] });
    expect(runRule(rule, form, { era: "B" }).map((x) => [x.messageId, x.severity])).toEqual([["legacyTier2", "info"]]);
    expect(runRule(rule, form, { era: "A" }).map((x) => [x.messageId, x.severity])).toEqual([["tier1NotInEra", "warning"]]);
  });

  it("warns on unknown labels and notes non-standard ones", () => {
    const form = makeForm({
      annual: [r("项目完成指标", "产出数量指标"), r("投入指标", "资金到位"), r("产出指标", "数量指标（必填硬性指标）"), r("产出指标", "进度指标")],
    });
    expect(runRule(rule, form).map((x) => [x.messageId, x.severity, x.path])).toEqual([
      ["tier1Alias", "info", "indicators.annual[0].tier1"],
      ["unknownTier1", "warning", "indicators.annual[1].tier1"],
      ["tier2Alias", "info", "indicators.annual[0].tier2"],
      ["unknownTier2", "warning", "indicators.annual[1].tier2"],
      ["tier2Alias", "info", "indicators.annual[2].tier2"],
      ["unknownTier2", "warning", "indicators.annual[3].tier2"],
    ]);
  });

  it("errors on a near miss of one canonical name, with the suggestion", () => {
    const form = makeForm({ annual: [r("效益指示", "社会效议指标"), r("产出指标", "时效性指标"), r("产出指标", "重量指标")] });
    const reports = runRule(rule, form);
    expect(reports.map((x) => [x.messageId, x.severity, x.path, x.data?.suggestion])).toEqual([
      ["tier1Typo", "error", "indicators.annual[0].tier1", "效益指标"],
      ["tier2Typo", "error", "indicators.annual[0].tier2", "社会效益指标"],
      ["tier2Typo", "error", "indicators.annual[1].tier2", "时效指标"],
      // As near 数量指标 as 质量指标: no guess.
      ["unknownTier2", "warning", "indicators.annual[2].tier2", undefined],
    ]);
  });

  describe("fixes (notation only)", () => {
    const edits = (form: ReturnType<typeof makeForm>) =>
      runRule(rule, form).map((x) => [x.messageId, x.fix?.edits.map((e) => `${e.path}: ${e.from} → ${e.to}`) ?? null]);

    it("corrects a one-character slip in every row of the group", () => {
      const form = makeForm({ annual: [r("效益指示", "社会效益指标"), r("效益指示", "社会效益指标"), r("产出指标", "数量指示")] });
      expect(edits(form)).toEqual([
        ["tier1Typo", ["indicators.annual[0].tier1: 效益指示 → 效益指标", "indicators.annual[1].tier1: 效益指示 → 效益指标"]],
        ["tier2Typo", ["indicators.annual[2].tier2: 数量指示 → 数量指标"]],
      ]);
    });

    it("offers no fix for a slip of two characters or a label with a remark", () => {
      const form = makeForm({ annual: [r("产出指标", "社会效议指示"), r("效益指示(30分)", "社会效益指标")] });
      expect(edits(form).every(([, fix]) => fix === null)).toBe(true);
    });

    it("respells a shortened, prefixed or spaced name, not another word for the category", () => {
      const form = makeForm({
        annual: [r("产出", "数量"), r("项目效益指标", "社会效益指标"), r("产出指标", " 质量 指标"), r("项目完成指标", "时效指标"), r("满意度指标", "社会公众或服务对象满意度指标")],
      });
      expect(edits(form)).toEqual([
        ["tier1Alias", ["indicators.annual[0].tier1: 产出 → 产出指标"]],
        ["tier1Alias", ["indicators.annual[1].tier1: 项目效益指标 → 效益指标"]],
        ["tier1Alias", null],
        ["tier2Alias", ["indicators.annual[0].tier2: 数量 → 数量指标"]],
        ["tier2Alias", ["indicators.annual[2].tier2:  质量 指标 → 质量指标"]],
        ["tier2Alias", null],
      ]);
    });
  });
});
