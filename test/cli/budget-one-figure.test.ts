/**
 * The clerk edits the budget in one place or the other: validate and the printed form must agree on
 * the figure, or a finding must say that the two amounts disagree. And a mistyped 一级 gets its
 * suggestion. Each scenario runs the CLI on an edited copy of the seed's YAML.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { runCli } from "./run-cli.js";

const SEED_YAML = readFileSync(fileURLToPath(new URL("../../examples/hengdong-2023.yaml", import.meta.url)), "utf8");
const dir = mkdtempSync(path.join(tmpdir(), "pg-budget-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface JsonFinding {
  ruleId: string;
  messageId: string;
  message: string;
  severity: string;
}

function edited(name: string, edit: (yaml: string) => string): string {
  const changed = edit(SEED_YAML);
  expect(changed, "the edit applies to the seed").not.toBe(SEED_YAML);
  writeFileSync(path.join(dir, name), changed);
  return name;
}

async function findings(file: string): Promise<JsonFinding[]> {
  const r = await runCli(["validate", file, "-f", "json", "--no-config"], { cwd: dir });
  expect(r.stderr).toBe("");
  return (JSON.parse(r.stdout) as { results: { findings: JsonFinding[] }[] }).results[0]!.findings;
}

/** The budget figures of the printed form, read back from the rendered .docx. */
async function printed(file: string): Promise<{ total?: number; ownLevel?: number }> {
  const docx = file.replace(/\.yaml$/, ".docx");
  const r = await runCli(["render", file, "-o", docx], { cwd: dir });
  expect(r.code).toBe(0);
  const back = await runCli(["parse", docx], { cwd: dir });
  expect(back.code).toBe(0);
  const amount = (key: string) => {
    const m = new RegExp(`^  ${key}: ([\\d.]+)`, "m").exec(back.stdout);
    return m ? Number(m[1]) : undefined;
  };
  return { total: amount("total"), ownLevel: amount("ownLevel") };
}

const levels = (fs: JsonFinding[]) => fs.filter((f) => f.ruleId === "funding-adds-up" && f.messageId === "levelsMismatch");
const overBudget = (fs: JsonFinding[]) => fs.filter((f) => f.ruleId === "cost-within-budget" && f.severity === "error");

describe("one meaning per figure", () => {
  it("the seed: one figure, no disagreement, costs within it, printed as is", async () => {
    writeFileSync(path.join(dir, "seed.yaml"), SEED_YAML);
    const fs = await findings("seed.yaml");
    expect(levels(fs)).toEqual([]);
    expect(overBudget(fs)).toEqual([]);
    expect(await printed("seed.yaml")).toEqual({ total: 361, ownLevel: 361 });
  });

  it("total edited alone: costs are checked against it, the disagreement is reported, and both figures are printed", async () => {
    const file = edited("total.yaml", (y) => y.replace(/^  total: 361\b/m, "  total: 300"));
    const fs = await findings(file);
    expect(overBudget(fs).map((f) => f.message)).toEqual([expect.stringContaining("300")]);
    expect(levels(fs)).toHaveLength(1);
    expect(levels(fs)[0]!.message).toContain("300");
    expect(levels(fs)[0]!.message).toContain("361");
    expect(await printed(file)).toEqual({ total: 300, ownLevel: 361 });
  });

  it("本级 edited alone: the disagreement is reported, costs stay checked against the total, both are printed", async () => {
    const file = edited("own.yaml", (y) => y.replace(/^  ownLevel: 361\b/m, "  ownLevel: 300"));
    const fs = await findings(file);
    expect(levels(fs)).toHaveLength(1);
    expect(overBudget(fs)).toEqual([]);
    expect(await printed(file)).toEqual({ total: 361, ownLevel: 300 });
  });

  it("both edited: one figure again, the one validate checks is the one printed", async () => {
    const file = edited("both.yaml", (y) => y.replace(/^  total: 361\b/m, "  total: 300").replace(/^  ownLevel: 361\b/m, "  ownLevel: 300"));
    const fs = await findings(file);
    expect(levels(fs)).toEqual([]);
    expect(overBudget(fs).map((f) => f.message)).toEqual([expect.stringContaining("超过年度预算 300")]);
    expect(await printed(file)).toEqual({ total: 300, ownLevel: 300 });
  });
});

describe("did you mean", () => {
  it("a 一级 written 效益指示 is an error that names 效益指标", async () => {
    const file = edited("typo.yaml", (y) => y.replace("tier1: 效益指标", "tier1: 效益指示"));
    const fs = await findings(file);
    const typo = fs.filter((f) => f.severity === "error" && f.message.includes("效益指示"));
    expect(typo).toHaveLength(1);
    expect(typo[0]!.message).toContain("效益指标");
  });
});
