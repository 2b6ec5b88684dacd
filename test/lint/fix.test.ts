import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { applyEdits, fixForm, netEdits } from "../../src/lint/fix.js";
import { lintForm } from "../../src/lint/lint-form.js";
import type { Form } from "../../src/model/form.js";
import { parseValue } from "../../src/model/value-parse.js";
import { allRules } from "../../src/rules/index.js";
import type { Finding } from "../../src/lint/types.js";
import { makeForm, row, seedForm } from "../rules/helpers.js";
import { testRule } from "./helpers.js";

const lintAll = (form: Form) => lintForm(form, undefined, { rules: allRules });
const key = (f: Finding) => `${f.ruleId} ${f.messageId} ${f.path}`;

describe("fixForm", () => {
  it("fixes the seed's ≧ and ＝ notes; the fixed form has those findings gone and no new ones", () => {
    const seed = seedForm();
    const before = lintAll(seed).findings;
    const out = fixForm(seed, lintAll);
    expect(out.applied.length).toBe(before.filter((f) => f.fixable).length);
    expect(out.applied.length).toBeGreaterThan(10);
    const after = new Set(out.result.findings.map(key));
    const fixedKeys = new Set(out.applied.map((a) => `${a.ruleId} ${a.messageId} ${a.path}`));
    // Every finding left was there before; every one fixed is gone.
    for (const k of after) expect(before.map(key)).toContain(k);
    for (const k of fixedKeys) expect(after.has(k)).toBe(false);
    expect(out.result.findings.filter((f) => f.fixable)).toEqual([]);
    // The input form is left as it was.
    expect(seed).toEqual(seedForm());
  });

  it("applies two fixes on one field in two passes, each against the text the rule saw", () => {
    const form = makeForm({ annual: [row("产出指标", "质量指标", "验收合格率", "＞＝９０％")] });
    const out = fixForm(form, lintAll);
    expect(out.form.indicators.annual[0]!.value.raw).toBe("≥90%");
    expect(out.passes).toBe(2);
    expect(out.applied.map((a) => a.messageId)).toEqual(["fullWidth", "nonCanonical"]);
    expect(netEdits(out.applied)).toEqual([{ path: "indicators.annual[0].value.raw", from: "＞＝９０％", to: "≥90%" }]);
    // One pass allowed: the second fix is still to do.
    const once = fixForm(form, lintAll, 1);
    expect(once.form.indicators.annual[0]!.value.raw).toBe("＞＝90%");
    expect(once.result.findings.filter((f) => f.fixable).map((f) => f.messageId)).toEqual(["nonCanonical"]);
  });

  it("re-derives the 指标值 from its new text", () => {
    const out = fixForm(makeForm({ annual: [row("产出指标", "质量指标", "验收合格率", "95%以上")] }), lintAll);
    expect(out.form.indicators.annual[0]!.value).toEqual(parseValue("≥95%"));
  });

  it("refuses a fix whose text is no longer there, one that names no text field, and one that changes meaning", () => {
    const form = makeForm({ annual: [row("产出指标", "质量指标", "验收合格率", "≧90%")] });
    expect(applyEdits(form, [{ path: "indicators.annual[0].value.raw", from: "≧95%", to: "≥95%" }])).toBe(false);
    expect(applyEdits(form, [{ path: "funding.total", from: "100", to: "90" }])).toBe(false);
    expect(applyEdits(form, [{ path: "indicators.annual[0].value.raw", from: "≧90%", to: "≥95%" }])).toBe(false);
    expect(applyEdits(form, [{ path: "indicators.annual[0].value.raw", from: "≧90%", to: "≤90%" }])).toBe(false);
    expect(form.indicators.annual[0]!.value).toEqual(parseValue("≧90%"));
  });

  it("applies all of a fix's edits or none", () => {
    const form = makeForm({ annual: [row("效益指示", "社会效益指标", "a", "≥1个"), row("效益指示", "社会效益指标", "b", "≥1个")] });
    const edits = [
      { path: "indicators.annual[0].tier1", from: "效益指示", to: "效益指标" },
      { path: "indicators.annual[1].tier1", from: "别的", to: "效益指标" },
    ];
    expect(applyEdits(form, edits)).toBe(false);
    expect(form.indicators.annual.map((r) => r.tier1)).toEqual(["效益指示", "效益指示"]);
  });

  it("stops when a rule keeps offering a fix that no longer applies (no endless passes)", () => {
    let calls = 0;
    const stubborn = testRule({ id: "stubborn" }, (_form, ctx) => {
      calls++;
      ctx.report({ messageId: "found", path: "project.name", data: { what: "x" }, fix: { edits: [{ path: "project.name", from: "旧名", to: "新名" }] } });
    });
    const out = fixForm(makeForm(), (f) => lintForm(f, undefined, { rules: [stubborn] }));
    expect(out.applied).toEqual([]);
    expect(calls).toBe(1);
  });

  it("runs at most the passes it is given, even when every pass finds more", () => {
    // Each pass appends one character, so there is always one more fix.
    const growing = testRule({ id: "growing" }, (form, ctx) => {
      const name = form.project.name ?? "";
      ctx.report({ messageId: "found", path: "project.name", data: { what: name }, fix: { edits: [{ path: "project.name", from: name, to: `${name}.` }] } });
    });
    const out = fixForm(makeForm(), (f) => lintForm(f, undefined, { rules: [growing] }));
    expect(out.passes).toBe(10);
    expect(out.form.project.name).toBe(`测试项目${".".repeat(10)}`);
  });
});

/** Ways of writing one target: symbol, digits (half or full width), unit, word, spaces. */
const notation = fc.record({
  op: fc.constantFrom("", "≥", "≧", ">=", "＞＝", "≤", "≦", "<=", "＝", "=", ">", "＜", "不低于", "不超过", "大于", "约", "达到"),
  number: fc.oneof(fc.integer({ min: 0, max: 5000 }).map(String), fc.tuple(fc.integer({ min: 0, max: 99 }), fc.integer({ min: 1, max: 99 })).map(([a, b]) => `${a}.${b}`)),
  fullWidth: fc.boolean(),
  unit: fc.constantFrom("%", "％", "万元", "元/人", "次/年", "人", "个", "", "百分比", "天"),
  suffix: fc.constantFrom("", "", "以上", "以下", "以内", "左右", "(计划标准)"),
  lead: fc.constantFrom("", " ", "  ", "\u3000"),
  inner: fc.constantFrom("", " ", "  "),
  trail: fc.constantFrom("", " ", "  "),
});

function written(n: { op: string; number: string; fullWidth: boolean; unit: string; suffix: string; lead: string; inner: string; trail: string }): string {
  const digits = n.fullWidth ? n.number.replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0)) : n.number;
  return `${n.lead}${n.op}${n.inner}${digits}${n.inner}${n.unit}${n.suffix}${n.trail}`;
}

describe("fixes never change meaning (property)", () => {
  it("parse(fixed) equals parse(original) in kind, comparison, numbers and unit; fixing again changes nothing", () => {
    fc.assert(
      fc.property(fc.array(notation, { minLength: 1, maxLength: 4 }), fc.constantFrom("质量指标", "成本指标", "数量指标"), (values, tier2) => {
        const form = makeForm({ annual: values.map((v, i) => row("产出指标", tier2, `指标${i}`, written(v))) });
        const out = fixForm(form, lintAll);
        out.form.indicators.annual.forEach((r, i) => {
          const before = parseValue(form.indicators.annual[i]!.value.raw);
          const after = parseValue(r.value.raw);
          expect({ kind: after.kind, comparison: after.comparison, numbers: after.numbers, unit: after.unit, approximate: after.approximate }).toEqual({
            kind: before.kind,
            comparison: before.comparison,
            numbers: before.numbers,
            unit: before.unit,
            approximate: before.approximate,
          });
        });
        expect(fixForm(out.form, lintAll).applied).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });
});
