import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it, vi } from "vitest";
import { runCli } from "./run-cli.js";
import { scenarioRules } from "./scenario-rules.js";
import { parseReport } from "../report/json-report.js";

vi.mock("../../src/lint/rule-registry.js", () => ({ loadRules: async () => scenarioRules }));

const FIXTURES = fileURLToPath(new URL("./fixtures", import.meta.url));
const cwd = FIXTURES;
/** One worker-free job: scenario rules live only in this thread. */
const J1 = ["-j", "1"];

function scratch(): string {
  const dir = mkdtempSync(path.join(tmpdir(), "perfgoal-cli-"));
  cpSync(FIXTURES, dir, { recursive: true });
  return dir;
}

describe("perfgoal validate: stylish (default)", () => {
  it("lists each finding with location, severity, message, rule id and path, and exits 1 on errors", async () => {
    const r = await runCli(["validate", "forms/errors.yaml"], { cwd });
    expect(r.code).toBe(1);
    const lines = r.stdout.split("\n");
    expect(lines[0]).toBe("forms/errors.yaml  禁毒宣传经费  评级 中");
    expect(r.stdout).toMatch(/第9行第11列 {3}提示 {2}实施期目标与年度目标相同 +same-goals +goals\.annual\n/);
    expect(r.stdout).toMatch(/第15行第14列 {2}警告 {2}指标值是区间：1-2次\/年 +range-value +indicators\.annual\[0\]\.value/);
    expect(r.stdout).toMatch(/第19行第14列 {2}错误 {2}成本指标不应写成下限：≧40万元 +cost-not-lower-bound +indicators\.annual\[1\]\.value/);
    expect(lines.at(-2)).toBe("✖ 共 3 个问题（1 个错误，1 个警告，1 个提示），涉及 1 份表单");
    expect(r.stderr).toBe("");
  });

  it("aligns the rule-id column by display width, Chinese counting two columns", async () => {
    const r = await runCli(["validate", "forms/errors.yaml"], { cwd });
    const rows = r.stdout.split("\n").filter((l) => l.startsWith("  "));
    const { displayWidth } = await import("../../src/report/display-width.js");
    const ruleColumn = rows.map((l) => {
      const id = ["same-goals", "range-value", "cost-not-lower-bound"].find((x) => l.includes(x))!;
      return displayWidth(l.slice(0, l.indexOf(id)));
    });
    expect(new Set(ruleColumn).size).toBe(1);
  });

  it("exits 0 and says so when nothing is found", async () => {
    const r = await runCli(["validate", "forms/clean.yaml"], { cwd });
    expect(r).toEqual({ code: 0, stdout: "✔ 1 份表单未发现问题\n", stderr: "" });
  });

  it("speaks English with --lang en", async () => {
    const r = await runCli(["validate", "forms/errors.yaml", "--lang", "en"], { cwd });
    expect(r.stdout).toContain("line 19:14  error    a cost cap must not be a lower bound: ≧40万元");
    expect(r.stdout).toContain("grade fair");
    expect(r.stdout).toContain("✖ 3 problems (1 error, 1 warning, 1 info) in 1 form");
  });
});

describe("perfgoal validate: other formats", () => {
  it("json carries schemaVersion, the results with codes and locations, and the rules' metadata", async () => {
    const r = await runCli(["validate", ...J1, "-f", "json", "forms/errors.yaml", "forms/clean.yaml"], { cwd });
    expect(r.code).toBe(1);
    const report = parseReport(r.stdout);
    expect(report.schemaVersion).toBe(2);
    expect(report.tool.name).toBe("perfgoal");
    expect(report.results.map((x: { file: string; grade: string }) => [x.file, x.grade])).toEqual([
      ["forms/clean.yaml", "优"],
      ["forms/errors.yaml", "中"],
    ]);
    expect(report.results[1].findings[2]).toMatchObject({
      ruleId: "cost-not-lower-bound",
      code: "PG901",
      severity: "error",
      path: "indicators.annual[1].value",
      location: { kind: "line", line: 19, col: 14 },
    });
    expect(report.rules.map((m: { id: string }) => m.id)).toEqual(["cost-not-lower-bound", "range-value", "same-goals", "profile-note"]);
  });

  it("csv starts with a BOM, has one row per finding and CRLF line ends", async () => {
    const r = await runCli(["validate", "-f", "csv", "forms/errors.yaml"], { cwd });
    expect(r.stdout.startsWith("\uFEFF文件,表单序号,项目名称,评级,级别,代码,规则,位置,模型路径,说明\r\n")).toBe(true);
    const rows = r.stdout.slice(1).trimEnd().split("\r\n");
    expect(rows).toHaveLength(4);
    expect(rows[3]).toBe("forms/errors.yaml,,禁毒宣传经费,中,错误,PG901,cost-not-lower-bound,第19行第14列,indicators.annual[1].value,成本指标不应写成下限：≧40万元");
  });

  it("summary gives one line per form with grade, counts and top rules", async () => {
    const r = await runCli(["validate", ...J1, "-f", "summary", "forms"], { cwd });
    const lines = r.stdout.trimEnd().split("\n");
    expect(lines[0]).toMatch(/^文件 +项目 +评级 +错误 +警告 +提示 +主要规则$/);
    expect(lines[1]).toMatch(/^forms\/clean\.yaml +农村道路养护 +优 +0 +0 +0$/);
    expect(lines[2]).toMatch(/^forms\/errors\.yaml +禁毒宣传经费 +中 +1 +1 +1 +cost-not-lower-bound, range-value, same-goals$/);
    expect(lines[3]).toMatch(/^forms\/warnings\.yaml +技能培训补助 +优 +0 +1 +0 +range-value$/);
    expect(lines[4]).toBe("共 3 份表单：优 2，良 0，中 1，差 0");
  });

  it("refuses an unknown format with exit 2, naming the known ones", async () => {
    const r = await runCli(["validate", "-f", "xml", "forms/clean.yaml"], { cwd });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("stylish、json、csv、summary");
  });
});

describe("perfgoal validate: inputs", () => {
  it("walks folders and expands globs, in path order", async () => {
    const folder = await runCli(["validate", ...J1, "-f", "json", "forms"], { cwd });
    const glob = await runCli(["validate", ...J1, "-f", "json", "forms/*.yaml"], { cwd });
    const files = (r: { stdout: string }) => parseReport(r.stdout).results.map((x: { file: string }) => x.file);
    expect(files(folder)).toEqual(["forms/clean.yaml", "forms/errors.yaml", "forms/warnings.yaml"]);
    expect(files(glob)).toEqual(files(folder));
  });

  it("reads stdin, named by --stdin-filename", async () => {
    const r = await runCli(["validate", "-", "--stdin-filename", "pasted.yaml", "-f", "json"], {
      cwd,
      stdin: readFileSync(path.join(FIXTURES, "forms/errors.yaml")),
    });
    expect(r.code).toBe(1);
    expect(parseReport(r.stdout).results[0]).toMatchObject({ file: "pasted.yaml", counts: { error: 1, warning: 1, info: 1 } });
  });

  it("reports an unreadable file in every format and on stderr with its code, reviews the rest, and exits 1", async () => {
    const dir = scratch();
    writeFileSync(path.join(dir, "forms", "broken.docx"), Buffer.from([0x00, 0x01, 0x02, 0xff, 0xfe, 0x00, 0x13]));
    writeFileSync(path.join(dir, "forms", "empty.txt"), "");
    const stylish = await runCli(["validate", ...J1, "forms"], { cwd: dir });
    expect(stylish.code).toBe(1);
    expect(stylish.stderr).toContain("perfgoal: forms/broken.docx: 不支持的文件格式：二进制数据 [PG-E-FORMAT]");
    expect(stylish.stderr).toContain("perfgoal: forms/empty.txt: 文件为空 [PG-E-EMPTY]");
    expect(stylish.stdout).toMatch(/未读取的文件（2）\n  forms\/broken\.docx +不支持 +不支持的文件格式：二进制数据  PG-E-FORMAT\n/);
    expect(stylish.stdout).toContain("forms/errors.yaml  禁毒宣传经费");
    expect(stylish.stdout).toContain("2 个文件无法读取");

    const json = parseReport((await runCli(["validate", ...J1, "-f", "json", "forms"], { cwd: dir })).stdout);
    expect(json.results.find((x: { file: string }) => x.file === "forms/empty.txt").fatal.code).toBe("PG-E-EMPTY");
    const csv = (await runCli(["validate", ...J1, "-f", "csv", "forms"], { cwd: dir })).stdout;
    expect(csv).toContain("forms/broken.docx,,,,错误,PG-E-FORMAT,,,,不支持的文件格式：二进制数据");
    const summary = (await runCli(["validate", ...J1, "-f", "summary", "forms"], { cwd: dir })).stdout;
    expect(summary).toContain("forms/empty.txt  无法读取  文件为空  PG-E-EMPTY");
  });

  it("exits 1 for an unreadable input even when every readable form is clean", async () => {
    const dir = scratch();
    writeFileSync(path.join(dir, "empty.docx"), "");
    const r = await runCli(["validate", ...J1, "forms/clean.yaml", "empty.docx"], { cwd: dir });
    expect(r.code).toBe(1);
  });

  it("exits 2 for a path that does not exist", async () => {
    const r = await runCli(["validate", "forms/nope.yaml"], { cwd });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("forms/nope.yaml");
    expect(r.stderr).toContain("[PG-E-NOT-FOUND]");
  });

  it("exits 2 when a folder holds nothing to review", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "perfgoal-cli-empty-"));
    writeFileSync(path.join(dir, "~$lock.docx"), "x");
    const r = await runCli(["validate", "."], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("没有找到可审核的文件（已跳过 1 个）");
  });
});

describe("perfgoal validate: options", () => {
  it("--quiet shows errors only but the exit code still counts everything", async () => {
    const errors = await runCli(["validate", "--quiet", "forms/errors.yaml"], { cwd });
    expect(errors.stdout).toContain("cost-not-lower-bound");
    expect(errors.stdout).not.toContain("range-value");
    expect(errors.stdout).not.toContain("same-goals");
    const warnings = await runCli(["validate", "--quiet", "--max-warnings", "0", "forms/warnings.yaml"], { cwd });
    expect(warnings.code).toBe(1);
    expect(warnings.stdout).toBe("✔ 无错误（已隐藏 1 个警告，去掉 -q 查看）\n");
  });

  it("--max-warnings: warnings alone exit 0, more than the limit exit 1; -1 lifts the limit", async () => {
    expect((await runCli(["validate", "forms/warnings.yaml"], { cwd })).code).toBe(0);
    const over = await runCli(["validate", "--max-warnings", "0", "forms/warnings.yaml"], { cwd });
    expect(over.code).toBe(1);
    expect(over.stderr).toContain("perfgoal: 警告 1 个，超过上限 0");
    expect((await runCli(["validate", "--max-warnings", "1", "forms/warnings.yaml"], { cwd })).code).toBe(0);
    expect((await runCli(["validate", "--max-warnings", "-1", "forms/warnings.yaml"], { cwd })).code).toBe(0);
    expect((await runCli(["validate", "--max-warnings", "x", "forms/warnings.yaml"], { cwd })).code).toBe(2);
  });

  it("-o writes the report atomically, may replace an old report, and never an input", async () => {
    const dir = scratch();
    const first = await runCli(["validate", "-f", "csv", "-o", "out/report.csv", "forms/errors.yaml"], { cwd: dir });
    expect(first.code).toBe(1);
    expect(first.stdout).toBe("");
    expect(readFileSync(path.join(dir, "out/report.csv"), "utf8").startsWith("\uFEFF")).toBe(true);
    const again = await runCli(["validate", "-f", "json", "-o", "out/report.csv", "forms/clean.yaml"], { cwd: dir });
    expect(again.code).toBe(0);
    expect(JSON.parse(readFileSync(path.join(dir, "out/report.csv"), "utf8")).schemaVersion).toBe(2);

    const before = readFileSync(path.join(dir, "forms/clean.yaml"), "utf8");
    const clobber = await runCli(["validate", "-o", "forms/clean.yaml", "forms/clean.yaml"], { cwd: dir });
    expect(clobber.code).toBe(2);
    expect(clobber.stderr).toContain("[PG-E-SAME-AS-INPUT]");
    expect(readFileSync(path.join(dir, "forms/clean.yaml"), "utf8")).toBe(before);
  });

  it("does not review its own previous report when it lies in a folder being reviewed", async () => {
    const dir = scratch();
    await runCli(["validate", ...J1, "-o", "forms/report.txt", "forms"], { cwd: dir });
    const r = await runCli(["validate", ...J1, "-f", "json", "-o", "forms/report.txt", "forms"], { cwd: dir });
    const files = parseReport(readFileSync(path.join(dir, "forms/report.txt"), "utf8")).results.map((x: { file: string }) => x.file);
    expect(files).not.toContain("forms/report.txt");
    expect(r.code).toBe(1);
  });

  it("colours only a terminal, and never with --no-color or NO_COLOR", async () => {
    const ansi = /\u001b\[/;
    expect((await runCli(["validate", "forms/errors.yaml"], { cwd, tty: true })).stdout).toMatch(ansi);
    expect((await runCli(["validate", "forms/errors.yaml"], { cwd, tty: false })).stdout).not.toMatch(ansi);
    expect((await runCli(["validate", "--no-color", "forms/errors.yaml"], { cwd, tty: true })).stdout).not.toMatch(ansi);
    expect((await runCli(["validate", "forms/errors.yaml"], { cwd, tty: true, env: { NO_COLOR: "1" } })).stdout).not.toMatch(ansi);
  });

  it("--profile, or the config's profile, reaches the rules", async () => {
    const dir = scratch();
    const note = async (args: string[]) =>
      parseReport((await runCli(["validate", "-f", "json", ...args, "forms/clean.yaml"], { cwd: dir })).stdout).results[0].findings.map((f: { message: string }) => f.message);
    expect(await note([])).toEqual([]);
    expect(await note(["--profile", "central-2021"])).toEqual(["按 central-2021 口径审核"]);
    writeFileSync(path.join(dir, "perfgoal.config.yaml"), "profile: xianjie\n");
    expect(await note([])).toEqual(["按 xianjie 口径审核"]);
    expect(await note(["--profile", "central-2021"])).toEqual(["按 central-2021 口径审核"]);
  });

  it("--era forces the taxonomy era; otherwise it is detected or A", async () => {
    const era = async (args: string[]) => parseReport((await runCli(["validate", "-f", "json", ...args, "forms/errors.yaml"], { cwd })).stdout).results[0];
    expect(await era([])).toMatchObject({ era: "A", eraSource: "detected" });
    expect(await era(["--era", "B"])).toMatchObject({ era: "B", eraSource: "forced" });
    expect((await runCli(["validate", "--era", "C", "forms/errors.yaml"], { cwd })).code).toBe(2);
  });
});

describe("perfgoal validate: config", () => {
  it("finds perfgoal.config.yaml upward from the working folder and applies it", async () => {
    const r = await runCli(["validate", "form.yaml"], { cwd: path.join(FIXTURES, "configured", "sub") });
    // lang: en; the cost rule off; the range rule lowered to info.
    expect(r.code).toBe(0);
    expect(r.stdout).not.toContain("cost-not-lower-bound");
    expect(r.stdout).toMatch(/info {2}the value is a range: 1-2次\/年/);
  });

  it("--lang on the command line wins over the config's lang", async () => {
    const r = await runCli(["validate", "--lang", "zh", "form.yaml"], { cwd: path.join(FIXTURES, "configured", "sub") });
    expect(r.stdout).toContain("指标值是区间");
  });

  it("-c names a config file; --no-config ignores the one found", async () => {
    const named = await runCli(["validate", "-c", "configured/perfgoal.config.yaml", "forms/errors.yaml"], { cwd });
    expect(named.code).toBe(0);
    const none = await runCli(["validate", "--no-config", "form.yaml"], { cwd: path.join(FIXTURES, "configured", "sub") });
    expect(none.code).toBe(1);
    expect(none.stdout).toContain("cost-not-lower-bound");
  });

  it("config maxWarnings sets the limit; the command line overrides it", async () => {
    const dir = scratch();
    writeFileSync(path.join(dir, "perfgoal.config.yaml"), "maxWarnings: 0\n");
    expect((await runCli(["validate", "forms/warnings.yaml"], { cwd: dir })).code).toBe(1);
    expect((await runCli(["validate", "--max-warnings", "-1", "forms/warnings.yaml"], { cwd: dir })).code).toBe(0);
  });

  it("exits 2 on an invalid config, naming the file, the key and its line", async () => {
    const r = await runCli(["validate", "form.yaml"], { cwd: path.join(FIXTURES, "bad-config") });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(/perfgoal\.config\.yaml: 配置文件无效：rules\.no-such-rule（第4行）：未知规则 no-such-rule.*\[PG-E-CONFIG\]/);
    const missing = await runCli(["validate", "-c", "nope.yaml", "forms/clean.yaml"], { cwd });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("配置文件不存在 [PG-E-CONFIG]");
  });
});

describe("perfgoal validate: failures", () => {
  it("a rule that throws becomes a PG000 finding; the other rules still report", async () => {
    const original = scenarioRules[2]!;
    scenarioRules[2] = { meta: original.meta, check: () => { throw new Error("boom"); } };
    try {
      const r = await runCli(["validate", "-f", "json", "forms/errors.yaml"], { cwd });
      const findings = parseReport(r.stdout).results[0].findings;
      expect(findings.map((f: { code: string }) => f.code).sort()).toEqual(["PG000", "PG901", "PG902"]);
      expect(r.code).toBe(1);
    } finally {
      scenarioRules[2] = original;
    }
  });

  it("the help text lists the exit codes and the config file", async () => {
    const r = await runCli(["validate", "--help"], { cwd });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("退出码：");
    expect(r.stdout).toMatch(/2 +用法或配置错误/);
    expect(r.stdout).toContain("perfgoal.config.yaml");
    expect(r.stdout).toContain("--max-warnings");
    expect(existsSync(path.join(FIXTURES, "forms"))).toBe(true);
  });
});
