/**
 * The clerk's whole loop through the CLI: init → fill in (as an editor would: values set, comments
 * left) → validate → fix → validate again → render → parse the printed form back. Each step must
 * hand the next exactly what the clerk sees.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { parseDocument } from "yaml";
import { loadFormYaml } from "../../src/model/yaml.js";
import { parseReport } from "../report/json-report.js";
import { runCli } from "./run-cli.js";

const dir = mkdtempSync(path.join(tmpdir(), "pg-clerk-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** What the clerk types into each template row, by 二级; two rows carry notation slips, one a misspelt 二级. */
const ROWS: Record<string, { tier2?: string; tier3: string; raw: string }> = {
  数量指标: { tier3: "养老服务人次", raw: "≧1200人次" },
  质量指标: { tier3: "服务合格率", raw: "95%以上" },
  时效指标: { tier3: "项目完成时间", raw: "2025年12月底前" },
  成本指标: { tier3: "服务购买成本", raw: "≤48万元" },
  经济效益指标: { tier3: "带动就业岗位", raw: "≥10个" },
  社会效益指标: { tier2: "社会效议指标", tier3: "老年人生活质量", raw: "逐步提高" },
  生态效益指标: { tier3: "服务场所环境达标率", raw: "100%" },
  可持续影响指标: { tier3: "服务机制持续运行年限", raw: "≥3年" },
  服务对象满意度指标: { tier3: "服务对象满意度", raw: "≥90%" },
};

async function json(file: string) {
  const r = await runCli(["validate", file, "-f", "json", "--no-config"], { cwd: dir });
  return { code: r.code, form: parseReport(r.stdout).results[0] as { findings: { ruleId: string; message: string; fixable?: boolean; severity: string }[] } };
}

describe("init → validate → fix → render → parse", () => {
  it("hands each step what the clerk sees", async () => {
    expect((await runCli(["init", "-o", "goals.yaml"], { cwd: dir })).code).toBe(0);
    const blank = await json("goals.yaml");
    expect(blank.form.findings.length).toBeGreaterThan(0);

    // Fill in as an editor would: set values in place, keep every comment.
    const doc = parseDocument(readFileSync(path.join(dir, "goals.yaml"), "utf8"));
    doc.set("year", 2025);
    doc.set("fillingUnit", "某县民政局");
    doc.setIn(["project", "name"], "社区居家养老服务项目");
    doc.setIn(["project", "department", "name"], "某县民政局");
    doc.setIn(["project", "period", "text"], "2025年度");
    doc.setIn(["funding", "total"], 50);
    doc.setIn(["funding", "ownLevel"], 50);
    doc.deleteIn(["funding", "upperLevel"]);
    doc.setIn(["goals", "longTerm"], "为辖区老年人提供居家养老服务，提高老年人生活质量。");
    doc.setIn(["goals", "annual"], "2025年为辖区老年人提供居家养老服务不少于1200人次。");
    const rows = doc.getIn(["indicators", "annual"]) as { items: unknown[] };
    rows.items.forEach((_, i) => {
      const tier2 = String(doc.getIn(["indicators", "annual", i, "tier2"]));
      const row = ROWS[tier2];
      expect(row, tier2).toBeDefined();
      if (row!.tier2) doc.setIn(["indicators", "annual", i, "tier2"], row!.tier2);
      doc.setIn(["indicators", "annual", i, "tier3"], row!.tier3);
      doc.setIn(["indicators", "annual", i, "value", "raw"], row!.raw);
    });
    const filled = doc.toString({ lineWidth: 0 });
    expect(filled).toContain("# 三级指标（指标名称）");
    writeFileSync(path.join(dir, "goals.yaml"), filled);

    // validate: the slips are found, and marked as fixable.
    const before = await json("goals.yaml");
    const fixable = before.form.findings.filter((f) => f.fixable);
    expect(fixable.map((f) => f.message).join("\n")).toMatch(/≧1200人次/);
    expect(fixable.map((f) => f.message).join("\n")).toMatch(/社会效议指标/);
    expect(fixable.length).toBeGreaterThanOrEqual(3);
    const stylish = await runCli(["validate", "goals.yaml", "--no-config"], { cwd: dir });
    expect(stylish.stdout).toContain("可用 perfgoal fix 自动修正");

    // fix: beside the input, the input untouched, each change listed.
    const fix = await runCli(["fix", "goals.yaml", "--no-config"], { cwd: dir });
    expect(fix.code).toBe(0);
    expect(readFileSync(path.join(dir, "goals.yaml"), "utf8")).toBe(filled);
    const fixedText = readFileSync(path.join(dir, "goals.fixed.yaml"), "utf8");
    expect(fixedText).toContain("# 三级指标（指标名称）");
    const fixed = loadFormYaml(fixedText).form;
    const byName = new Map(fixed.indicators.annual.map((r) => [r.tier3, r]));
    expect(byName.get("养老服务人次")!.value.raw).toBe("≥1200人次");
    expect(byName.get("服务合格率")!.value.raw).toBe("≥95%");
    expect(byName.get("老年人生活质量")!.tier2).toBe("社会效益指标");

    // validate again: what fix could correct is gone, and nothing new appeared.
    const after = await json("goals.fixed.yaml");
    expect(after.form.findings.filter((f) => f.fixable)).toEqual([]);
    const key = (f: { ruleId: string; message: string }) => `${f.ruleId}|${f.message}`;
    const stillThere = new Set(before.form.findings.map(key));
    expect(after.form.findings.map(key).filter((k) => !stillThere.has(k))).toEqual([]);
    // At least the fixed ones are gone (a corrected 二级 can settle a coverage finding too).
    expect(after.form.findings.length).toBeLessThanOrEqual(before.form.findings.length - fixable.length);

    // render, then parse the printed form back: the same form as the fixed YAML.
    expect((await runCli(["render", "goals.fixed.yaml", "-o", "申报表.docx"], { cwd: dir })).code).toBe(0);
    const back = await runCli(["parse", "申报表.docx"], { cwd: dir });
    expect(back.code).toBe(0);
    const printed = loadFormYaml(back.stdout).form;
    // What the clerk wrote comes back; the reader adds only what it derives (the title, the period's
    // start and end) and drops the footer left blank.
    const written = (f: typeof fixed) => ({
      year: f.year,
      fillingUnit: f.fillingUnit,
      amountUnit: f.amountUnit,
      project: { ...f.project, period: { text: f.project.period?.text } },
      funding: f.funding,
      goals: f.goals,
      indicators: f.indicators,
    });
    expect(written(printed)).toEqual(written(fixed));
    expect(printed.project.period).toMatchObject({ start: "2025-01", end: "2025-12" });
  }, 120_000);
});
