import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { conclusionOf, CONCLUSION_BY_GRADE } from "../../src/feedback/conclusion.js";
import { DEFAULT_GRADE_BANDS, gradeOf, type GradeBands } from "../../src/lint/grade.js";
import { GRADES, REVIEW_CONCLUSIONS } from "../../src/model/terms.js";

const form = (error: number, warning: number, info = 0, ruleIds: string[] = []) => {
  const counts = { error, warning, info };
  return { grade: gradeOf(counts), counts, findings: ruleIds.map((ruleId) => ({ ruleId })) };
};

describe("conclusionOf: the suggested conclusion follows the grade", () => {
  it("优 → 通过, 良 and 中 → 修改后通过, 差 → 退回, under the default bands", () => {
    expect(conclusionOf(form(0, 0)).text).toBe("通过");
    expect(conclusionOf(form(0, 3)).text).toBe("通过");
    expect(conclusionOf(form(0, 4)).text).toBe("修改后通过");
    expect(conclusionOf(form(2, 9)).text).toBe("修改后通过");
    expect(conclusionOf(form(3, 0)).text).toBe("退回");
  });

  it("says why in words taken from the bands, and whether anything was found", () => {
    expect(conclusionOf(form(0, 0)).reason).toBe("评级为优（无错误且警告不超过 3 类），未发现问题");
    expect(conclusionOf(form(0, 1, 2)).reason).toContain("所列问题请在定稿时一并完善");
    expect(conclusionOf(form(1, 0)).reason).toBe("评级为中（错误不超过 2 类，未达到良的“无错误”）；请改正所列错误，修改后通过");
    expect(conclusionOf(form(5, 0)).reason).toContain("超出中的“错误不超过 2 类”");
  });

  it("moves with bands set in the config: with 优 = no warnings at all, one warning is 良 and 修改后通过", () => {
    const strict: GradeBands = { ...DEFAULT_GRADE_BANDS, excellent: { maxErrors: 0, maxWarnings: 0 } };
    const counts = { error: 0, warning: 1, info: 0 };
    const c = conclusionOf({ grade: gradeOf(counts, strict), counts, findings: [{ ruleId: "x" }] }, strict);
    expect(c.text).toBe("修改后通过");
    expect(c.reason).toContain("未达到优的“无错误且警告不超过 0 类”");
  });

  it("returns a form read only in part whatever its grade: its review covers only what was read", () => {
    const c = conclusionOf({ grade: GRADES.excellent, counts: { error: 1, warning: 0, info: 0 }, findings: [{ ruleId: "form-read-completely" }] });
    expect(c.key).toBe("reject");
    expect(c.reason).toContain("只读取了一部分");
  });

  it("maps every grade to a conclusion", () => {
    expect(Object.keys(CONCLUSION_BY_GRADE).sort()).toEqual(Object.values(GRADES).sort());
    expect(new Set(Object.values(CONCLUSION_BY_GRADE))).toEqual(new Set(Object.keys(REVIEW_CONCLUSIONS)));
  });

  it("never gives a better conclusion to a form with more problems (any bands)", () => {
    const rank = { pass: 0, revise: 1, reject: 2 } as const;
    const limit = fc.option(fc.integer({ min: 0, max: 6 }), { nil: undefined });
    const band = fc.record({ maxErrors: limit, maxWarnings: limit }).map((b) => Object.fromEntries(Object.entries(b).filter(([, v]) => v !== undefined)));
    fc.assert(
      fc.property(fc.record({ excellent: band, good: band, fair: band }), fc.nat(8), fc.nat(8), fc.nat(3), fc.nat(3), (bands, e, w, de, dw) => {
        const at = (error: number, warning: number) => {
          const counts = { error, warning, info: 0 };
          return rank[conclusionOf({ grade: gradeOf(counts, bands), counts, findings: [] }, bands).key];
        };
        // Bands are tried best first, so a form with more of both can only fall, never rise.
        expect(at(e + de, w + dw)).toBeGreaterThanOrEqual(at(e, w));
      }),
    );
  });
});
