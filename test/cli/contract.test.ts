/**
 * The CLI's contract: a bad command line is one line and exit 2 (in the run's language, naming
 * what is allowed), one exit code per kind of failure in every command, closing lines that say
 * what happened, and -q filtering every output alike so that each counts what it lists.
 */
import { constants } from "node:os";
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { EXIT, exitCodeFor } from "../../src/cli/exit-codes.js";
import { ERROR_CODES } from "../../src/model/errors.js";
import { PROFILE_NAMES } from "../../src/rules/helpers/profiles.js";
import { EXAMPLES_DIR } from "../hostile/bytes.js";
import { runCli, type CliRun } from "./run-cli.js";
import { parseReport } from "../report/json-report.js";

const J1 = ["-j", "1"];

/** A folder with the seed form as YAML and as text, and the two given extra files. */
function scratch(extra: Record<string, string | Buffer> = {}): string {
  const dir = mkdtempSync(path.join(tmpdir(), "perfgoal-contract-"));
  mkdirSync(path.join(dir, "in"));
  copyFileSync(path.join(EXAMPLES_DIR, "hengdong-2023.yaml"), path.join(dir, "in/a.yaml"));
  copyFileSync(path.join(EXAMPLES_DIR, "hengdong-2023.txt"), path.join(dir, "in/b.txt"));
  for (const [name, content] of Object.entries(extra)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), content);
  }
  return dir;
}

const dir = scratch();

/** One line on stderr, nothing on stdout, exit 2, no help and no stack after it. */
function expectUsageLine(r: CliRun): string {
  expect(r.code, r.stderr).toBe(EXIT.usage);
  expect(r.stdout).toBe("");
  const lines = r.stderr.split("\n").filter((l) => l !== "");
  expect(lines, r.stderr).toHaveLength(1);
  expect(lines[0]).toMatch(/^perfgoal: /);
  expect(r.stderr).not.toMatch(/Usage|用法：|error:|\n {4}at /);
  return lines[0]!;
}

describe("a command line perfgoal cannot run: one line, exit 2, what is allowed", () => {
  const cases: { args: string[]; zh: string; en: string }[] = [
    { args: ["validate", "-j", "0", "in"], zh: "-j, --jobs 应为正整数（收到 0）", en: "-j, --jobs must be a positive integer (got 0)" },
    { args: ["parse", "-j", "abc", "in"], zh: "-j, --jobs 应为正整数（收到 abc）", en: "-j, --jobs must be a positive integer (got abc)" },
    { args: ["render", "--jobs", "1.5", "in"], zh: "-j, --jobs 应为正整数（收到 1.5）", en: "(got 1.5)" },
    { args: ["validate", "--profile", "foo", "in"], zh: `--profile 应为 ${PROFILE_NAMES.join("、")} 之一（收到 foo）`, en: `--profile must be one of ${PROFILE_NAMES.join(", ")} (got foo)` },
    { args: ["validate", "--era", "C", "in"], zh: "--era 应为 A、B 之一（收到 C）", en: "--era must be one of A, B (got C)" },
    { args: ["validate", "-f", "xml", "in"], zh: "未知的报告格式 xml（可用：stylish、json、csv、summary、html）", en: "unknown format xml (one of: stylish, json, csv, summary, html)" },
    { args: ["rules", "-f", "xml"], zh: "-f, --format 应为 table、json 之一（收到 xml）", en: "-f, --format must be one of table, json (got xml)" },
    { args: ["validate", "--max-warnings", "-2", "in"], zh: "--max-warnings 应为不小于 -1 的整数，-1 表示不限（收到 -2）", en: "--max-warnings must be an integer ≥ -1, -1 for no limit (got -2)" },
    { args: ["validate", "--max-warnings", "many", "in"], zh: "（收到 many）", en: "(got many)" },
    { args: ["render", "-l", "L9", "in"], zh: "-l, --layout 应为 L1、L2、L5 之一（收到 L9）", en: "-l, --layout must be one of L1, L2, L5 (got L9)" },
    { args: ["validate", "in", "--summary", "out.txt"], zh: "--summary 的文件名应以 .xlsx 或 .csv 结尾（收到 out.txt）", en: "--summary takes a file name ending in .xlsx or .csv (got out.txt)" },
    { args: ["validate", "--foo", "in"], zh: "未知选项 --foo；运行 perfgoal validate --help 查看用法", en: "unknown option --foo; run perfgoal validate --help for usage" },
    { args: ["validate", "--formt", "json", "in"], zh: "未知选项 --formt（是否应为 --format？）；运行 perfgoal validate --help 查看用法", en: "unknown option --formt (did you mean --format?); run perfgoal validate --help for usage" },
    { args: ["render", "--lanscape", "in"], zh: "未知选项 --lanscape（是否应为 --landscape？）", en: "unknown option --lanscape (did you mean --landscape?)" },
    { args: ["--verbose", "rules"], zh: "未知选项 --verbose；运行 perfgoal --help 查看用法", en: "unknown option --verbose; run perfgoal --help for usage" },
    { args: ["valdate", "in"], zh: "未知命令 valdate（是否应为 validate？）；运行 perfgoal --help 查看用法", en: "unknown command valdate (did you mean validate?)" },
    { args: ["validate"], zh: "缺少参数 <paths>；运行 perfgoal validate --help 查看用法", en: "missing argument <paths>; run perfgoal validate --help for usage" },
    { args: ["rules", "PG001", "PG002"], zh: "参数过多：rules 最多接受 1 个参数，收到 2 个", en: "too many arguments: rules takes at most 1, got 2" },
    { args: ["validate", "in", "-o"], zh: "选项 -o, --output <file> 缺少值", en: "option -o, --output <file> needs a value" },
  ];
  for (const c of cases) {
    it(`perfgoal ${c.args.join(" ")}`, async () => {
      expect(expectUsageLine(await runCli(c.args, { cwd: dir }))).toContain(c.zh);
      expect(expectUsageLine(await runCli(["--lang", "en", ...c.args], { cwd: dir }))).toContain(c.en);
    });
  }

  it("--lang itself: zh or en, said in Chinese (the language it falls back to)", async () => {
    expect(expectUsageLine(await runCli(["--lang", "fr", "rules"], { cwd: dir }))).toBe("perfgoal: --lang 应为 zh、en 之一（收到 fr）");
    expect(expectUsageLine(await runCli(["rules", "--lang=de"], { cwd: dir }))).toContain("--lang 应为 zh、en 之一（收到 de）");
  });

  it("PERFGOAL_LANG is checked like --lang", async () => {
    expect(expectUsageLine(await runCli(["rules"], { cwd: dir, env: { PERFGOAL_LANG: "fr" } }))).toBe("perfgoal: PERFGOAL_LANG 应为 zh、en 之一（收到 fr）");
    expect((await runCli(["rules", "-f", "json"], { cwd: dir, env: { PERFGOAL_LANG: "en" } })).code).toBe(EXIT.ok);
  });

  it("help for a command that does not exist is the unknown-command line, not the whole help", async () => {
    expect(expectUsageLine(await runCli(["help", "valdate"], { cwd: dir }))).toBe("perfgoal: 未知命令 valdate（是否应为 validate？）；运行 perfgoal --help 查看用法");
    const r = await runCli(["help", "render"], { cwd: dir });
    expect(r.code).toBe(EXIT.ok);
    expect(r.stdout).toMatch(/^用法： perfgoal render/);
  });

  it("a profile in the config file is checked like --profile", async () => {
    const d = scratch({ "perfgoal.config.yaml": "profile: ningxai\n" });
    const line = expectUsageLine(await runCli(["validate", "in/a.yaml", ...J1], { cwd: d }));
    expect(line).toBe(`perfgoal: perfgoal.config.yaml: profile 应为 ${PROFILE_NAMES.join("、")} 之一（收到 ningxai） [PG-E-CONFIG]`);
  });

  it("an argument echoed in the line is shown escaped", async () => {
    const line = expectUsageLine(await runCli(["validate", "--\x1b[2Jx", "in"], { cwd: dir }));
    expect(line).not.toContain("\x1b");
    expect(line).toContain("\\x1b[2Jx");
  });

  it("the values allowed are taken: -j 1, --max-warnings -1, -l l1 (any case), each profile", async () => {
    expect((await runCli(["validate", "in/a.yaml", "-j", "1", "--max-warnings", "-1", "-f", "json"], { cwd: dir })).code).toBe(EXIT.findings);
    for (const profile of PROFILE_NAMES) {
      const r = await runCli(["validate", "in/a.yaml", ...J1, "--profile", profile, "-f", "json"], { cwd: dir });
      expect(r.stderr, profile).toBe("");
    }
    const d = scratch();
    const r = await runCli(["render", "in/a.yaml", "-l", "l1", "-o", "out.docx"], { cwd: d });
    expect(r.code, r.stderr).toBe(EXIT.ok);
    expect(statSync(path.join(d, "out.docx")).size).toBeGreaterThan(0);
  });

  it("perfgoal alone shows the help, as a usage error", async () => {
    const r = await runCli([], { cwd: dir });
    expect(r.code).toBe(EXIT.usage);
    expect(r.stderr).toContain("用法： perfgoal [选项] [命令]");
  });
});

describe("one exit code per kind of failure, in every command", () => {
  it("the table: 0, 1, 2, and 128 + the signal for SIGINT, SIGTERM, SIGHUP", () => {
    expect([EXIT.ok, EXIT.findings, EXIT.usage]).toEqual([0, 1, 2]);
    expect(EXIT.interrupted).toBe(128 + constants.signals.SIGINT);
    expect(EXIT.terminated).toBe(128 + constants.signals.SIGTERM);
    expect(EXIT.hangup).toBe(128 + constants.signals.SIGHUP);
  });

  it("every error code is about the command (2) or about a form (1)", () => {
    const command = new Set(["PG-E-NOT-FOUND", "PG-E-EXISTS", "PG-E-SAME-AS-INPUT", "PG-E-OUTPUT", "PG-E-CONFIG", "PG-E-INTERNAL"]);
    for (const code of Object.keys(ERROR_CODES)) expect(exitCodeFor(code), code).toBe(command.has(code) ? EXIT.usage : EXIT.findings);
  });

  it("docs/cli.md holds the same table", () => {
    const doc = readFileSync(new URL("../../docs/cli.md", import.meta.url), "utf8");
    for (const code of Object.values(EXIT)) expect(doc).toMatch(new RegExp(`^\\| \`${code}\` \\|`, "m"));
  });

  it("an output that is the input: exit 2 from parse, validate and render alike, the input untouched", async () => {
    const d = scratch();
    const before = readFileSync(path.join(d, "in/a.yaml"));
    // validate replaces an old report without --force; parse and render are given it.
    for (const command of ["parse", "validate", "render"]) {
      const r = await runCli([command, "in/a.yaml", "-o", "in/a.yaml", ...(command === "validate" ? [] : ["--force"]), ...J1], { cwd: d });
      expect(r.code, `${command}: ${r.stderr}`).toBe(EXIT.usage);
      expect(r.stderr).toContain("[PG-E-SAME-AS-INPUT]");
    }
    expect(readFileSync(path.join(d, "in/a.yaml")).equals(before)).toBe(true);
  });

  it("an output that exists without --force: exit 2 from parse and render alike, the file untouched", async () => {
    const d = scratch({ "old.yaml": "旧\n", "old.docx": "旧\n" });
    for (const [command, target] of [["parse", "old.yaml"], ["render", "old.docx"]] as const) {
      const r = await runCli([command, "in/a.yaml", "-o", target, ...J1], { cwd: d });
      expect(r.code, `${command}: ${r.stderr}`).toBe(EXIT.usage);
      expect(r.stderr).toContain(`perfgoal: ${target}: 输出文件已存在（使用 --force 覆盖） [PG-E-EXISTS]`);
      expect(readFileSync(path.join(d, target), "utf8")).toBe("旧\n");
    }
  });

  it("a form with errors or an unreadable input: 1; a missing path: 2", async () => {
    const d = scratch({ "bad/empty.txt": "" });
    expect((await runCli(["validate", "in/a.yaml", ...J1], { cwd: d })).code).toBe(EXIT.findings);
    for (const command of ["parse", "validate", "render"]) {
      expect((await runCli([command, "bad/empty.txt", ...J1], { cwd: d })).code, command).toBe(EXIT.findings);
      expect((await runCli([command, "nowhere.txt", ...J1], { cwd: d })).code, command).toBe(EXIT.usage);
    }
  });
});

describe("closing lines that are true", () => {
  it("a review where every file was refused does not say 未发现问题", async () => {
    const d = scratch({ "bad/empty.txt": "", "bad/noise.docx": Buffer.from([0x50, 0x4b, 0x03, 0x04, 0xff, 0x00]) });
    for (const args of [[], ["--lang", "en"]]) {
      const r = await runCli([...args, "validate", "bad", ...J1], { cwd: d });
      expect(r.code).toBe(EXIT.findings);
      const last = r.stdout.trimEnd().split("\n").at(-1);
      expect(last).toBe(args.length ? "✖ 2 files could not be read, 0 forms reviewed" : "✖ 2 个文件无法读取，0 份表单已审核");
    }
  });

  it("render --out-dir run twice: the second writes nothing, counts nothing as done, and says how many it left", async () => {
    const d = scratch();
    const first = await runCli(["render", "in", "--out-dir", "out", ...J1], { cwd: d });
    expect(first.code, first.stderr).toBe(EXIT.ok);
    const written = statSync(path.join(d, "out/a.docx")).mtimeMs;
    const again = await runCli(["render", "in", "--out-dir", "out", ...J1], { cwd: d });
    expect(again.code).toBe(EXIT.usage);
    expect(again.stdout).toBe("");
    expect(again.stderr).toBe("perfgoal: 共 2 个文件，成功 0，失败 0，已有 2 个文件未覆盖（使用 --force 覆盖）\n");
    expect(statSync(path.join(d, "out/a.docx")).mtimeMs).toBe(written);
    // With -q there is no closing line, but what was left is still said.
    const quiet = await runCli(["render", "in", "--out-dir", "out", "-q", ...J1], { cwd: d });
    expect(quiet.stderr).toBe("perfgoal: 已有 2 个文件未覆盖（使用 --force 覆盖）\n");
    const forced = await runCli(["render", "in", "--out-dir", "out", "--force", ...J1], { cwd: d });
    expect(forced.code).toBe(EXIT.ok);
    expect(forced.stderr).toBe("perfgoal: 共 2 个文件，成功 2，失败 0\n");
  });

  it("an unreadable file is said once on a terminal: in the report when it is on the terminal, else on stderr", async () => {
    const d = scratch({ "in/empty.txt": "" });
    const terminal = await runCli(["validate", "in", ...J1, "--no-color"], { cwd: d, tty: true });
    const onTerminal = terminal.stdout + terminal.stderr;
    expect(onTerminal.split("文件为空").length - 1, onTerminal).toBe(1);
    expect(terminal.stdout).toMatch(/未读取的文件（1）\n  in\/empty\.txt +未读取 +文件为空  PG-E-EMPTY\n/);
    // The report goes to a pipe or a file: stderr says it.
    const piped = await runCli(["validate", "in", ...J1], { cwd: d });
    expect(piped.stderr).toContain("perfgoal: in/empty.txt: 文件为空 [PG-E-EMPTY]");
    const json = await runCli(["validate", "in", ...J1, "-f", "json"], { cwd: d, tty: true });
    expect(json.stderr).toContain("perfgoal: in/empty.txt: 文件为空 [PG-E-EMPTY]");
  });

  for (const jobs of ["1", "2"]) {
    it(`-q never says ✔ 未发现问题 over hidden findings; it says how many it hid (-j ${jobs})`, async () => {
      const full = parseReport((await runCli(["validate", "in/a.yaml", "-f", "json", "-j", jobs], { cwd: dir })).stdout) as { results: { counts: Record<string, number> }[] };
      const { warning, info, error } = full.results[0]!.counts;
      expect(warning).toBeGreaterThan(0);
      const q = await runCli(["validate", "in/a.yaml", "-q", "-j", jobs], { cwd: dir });
      expect(q.stdout).not.toContain("未发现问题");
      expect(q.stdout).toContain(`✖ 共 ${error} 个问题（${error} 个错误，0 个警告，0 个提示），涉及 1 份表单；已隐藏 ${warning} 个警告、${info} 个提示，去掉 -q 查看`);
      const config = "rules:\n  comparison-direction: off\n";
      const d = scratch({ "perfgoal.config.yaml": config });
      const clean = await runCli(["validate", "in/a.yaml", "-q", "-j", jobs], { cwd: d });
      expect(clean.stdout).toMatch(/^✔ 无错误（已隐藏 \d+ 个警告、\d+ 个提示，去掉 -q 查看）\n$/);
      const en = await runCli(["--lang", "en", "validate", "in/a.yaml", "-q", "-j", jobs], { cwd: d });
      expect(en.stdout).toMatch(/^✔ no errors \(\d+ warnings, \d+ infos hidden; drop -q to see them\)\n$/);
    });
  }
});

describe("-q filters what is shown and saved alike", () => {
  /** Severities of the findings a JSON report lists, and the counts it states, per result. */
  function jsonTallies(text: string) {
    const report = parseReport(text) as { results: { findings?: { severity: string }[]; counts?: Record<string, number> }[] };
    return report.results
      .filter((r) => r.findings)
      .map((r) => {
        const listed = { error: 0, warning: 0, info: 0 } as Record<string, number>;
        for (const f of r.findings!) listed[f.severity]!++;
        return { listed, stated: r.counts! };
      });
  }

  it("json, the HTML report and the 汇总表 list errors only and count what they list; the exit code counts everything", async () => {
    const d = scratch({ "in/empty.txt": "" });
    const full = await runCli(["validate", "in", ...J1, "-f", "json"], { cwd: d });
    const q = await runCli(["validate", "in", ...J1, "-q", "-f", "json", "--summary", "q.csv"], { cwd: d });
    expect(q.code).toBe(full.code);
    const fullTallies = jsonTallies(full.stdout);
    const quietTallies = jsonTallies(q.stdout);
    expect(quietTallies).toHaveLength(2);
    for (const [i, t] of quietTallies.entries()) {
      expect(t.stated).toEqual(t.listed);
      expect(t.listed).toEqual({ error: fullTallies[i]!.listed.error, warning: 0, info: 0 });
    }
    // The 汇总表: its 错误/警告/提示 columns count what -q kept.
    const rows = readFileSync(path.join(d, "q.csv"), "utf8").replace(/^\uFEFF/, "").trimEnd().split("\r\n").map((l) => l.split(","));
    const header = rows[0]!;
    const [e, w, n] = ["错误", "警告", "提示"].map((h) => header.indexOf(h));
    const status = header.indexOf("状态");
    const formRows = rows.slice(1).filter((r) => r[status] === "已审核");
    expect(formRows.map((r) => [r[e!], r[w!], r[n!]])).toEqual(quietTallies.map((t) => [String(t.listed.error), "0", "0"]));
    // The HTML report: every form's counts and the totals cards.
    const html = await runCli(["validate", "in", ...J1, "-q", "-f", "html", "-o", "q.html"], { cwd: d });
    expect(html.code).toBe(full.code);
    const page = readFileSync(path.join(d, "q.html"), "utf8");
    const warnings = [...page.matchAll(/data-warnings="(\d+)"/g)].map((m) => m[1]);
    const infos = [...page.matchAll(/data-infos="(\d+)"/g)].map((m) => m[1]);
    expect(warnings).toEqual(["0", "0"]);
    expect(infos).toEqual(["0", "0"]);
    expect([...page.matchAll(/data-errors="(\d+)"/g)].map((m) => Number(m[1]))).toEqual(quietTallies.map((t) => t.listed.error));
  });

  it("without -q every count still matches the findings listed", async () => {
    for (const t of jsonTallies((await runCli(["validate", "in", ...J1, "-f", "json"], { cwd: dir })).stdout)) expect(t.stated).toEqual(t.listed);
  });

  it("the help says so", async () => {
    const help = (await runCli(["validate", "--help"], { cwd: dir })).stdout.replace(/\n +/g, "");
    expect(help).toContain("报告、-o 文件、HTML 报告和汇总表中的问题与计数都只含错误");
  });
});
