import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { seedDir } from "../../bench/forms.js";
import { formFacts, ReviewCollector, reviewTotals } from "../../src/batch/review.js";
import { parseBuffer } from "../../src/parse/index.js";
import { errorsOnly, type FatalResult, type FormResult } from "../../src/lint/types.js";

describe("formFacts", () => {
  it("gives the seed's department, budget, indicators per 一级 and the cost sum the cost rule computes (326 ≤ 361)", async () => {
    const parsed = await parseBuffer(readFileSync(path.join(seedDir(), "hengdong-2023.txt")), "seed.txt");
    const facts = formFacts(parsed.forms[0]!.form);
    expect(facts.department).toBe("衡东县政府办");
    expect(facts.budgetWanYuan).toBe(361);
    expect(facts.costSumWanYuan).toBe(326);
    expect(facts.tier1Counts.output).toBeGreaterThan(10);
    expect(facts.tier1Counts.satisfaction).toBeGreaterThan(0);
  });
});

const finding = (ruleId: string, severity: "error" | "warning" | "info", message: string) => ({
  ruleId,
  code: "PG001",
  severity,
  messageId: "m",
  message,
  messageZh: message,
  messageEn: message,
  path: "goals.annual",
  locationText: "第3行",
});

const form = (file: string, findings: ReturnType<typeof finding>[]): FormResult => ({
  file,
  project: "项目",
  findings,
  counts: {
    error: findings.filter((f) => f.severity === "error").length,
    warning: findings.filter((f) => f.severity === "warning").length,
    info: findings.filter((f) => f.severity === "info").length,
  },
  grade: "中",
  era: "A",
  eraSource: "default",
});

describe("ReviewCollector", () => {
  it("keeps entries in order, unreadable files included, with totals per rule and department", () => {
    const c = new ReviewCollector();
    const fatal: FatalResult = { file: "b.docx", fatal: { code: "PG-E-CORRUPT", message: "文件已损坏", messageZh: "文件已损坏", messageEn: "damaged" } };
    c.add(form("a.txt", [finding("r1", "error", "同" + "一条"), finding("r2", "info", "提示")]), { tier1Counts: { output: 3 }, department: "甲", budgetWanYuan: 10 });
    c.add(fatal);
    c.add(form("c.txt", [finding("r1", "error", "同一" + "条")]), { tier1Counts: {}, department: "甲", budgetWanYuan: 5 });
    const report = c.report({ lang: "zh", skipped: { lock: 2 }, now: new Date(0) });
    expect([...report.entries].map((e) => e.kind)).toEqual(["form", "unreadable", "form"]);
    const [a, , b] = [...report.entries];
    if (a?.kind !== "form" || b?.kind !== "form") throw new Error("forms expected");
    expect(a.findings[0]!.message).toBe(b.findings[0]!.message);
    expect(a.topRules).toEqual(["r1", "r2"]);
    const totals = reviewTotals(report);
    expect(totals).toMatchObject({ forms: 2, unreadable: 1, errors: 2, infos: 1, skipped: 2, budgetWanYuan: 15, costSumWanYuan: 0 });
    expect(totals.unreadableFiles.map((u) => u.file)).toEqual(["b.docx"]);
    expect(totals.byDepartment).toEqual([{ department: "甲", budgetWanYuan: 15, costSumWanYuan: 0, forms: 2, errors: 2, warnings: 0, infos: 1, grades: { 中: 2 } }]);
    expect(totals.byRule.map((r) => [r.ruleId, r.total])).toEqual([["r1", 2], ["r2", 1]]);
  });

  it("with --quiet holds what the report lists: the result filtered before it is added, counts included", () => {
    const c = new ReviewCollector();
    c.add(errorsOnly(form("a.txt", [finding("r1", "error", "x"), finding("r2", "warning", "y")])));
    const e = [...c.report({ lang: "zh", skipped: {} }).entries][0]!;
    if (e.kind !== "form") throw new Error("form expected");
    expect(e.findings.map((f) => f.ruleId)).toEqual(["r1"]);
    expect(e.counts).toMatchObject({ error: 1, warning: 0 });
  });
});
