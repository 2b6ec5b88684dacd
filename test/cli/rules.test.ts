import { describe, expect, it, vi } from "vitest";
import { runCli } from "./run-cli.js";
import { scenarioRules } from "./scenario-rules.js";

vi.mock("../../src/lint/rule-registry.js", () => ({ loadRules: async () => scenarioRules }));

const cwd = process.cwd();

describe("perfgoal rules", () => {
  it("lists every rule by code with its id, default severity and Chinese description", async () => {
    const r = await runCli(["rules"], { cwd });
    expect(r.code).toBe(0);
    expect(r.stdout.split("\n")).toEqual([
      "编号   规则                  默认级别  说明",
      "PG901  cost-not-lower-bound  错误      测试规则 cost-not-lower-bound",
      "PG902  range-value           警告      测试规则 range-value",
      "PG903  same-goals            提示      测试规则 same-goals",
      "PG904  profile-note          提示      测试规则 profile-note",
      "共 4 条规则",
      "",
      "参考评级：优 = 无错误且警告不超过 3 类；良 = 无错误；中 = 错误不超过 2 类；其余为差。同一规则的同一类问题无论出现在多少个单元格只计一次（报告仍逐格列出）；阈值可在配置文件的 grade 中修改。",
      "",
    ]);
  });

  it("speaks English with --lang en", async () => {
    const r = await runCli(["rules", "--lang", "en"], { cwd });
    expect(r.stdout).toContain("PG902  range-value           warning   test rule range-value");
  });

  it("gives the rules' metadata as JSON", async () => {
    const r = await runCli(["rules", "-f", "json"], { cwd });
    const out = JSON.parse(r.stdout);
    expect(out.schemaVersion).toBe(1);
    expect(out.rules.map((m: { code: string }) => m.code)).toEqual(["PG901", "PG902", "PG903", "PG904"]);
    expect(out.rules[0].messages.lowerBound.en).toBe("a cost cap must not be a lower bound: {value}");
  });

  it("refuses an unknown format with exit 2", async () => {
    expect((await runCli(["rules", "-f", "xml"], { cwd })).code).toBe(2);
  });

  it("prints one rule's page by code or id, in the chosen language", async () => {
    for (const name of ["PG902", "pg902", "range-value"]) {
      const r = await runCli(["rules", name], { cwd });
      expect(r.code, name).toBe(0);
      const lines = r.stdout.split("\n");
      expect(lines[0]).toBe("PG902  range-value");
      expect(r.stdout).toContain("测试规则 range-value");
      expect(r.stdout).toContain("    range-value: warning");
      expect(r.stdout).not.toContain("PG901");
    }
    const en = await runCli(["rules", "PG902", "--lang", "en"], { cwd });
    expect(en.stdout).toContain("default severity: warning");
  });

  it("refuses an unknown rule with exit 2 and names the one it is near", async () => {
    const near = await runCli(["rules", "range-valeu"], { cwd });
    expect(near.code).toBe(2);
    expect(near.stderr).toBe("perfgoal: 未知规则 range-valeu，是否应为 range-value？\n");
    const far = await runCli(["rules", "PG000"], { cwd });
    expect(far.code).toBe(2);
    expect(far.stderr).toContain("perfgoal rules 列出全部规则");
  });
});
