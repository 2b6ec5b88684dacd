import { copyFileSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { runCli } from "./run-cli.js";

/** The real rule catalogue over the seed form, end to end through the CLI. */
const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const cwd = ROOT;

interface JsonFinding {
  ruleId: string;
  severity: string;
  path: string;
  data?: Record<string, string | number>;
}

async function findingsOf(file: string, extra: string[] = [], dir = cwd): Promise<{ code: number; findings: JsonFinding[] }> {
  const r = await runCli(["validate", "--no-config", "-j", "1", "-f", "json", ...extra, file], { cwd: dir });
  const result = JSON.parse(r.stdout).results[0];
  expect(result.fatal, `${file} should be readable`).toBeUndefined();
  return { code: r.code, findings: result.findings };
}

const key = (f: JsonFinding) => `${f.severity} ${f.ruleId} ${f.path}`;

describe("perfgoal validate on the seed form (examples/hengdong-2023)", () => {
  it("reports what a reviewer would raise, and exits 1 because errors exist", async () => {
    const { code, findings } = await findingsOf("examples/hengdong-2023.docx");
    expect(code).toBe(1);
    const by = (id: string, severity?: string) => findings.filter((f) => f.ruleId === id && (!severity || f.severity === severity));
    // The six cost rows written as ≧…万元: a cost cap must not be a lower bound.
    expect(by("comparison-direction", "error")).toHaveLength(6);
    // 满意率 rows under 质量指标 instead of 满意度指标.
    expect(by("indicator-fits-tier2").length).toBeGreaterThanOrEqual(6);
    // Compound 数量 values and vague ones.
    expect(by("one-target-per-cell").map((f) => f.path)).toContain("indicators.annual[12].value");
    expect(by("prefer-quantitative").map((f) => f.path)).toContain("indicators.annual[3].value");
    expect(by("one-target-per-cell").map((f) => f.path)).toContain("indicators.annual[16].value");
    // Ranges such as 1-2次/年.
    expect(by("range-lower-bound").map((f) => f.path)).toContain("indicators.annual[0].value");
    // Identical 实施期 and annual goals: info, as the period is a single year.
    expect(by("goals-distinct").map((f) => f.severity)).toEqual(["info"]);
    // 326 万元 of costs ≤ the 361 万元 budget: no cost-sum error.
    expect(by("cost-within-budget", "error")).toEqual([]);
  });

  it("gives the same findings, rule ids and paths for the .docx, Word-style .docx, .txt variants and its YAML", async () => {
    const reference = (await findingsOf("examples/hengdong-2023.docx")).findings.map(key).sort();
    for (const file of ["examples/hengdong-2023.wordstyle.docx", "examples/hengdong-2023.txt", "examples/hengdong-2023.pipes.txt", "examples/hengdong-2023.webcopy.txt"]) {
      expect((await findingsOf(file)).findings.map(key).sort(), file).toEqual(reference);
    }
    const dir = mkdtempSync(path.join(tmpdir(), "perfgoal-seed-"));
    const parsed = await runCli(["parse", "-o", path.join(dir, "seed.yaml"), "examples/hengdong-2023.docx"], { cwd });
    expect(parsed.code).toBe(0);
    const yaml = await findingsOf("seed.yaml", [], dir);
    expect(yaml.findings.map(key).sort()).toEqual(reference);
  });

  it("fails the cost rule with one error naming both numbers when the budget is cut to 300", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "perfgoal-seed-"));
    await runCli(["parse", "-o", path.join(dir, "seed.yaml"), "examples/hengdong-2023.docx"], { cwd });
    const { readFileSync, writeFileSync } = await import("node:fs");
    const text = readFileSync(path.join(dir, "seed.yaml"), "utf8");
    expect(text).toMatch(/^ {2}total: 361\b/m);
    writeFileSync(path.join(dir, "cut.yaml"), text.replace(/^ {2}total: 361\b/m, "  total: 300"));
    const errors = (await findingsOf("cut.yaml", [], dir)).findings.filter((f) => f.ruleId === "cost-within-budget" && f.severity === "error");
    expect(errors).toHaveLength(1);
    expect(errors[0]!.path).toBe("funding.total");
    expect(Object.values(errors[0]!.data ?? {}).map(String)).toEqual(expect.arrayContaining(["326", "300"]));
  });

  it("gives the same report with worker threads as in one thread", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "perfgoal-workers-"));
    for (const f of ["hengdong-2023.docx", "hengdong-2023.txt", "hengdong-2023.pipes.txt"]) copyFileSync(path.join(ROOT, "examples", f), path.join(dir, f));
    const one = await runCli(["validate", "--no-config", "-j", "1", "-f", "json", "."], { cwd: dir });
    const two = await runCli(["validate", "--no-config", "-j", "2", "-f", "json", "."], { cwd: dir });
    expect(two.code).toBe(one.code);
    expect(JSON.parse(two.stdout).results).toEqual(JSON.parse(one.stdout).results);
  });
});
