import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { runCli } from "./run-cli.js";
import { parseReport } from "../report/json-report.js";

const EXAMPLES = fileURLToPath(new URL("../../examples/", import.meta.url));
const SEED_FIXES = 15;

/** A scratch folder holding copies of the given example files. */
function scratch(...files: string[]): string {
  const dir = mkdtempSync(path.join(tmpdir(), "perfgoal-fix-"));
  for (const f of files) copyFileSync(path.join(EXAMPLES, f), path.join(dir, f));
  return dir;
}

const read = (dir: string, f: string) => readFileSync(path.join(dir, f), "utf8");

describe("perfgoal fix: a YAML", () => {
  it("writes <name>.fixed.yaml beside the input, one line per change and a count; the input is untouched", async () => {
    const dir = scratch("hengdong-2023.yaml");
    const before = read(dir, "hengdong-2023.yaml");
    const r = await runCli(["fix", "hengdong-2023.yaml"], { cwd: dir });
    expect(r.code).toBe(0);
    const lines = r.stdout.trimEnd().split("\n");
    expect(lines).toHaveLength(SEED_FIXES + 1);
    expect(lines[0]).toBe("第184行第9列: ≧90% → ≥90% (comparison-direction)");
    expect(lines).toContain("第305行第9列: ＝100% → =100% (comparison-direction)");
    expect(lines.at(-1)).toBe(`共修正 ${SEED_FIXES} 处，已写入 hengdong-2023.fixed.yaml`);
    expect(r.stderr).toBe("");
    expect(read(dir, "hengdong-2023.yaml")).toBe(before);
    expect(read(dir, "hengdong-2023.fixed.yaml")).not.toBe(before);
  });

  it("leaves nothing fixable: validate no longer marks a finding, and fix then says there is nothing to do and writes nothing", async () => {
    const dir = scratch("hengdong-2023.yaml");
    await runCli(["fix", "hengdong-2023.yaml"], { cwd: dir });
    const v = await runCli(["validate", "hengdong-2023.fixed.yaml", "-j", "1"], { cwd: dir });
    expect(v.stdout).not.toContain("[可自动修正]");
    expect(v.stdout).not.toContain("perfgoal fix");
    const again = await runCli(["fix", "hengdong-2023.fixed.yaml"], { cwd: dir });
    expect(again).toMatchObject({ code: 0, stdout: "无可自动修正的问题\n", stderr: "" });
    expect(readdirSync(dir).sort()).toEqual(["hengdong-2023.fixed.yaml", "hengdong-2023.yaml"]);
  });

  it("--write changes the input itself, and nothing else", async () => {
    const dir = scratch("hengdong-2023.yaml");
    const r = await runCli(["fix", "hengdong-2023.yaml", "--write"], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout.trimEnd().split("\n").at(-1)).toBe(`共修正 ${SEED_FIXES} 处，已写入 hengdong-2023.yaml`);
    expect(readdirSync(dir)).toEqual(["hengdong-2023.yaml"]);
    expect(read(dir, "hengdong-2023.yaml")).toContain("raw: ≥90%");
    expect(read(dir, "hengdong-2023.yaml")).not.toContain("≧90%");
  });

  it("keeps a byte-order mark the YAML began with", async () => {
    const dir = scratch("hengdong-2023.yaml");
    const bytes = readFileSync(path.join(dir, "hengdong-2023.yaml"));
    writeFileSync(path.join(dir, "bom.yaml"), Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), bytes]));
    expect((await runCli(["fix", "bom.yaml"], { cwd: dir })).code).toBe(0);
    const out = readFileSync(path.join(dir, "bom.fixed.yaml"));
    expect([...out.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect((await runCli(["fix", "hengdong-2023.yaml"], { cwd: dir })).code).toBe(0);
    expect(out.subarray(3).equals(readFileSync(path.join(dir, "hengdong-2023.fixed.yaml")))).toBe(true);
  });

  it("-o writes where it is told; --dry-run lists the changes and writes nothing", async () => {
    const dir = scratch("hengdong-2023.yaml");
    const dry = await runCli(["fix", "hengdong-2023.yaml", "--dry-run"], { cwd: dir });
    expect(dry.code).toBe(0);
    expect(dry.stdout.trimEnd().split("\n")).toHaveLength(SEED_FIXES + 1);
    expect(dry.stdout).toContain("（--dry-run：未写入 hengdong-2023.fixed.yaml）");
    expect(readdirSync(dir)).toEqual(["hengdong-2023.yaml"]);
    const out = await runCli(["fix", "hengdong-2023.yaml", "-o", "修正/表.yaml"], { cwd: dir });
    expect(out.code).toBe(0);
    expect(out.stdout.trimEnd().split("\n").at(-1)).toBe(`共修正 ${SEED_FIXES} 处，已写入 修正/表.yaml`);
    expect(read(dir, "修正/表.yaml")).toContain("raw: =100%");
  });

  it("-o x.docx renders the fixed form as Word, which reads back with the fixed values", async () => {
    const dir = scratch("hengdong-2023.yaml");
    const r = await runCli(["fix", "hengdong-2023.yaml", "-o", "fixed.docx"], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("已写入 fixed.docx");
    const parsed = await runCli(["parse", "fixed.docx"], { cwd: dir });
    expect(parsed.code).toBe(0);
    expect(parsed.stdout).toContain("raw: ≥90%");
    expect(parsed.stdout).not.toContain("≧90%");
  });

  it("says in English what it changed with --lang en", async () => {
    const dir = scratch("hengdong-2023.yaml");
    const r = await runCli(["--lang", "en", "fix", "hengdong-2023.yaml"], { cwd: dir });
    expect(r.stdout.split("\n")[0]).toBe("line 184:9: ≧90% → ≥90% (comparison-direction)");
    expect(r.stdout.trimEnd().split("\n").at(-1)).toBe(`${SEED_FIXES} fixes, written to hengdong-2023.fixed.yaml`);
  });

  it("names each change of a 一级 filled down several rows once, with the rows it covers", async () => {
    const dir = scratch();
    writeFileSync(
      path.join(dir, "表.yaml"),
      `amountUnit: 万元
project: { name: 测试项目, department: { name: 测试局 }, period: { text: 2023年度 } }
funding: { total: 100 }
goals: { annual: 完成年度工作任务。 }
indicators:
  annual:
    - { tier1: 效益指示, tier2: 社会效益指标, tier3: 群众知晓率, value: "≥90%" }
    - { tier1: 效益指示, tier2: 社会效益指标, tier3: 政策知晓率, value: " ≥95%" }
`,
    );
    const r = await runCli(["fix", "表.yaml"], { cwd: dir });
    expect(r.stdout).toBe(["第7行第16列: 效益指示 → 效益指标（共 2 行） (tier2-under-tier1)", "第8行第58列: “ ≥95%” → ≥95% (comparison-direction)", "共修正 2 处，已写入 表.fixed.yaml", ""].join("\n"));
  });
});

describe("perfgoal fix: a Word or text form", () => {
  it("writes the fixed form as YAML beside it (never over the original)", async () => {
    const dir = scratch("hengdong-2023.docx");
    const before = readFileSync(path.join(dir, "hengdong-2023.docx"));
    const r = await runCli(["fix", "hengdong-2023.docx"], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout.split("\n")[0]).toBe("表1 第26行第5列: ≧90% → ≥90% (comparison-direction)");
    expect(r.stdout.trimEnd().split("\n").at(-1)).toBe(`共修正 ${SEED_FIXES} 处，已写入 hengdong-2023.fixed.yaml`);
    expect(readFileSync(path.join(dir, "hengdong-2023.docx")).equals(before)).toBe(true);
    const v = await runCli(["validate", "hengdong-2023.fixed.yaml", "-j", "1"], { cwd: dir });
    expect(v.stdout).not.toContain("[可自动修正]");
  });

  it("with -o x.docx renders it as Word", async () => {
    const dir = scratch("hengdong-2023.txt");
    const r = await runCli(["fix", "hengdong-2023.txt", "-o", "规范.docx"], { cwd: dir });
    expect(r.code).toBe(0);
    expect(existsSync(path.join(dir, "规范.docx"))).toBe(true);
    const v = await runCli(["validate", "规范.docx", "-j", "1"], { cwd: dir });
    expect(v.stdout).not.toContain("[可自动修正]");
  });

  it("refuses --write in one line, writing nothing", async () => {
    const dir = scratch("hengdong-2023.docx");
    const r = await runCli(["fix", "hengdong-2023.docx", "--write"], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toBe("perfgoal: hengdong-2023.docx：--write 只用于 .yaml；修正后的表单写为 YAML（或用 -o 名称.docx 生成 Word 文件），从不覆盖原文件\n");
    expect(readdirSync(dir)).toEqual(["hengdong-2023.docx"]);
  });
});

describe("perfgoal fix: refusals", () => {
  it("a missing file is a usage error (2); an unreadable one an input error (1); one line each, no stack", async () => {
    const dir = scratch();
    const missing = await runCli(["fix", "没有.yaml"], { cwd: dir });
    expect(missing).toMatchObject({ code: 2, stdout: "" });
    expect(missing.stderr).toBe("perfgoal: 没有.yaml: 文件不存在 [PG-E-NOT-FOUND]\n");
    writeFileSync(path.join(dir, "坏.yaml"), "indicators: [\n");
    const bad = await runCli(["fix", "坏.yaml"], { cwd: dir });
    expect(bad.code).toBe(1);
    expect(bad.stderr.split("\n")).toHaveLength(2);
    expect(bad.stderr).toMatch(/^perfgoal: 坏\.yaml: YAML 内容无效.*\[PG-E-YAML\]\n$/);
    expect(readdirSync(dir)).toEqual(["坏.yaml"]);
  });

  it("never overwrites an existing output without --force, nor the input through -o", async () => {
    const dir = scratch("hengdong-2023.yaml");
    writeFileSync(path.join(dir, "hengdong-2023.fixed.yaml"), "旧的\n");
    const r = await runCli(["fix", "hengdong-2023.yaml"], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toBe("perfgoal: hengdong-2023.fixed.yaml: 输出文件已存在（使用 --force 覆盖） [PG-E-EXISTS]\n");
    expect(read(dir, "hengdong-2023.fixed.yaml")).toBe("旧的\n");
    expect((await runCli(["fix", "hengdong-2023.yaml", "--force"], { cwd: dir })).code).toBe(0);
    expect(read(dir, "hengdong-2023.fixed.yaml")).toContain("≥90%");
    const same = await runCli(["fix", "hengdong-2023.yaml", "-o", "./hengdong-2023.yaml", "--force"], { cwd: dir });
    expect(same.code).toBe(1);
    expect(same.stderr).toMatch(/\[PG-E-SAME-AS-INPUT\]\n$/);
    expect(read(dir, "hengdong-2023.yaml")).toContain("≧90%");
  });

  it("refuses -o with --write, and an output that is neither .yaml nor .docx", async () => {
    const dir = scratch("hengdong-2023.yaml");
    const both = await runCli(["fix", "hengdong-2023.yaml", "--write", "-o", "x.yaml"], { cwd: dir });
    expect(both).toMatchObject({ code: 2, stderr: "perfgoal: --write 与 -o 不能同时使用\n" });
    const pdf = await runCli(["--lang", "en", "fix", "hengdong-2023.yaml", "-o", "x.pdf"], { cwd: dir });
    expect(pdf).toMatchObject({ code: 2, stderr: "perfgoal: -o x.pdf: the output must be .yaml or .docx\n" });
    expect(readdirSync(dir)).toEqual(["hengdong-2023.yaml"]);
  });

  it("follows the config: a rule turned off offers no fix", async () => {
    const dir = scratch("hengdong-2023.yaml");
    writeFileSync(path.join(dir, "perfgoal.config.yaml"), "rules:\n  comparison-direction: off\n");
    const r = await runCli(["fix", "hengdong-2023.yaml"], { cwd: dir });
    expect(r).toMatchObject({ code: 0, stdout: "无可自动修正的问题\n" });
    const ignored = await runCli(["fix", "hengdong-2023.yaml", "--no-config", "--dry-run"], { cwd: dir });
    expect(ignored.stdout).toContain(`共修正 ${SEED_FIXES} 处`);
  });
});

describe("perfgoal validate marks what fix can correct", () => {
  it("stylish: a mark after the message and a footer line with the count (Chinese and English)", async () => {
    const dir = scratch("hengdong-2023.yaml");
    const zh = await runCli(["validate", "hengdong-2023.yaml", "-j", "1"], { cwd: dir });
    expect(zh.stdout).toMatch(/第184行第9列 +提示 +指标值“≧90%”使用了非规范符号“≧”，建议写作“≥” \[可自动修正\] +comparison-direction/);
    expect(zh.stdout.match(/\[可自动修正\]/g)).toHaveLength(SEED_FIXES);
    expect(zh.stdout.trimEnd().split("\n").at(-1)).toBe(`${SEED_FIXES} 个问题可用 perfgoal fix 自动修正`);
    const en = await runCli(["--lang", "en", "validate", "hengdong-2023.yaml", "-j", "1"], { cwd: dir });
    expect(en.stdout.match(/\[fixable\]/g)).toHaveLength(SEED_FIXES);
    expect(en.stdout.trimEnd().split("\n").at(-1)).toBe(`${SEED_FIXES} problems can be corrected with perfgoal fix`);
  });

  it("JSON: fixable: true on such findings, with the fix itself", async () => {
    const dir = scratch("hengdong-2023.yaml");
    const r = await runCli(["validate", "hengdong-2023.yaml", "-f", "json", "-j", "1"], { cwd: dir });
    const report = parseReport(r.stdout) as { results: { findings: { fixable?: boolean; fix?: { edits: { path: string; from: string; to: string }[] }; path: string }[] }[] };
    const fixable = report.results[0]!.findings.filter((f) => f.fixable);
    expect(fixable).toHaveLength(SEED_FIXES);
    expect(fixable[0]!.fix!.edits).toEqual([{ path: `${fixable[0]!.path}.raw`, from: "≧90%", to: "≥90%" }]);
    expect(report.results[0]!.findings.filter((f) => !f.fixable).every((f) => f.fix === undefined)).toBe(true);
  });

  it("HTML: the mark after the message", async () => {
    const dir = scratch("hengdong-2023.yaml");
    const r = await runCli(["validate", "hengdong-2023.yaml", "-f", "html", "-j", "1"], { cwd: dir });
    expect(r.stdout).toContain("使用了非规范符号“≧”，建议写作“≥” [可自动修正]");
  });
});
