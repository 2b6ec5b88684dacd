import { describe, expect, it } from "vitest";
import rule from "../../src/rules/comparison-direction.js";
import { makeForm, row, runRule, seedForm } from "./helpers.js";

describe("comparison-direction (R14)", () => {
  it("errors on each of the seed's six ≧…万元 cost rows", () => {
    const errors = runRule(rule, seedForm()).filter((r) => r.severity === "error");
    expect(errors).toHaveLength(6);
    expect(errors.every((r) => r.messageId === "costLowerBound")).toBe(true);
    expect(errors.map((r) => r.data?.value)).toEqual(["≧40万元", "≧25万元", "≧20万元", "≧7万元", "≧35万元", "≧8万元"]);
    expect(errors[0]).toMatchObject({ path: "indicators.annual[48].value", data: { suggested: "≤40万元" } });
  });

  it("notes the seed's non-canonical ≧ and ＝ as info", () => {
    const infos = runRule(rule, seedForm()).filter((r) => r.severity === "info");
    expect(new Set(infos.map((r) => r.data?.symbol))).toEqual(new Set(["≧", "＝"]));
    expect(infos.every((r) => r.messageId === "nonCanonical")).toBe(true);
  });

  it("accepts canonical symbols and a ≤ cost cap", () => {
    const form = makeForm({ annual: [row("产出指标", "成本指标", "a", "≤35万元"), row("产出指标", "质量指标", "b", "≥90%"), row("产出指标", "质量指标", "c", "=100%")] });
    expect(runRule(rule, form)).toEqual([]);
  });

  it("errors on a lower-bound cost in era B too, and warns on a reverse indicator with ≥", () => {
    const form = makeForm({ annual: [row("成本指标", "经济成本指标", "a", "≥10万元"), row("效益指标", "社会效益指标", "安全事故发生率", "≥1%")] });
    expect(runRule(rule, form, { era: "B" }).map((r) => [r.messageId, r.severity])).toEqual([
      ["costLowerBound", "error"],
      ["reverseLowerBound", "warning"],
    ]);
  });

  it("notes >= and 以上 as non-canonical, and mixed spellings of one comparison", () => {
    const form = makeForm({ annual: [row("产出指标", "质量指标", "a", ">=98%"), row("产出指标", "质量指标", "b", "95%以上"), row("产出指标", "质量指标", "c", "≥90%")] });
    const reports = runRule(rule, form);
    expect(reports.map((r) => r.messageId)).toEqual(["nonCanonical", "nonCanonical", "mixedSymbols"]);
    expect(reports[2]!.data?.symbols).toBe(">= / 以上 / ≥");
  });

  describe("fixes (notation only)", () => {
    const fixOf = (value: string, tier2 = "质量指标", name = "验收合格率") => {
      const reports = runRule(rule, makeForm({ annual: [row("产出指标", tier2, name, value)] }));
      return reports.map((r) => [r.messageId, r.fix?.edits.map((e) => [e.path, e.from, e.to]) ?? null]);
    };
    const edit = (from: string, to: string) => [["indicators.annual[0].value.raw", from, to]];

    it("rewrites look-alike and ASCII symbols where they stand", () => {
      expect(fixOf("≧90%")).toEqual([["nonCanonical", edit("≧90%", "≥90%")]]);
      expect(fixOf("≦5万元", "成本指标", "培训费")).toEqual([["nonCanonical", edit("≦5万元", "≤5万元")]]);
      expect(fixOf("＝100%")).toEqual([["nonCanonical", edit("＝100%", "=100%")]]);
      expect(fixOf(">=98%")).toEqual([["nonCanonical", edit(">=98%", "≥98%")]]);
      expect(fixOf("＞＝95%")).toEqual([["nonCanonical", edit("＞＝95%", "≥95%")]]);
    });

    it("rewrites 以上/以下/不低于 only around one number with its unit", () => {
      expect(fixOf("90%以上")).toEqual([["nonCanonical", edit("90%以上", "≥90%")]]);
      expect(fixOf("不低于90%")).toEqual([["nonCanonical", edit("不低于90%", "≥90%")]]);
      expect(fixOf("35万元以内", "成本指标", "培训费")).toEqual([["nonCanonical", edit("35万元以内", "≤35万元")]]);
      // A qualifier, a note or a second number: the words stay as written.
      expect(fixOf("约90%以上")).toEqual([["nonCanonical", null]]);
      expect(fixOf("90%以上(计划标准)")).toEqual([["nonCanonical", null]]);
      expect(fixOf("达到90%")).toEqual([["nonCanonical", null]]);
    });

    it("never offers a fix that changes direction (a lower-bound cost stays an error without one)", () => {
      expect(fixOf("≧25万元", "成本指标", "宣传费")).toEqual([["costLowerBound", null]]);
    });

    it("notes full-width digits and % and stray spaces, each with its correction", () => {
      expect(fixOf("≥９０％")).toEqual([["fullWidth", edit("≥９０％", "≥90%")]]);
      expect(fixOf("９０．５％")).toEqual([["fullWidth", edit("９０．５％", "90.5%")]]);
      expect(fixOf(" ≥90%  ")).toEqual([["straySpaces", edit(" ≥90%  ", "≥90%")]]);
      expect(fixOf("2000  次", "数量指标", "培训人次")).toEqual([["straySpaces", edit("2000  次", "2000 次")]]);
      // One space between number and unit is a way of writing, not a stray space.
      expect(fixOf("2000 次", "数量指标", "培训人次")).toEqual([]);
    });

    it("leaves the seed's ≧ cost rows without a fix and fixes its ≧/＝ notes", () => {
      const reports = runRule(rule, seedForm());
      expect(reports.filter((r) => r.messageId === "costLowerBound").every((r) => r.fix === undefined)).toBe(true);
      const notes = reports.filter((r) => r.messageId === "nonCanonical");
      expect(notes.length).toBeGreaterThan(0);
      expect(notes.every((r) => r.fix?.edits.length === 1 && /^[≥=]/.test(r.fix.edits[0]!.to))).toBe(true);
    });
  });
});
