import { describe, expect, it, vi } from "vitest";
import { lintForm, INTERNAL_CODE } from "../../src/lint/lint-form.js";
import type { SourceMap } from "../../src/model/location.js";
import { makeForm, row, testRule } from "./helpers.js";

const map: SourceMap = new Map([
  ["indicators.annual[0]", { kind: "cell", table: 2, row: 5, col: 1 }],
  ["indicators.annual[0].value", { kind: "cell", table: 2, row: 5, col: 4 }],
  ["funding.total", { kind: "cell", table: 1, row: 3, col: 2 }],
]);

describe("lintForm", () => {
  it("completes a report with rule id, code, severity, both messages and the location", () => {
    const rule = testRule({ id: "finds-things", code: "PG042", severity: "error" }, (_form, ctx) =>
      ctx.report({ messageId: "found", path: "indicators.annual[0].value", data: { what: "≧40万元" } }),
    );
    const result = lintForm(makeForm(), map, { rules: [rule], file: "a.docx" });
    expect(result.file).toBe("a.docx");
    expect(result.project).toBe("测试项目");
    expect(result.findings).toEqual([
      {
        ruleId: "finds-things",
        code: "PG042",
        severity: "error",
        messageId: "found",
        message: "发现 ≧40万元",
        messageZh: "发现 ≧40万元",
        messageEn: "found ≧40万元",
        data: { what: "≧40万元" },
        path: "indicators.annual[0].value",
        location: { kind: "cell", table: 2, row: 5, col: 4 },
        locationText: "表2 第5行第4列",
      },
    ]);
    expect(result.counts).toEqual({ error: 1, warning: 0, info: 0 });
  });

  it("writes the message and location in English with lang en", () => {
    const rule = testRule({ id: "r" }, (_f, ctx) => ctx.report({ messageId: "found", path: "funding.total", data: { what: "x" } }));
    const [f] = lintForm(makeForm(), map, { rules: [rule], lang: "en" }).findings;
    expect(f?.message).toBe("found x");
    expect(f?.locationText).toBe("table 1 row 3 col 2");
  });

  it("points at the nearest ancestor the source map knows, and at nothing when none", () => {
    const rule = testRule({ id: "r" }, (_f, ctx) => {
      ctx.report({ messageId: "found", path: "indicators.annual[0].tier3" });
      ctx.report({ messageId: "found", path: "goals.annual" });
    });
    const findings = lintForm(makeForm(), map, { rules: [rule] }).findings;
    const known = findings.find((f) => f.path === "indicators.annual[0].tier3");
    const unknown = findings.find((f) => f.path === "goals.annual");
    expect(unknown?.location).toBeUndefined();
    expect(unknown?.locationText).toBe("");
    expect(known?.location).toEqual({ kind: "cell", table: 2, row: 5, col: 1 });
  });

  it("keeps a per-report severity unless config sets the rule's severity", () => {
    const rule = testRule({ id: "mixed", severity: "warning" }, (_f, ctx) => {
      ctx.report({ messageId: "found", path: "a" });
      ctx.report({ messageId: "found", path: "b", severity: "info" });
    });
    const own = lintForm(makeForm(), undefined, { rules: [rule] }).findings.map((f) => f.severity);
    expect(own).toEqual(["warning", "info"]);
    const configured = lintForm(makeForm(), undefined, { rules: [rule], config: { rules: { mixed: { severity: "error" } } } });
    expect(configured.findings.map((f) => f.severity)).toEqual(["error", "error"]);
  });

  it("does not run a rule that config turns off", () => {
    const check = vi.fn();
    const result = lintForm(makeForm(), undefined, { rules: [testRule({ id: "quiet" }, check)], config: { rules: { quiet: { severity: "off" } } } });
    expect(check).not.toHaveBeenCalled();
    expect(result.findings).toEqual([]);
  });

  it("gives a rule its options merged over its defaults, the era and the profile", () => {
    const seen: unknown[] = [];
    const rule = testRule({ id: "opts", defaultOptions: { min: 3, label: "x" } }, (_f, ctx) => void seen.push(ctx.options, ctx.era, ctx.profile));
    lintForm(makeForm(), undefined, { rules: [rule], config: { profile: "central-2021", rules: { opts: { options: { min: 5 } } } } });
    expect(seen).toEqual([{ min: 5, label: "x" }, "A", "central-2021"]);
  });

  it("turns a rule that throws into one PG000 finding naming it, and runs the others", () => {
    const broken = testRule({ id: "broken" }, (_f, ctx) => {
      ctx.report({ messageId: "found", path: "a" });
      throw new Error("boom\nsecond line");
    });
    const fine = testRule({ id: "fine" }, (_f, ctx) => ctx.report({ messageId: "found", path: "b", data: { what: "y" } }));
    const result = lintForm(makeForm(), undefined, { rules: [broken, fine] });
    expect(result.findings.map((f) => [f.ruleId, f.code, f.severity])).toEqual([
      ["broken", INTERNAL_CODE, "error"],
      ["fine", "PG900", "warning"],
    ]);
    expect(result.findings[0]?.message).toBe("规则 broken 运行出错，已跳过：boom");
  });

  it("treats a report with an undefined messageId as the rule's own failure", () => {
    const rule = testRule({ id: "typo" }, (_f, ctx) => ctx.report({ messageId: "fonud", path: "funding.total" }));
    const [f] = lintForm(makeForm(), map, { rules: [rule] }).findings;
    expect(f?.code).toBe(INTERNAL_CODE);
    expect(f?.message).toContain("fonud");
    expect(f?.locationText).toBe("表1 第3行第2列");
  });

  it("sorts findings by location, then rule id, keeping the report order otherwise", () => {
    const lines: SourceMap = new Map([
      ["p1", { kind: "line", line: 9 }],
      ["p2", { kind: "line", line: 3 }],
    ]);
    const z = testRule({ id: "z-rule" }, (_f, ctx) => {
      ctx.report({ messageId: "found", path: "p1", data: { what: "first" } });
      ctx.report({ messageId: "found", path: "p2" });
      ctx.report({ messageId: "found", path: "p1", data: { what: "second" } });
    });
    const a = testRule({ id: "a-rule" }, (_f, ctx) => {
      ctx.report({ messageId: "found", path: "p1" });
      ctx.report({ messageId: "found", path: "nowhere" });
    });
    const order = lintForm(makeForm(), lines, { rules: [z, a] }).findings.map((f) => `${f.ruleId}@${f.locationText}:${f.data?.what ?? ""}`);
    expect(order).toEqual(["a-rule@:", "z-rule@第3行:", "a-rule@第9行:", "z-rule@第9行:first", "z-rule@第9行:second"]);
  });

  it("grades the form from the kinds of problem it has", () => {
    // One rule per kind of problem: rule i reports one error (or warning) each.
    const rules = (errors: number, warnings: number) => [
      ...Array.from({ length: errors }, (_, i) => testRule({ id: `e${i}` }, (_f, ctx) => ctx.report({ messageId: "found", path: "a", severity: "error" }))),
      ...Array.from({ length: warnings }, (_, i) => testRule({ id: `w${i}` }, (_f, ctx) => ctx.report({ messageId: "found", path: "a", severity: "warning" }))),
    ];
    const grade = (e: number, w: number, config = {}) => lintForm(makeForm(), undefined, { rules: rules(e, w), config }).grade;
    expect([grade(0, 3), grade(0, 4), grade(1, 9), grade(2, 0), grade(3, 0)]).toEqual(["优", "良", "中", "中", "差"]);
    // The limits come from the config.
    const strict = { grade: { excellent: { maxErrors: 0, maxWarnings: 0 }, good: { maxErrors: 0, maxWarnings: 2 }, fair: { maxErrors: 0 } } };
    expect([grade(0, 0, strict), grade(0, 2, strict), grade(0, 3, strict), grade(1, 0, strict)]).toEqual(["优", "良", "中", "差"]);
  });

  it("counts one kind of problem once for the grade, however many cells repeat it, and lists every cell", () => {
    const repeated = testRule({ id: "slip" }, (_f, ctx) => {
      for (let i = 0; i < 6; i++) ctx.report({ messageId: "found", path: `indicators.annual[${i}].value`, severity: "error" });
    });
    const result = lintForm(makeForm(), undefined, { rules: [repeated] });
    expect(result.findings).toHaveLength(6);
    expect(result.counts.error).toBe(6);
    expect(result.grade).toBe("中");
  });

  it("reports the era it used and how it was decided", () => {
    const eraB = makeForm({ indicators: { annual: [row("成本指标", "经济成本指标", "设备购置", "≤10万元")] } });
    expect(lintForm(eraB, undefined, { rules: [] })).toMatchObject({ era: "B", eraSource: "detected" });
    expect(lintForm(makeForm(), undefined, { rules: [], config: { era: "B" } })).toMatchObject({ era: "B", eraSource: "config" });
  });
});
