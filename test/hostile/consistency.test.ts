/**
 * One bad file, four commands: parse, validate, render and fix print the same line for it (same
 * wording, same code), in Chinese by default and in English with --lang en; the same exit status;
 * no stack trace without --debug; and validate's json/csv/summary reports carry the code.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ERROR_CODES, type ErrorCode } from "../../src/model/errors.js";
import { encryptedDocx, MINIMAL_YAML, randomBytes, seedBytes } from "./bytes.js";
import { expectNoStack, expectRefusalLine, filesBelow, runCli, tempDir } from "./harness.js";
import { headerOnlyText } from "./make-cases.js";
import { parseReport } from "../report/json-report.js";

const utf8 = (s: string) => new TextEncoder().encode(s);

/** One input per refusal code that a file can earn. */
const INPUTS: { file: string; code: ErrorCode; make: (full: string) => void }[] = [
  { file: "坏 文件/空 的.docx", code: "PG-E-EMPTY", make: (f) => writeFileSync(f, "") },
  { file: "坏 文件/乱 码.docx", code: "PG-E-FORMAT", make: (f) => writeFileSync(f, randomBytes(5000, 11)) },
  { file: "坏 文件/截 断.docx", code: "PG-E-CORRUPT", make: (f) => writeFileSync(f, seedBytes("hengdong-2023.docx").subarray(0, 4000)) },
  { file: "坏 文件/加 密.docx", code: "PG-E-ENCRYPTED", make: (f) => writeFileSync(f, encryptedDocx()) },
  { file: "坏 文件/只有 表头.txt", code: "PG-E-NO-TABLE", make: (f) => writeFileSync(f, utf8(headerOnlyText())) },
  { file: "坏 文件/重复 键.yaml", code: "PG-E-YAML", make: (f) => writeFileSync(f, utf8(`${MINIMAL_YAML}year: 2025\n`)) },
  { file: "坏 文件/类型 错.yaml", code: "PG-E-SCHEMA", make: (f) => writeFileSync(f, utf8(MINIMAL_YAML.replace("year: 2024", "year: 明年"))) },
  { file: "坏 文件/管 道.docx", code: "PG-E-NOT-FILE", make: (f) => execFileSync("mkfifo", [f]) },
  { file: "坏 文件/读 不出.docx", code: "PG-E-UNREADABLE", make: (f) => symlinkSync("/proc/self/mem", f) },
];

let dir: string;

beforeAll(() => {
  dir = tempDir("consistency");
  mkdirSync(path.join(dir, "坏 文件"));
  for (const input of INPUTS) input.make(path.join(dir, input.file));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const COMMANDS: Record<string, (file: string) => string[]> = {
  parse: (file) => ["parse", file, "-j", "1"],
  validate: (file) => ["validate", file, "--no-config", "-j", "1"],
  render: (file) => ["render", file, "--out-dir", "out", "-j", "1"],
  fix: (file) => ["fix", file, "--no-config", "-o", "out/fixed.yaml"],
};

describe("the same line for a bad file, whatever the command", () => {
  it.each(INPUTS.map((i) => [i.code, i] as const))("%s", async (_code, input) => {
    for (const lang of ["zh", "en"] as const) {
      const lines: string[] = [];
      for (const [name, argv] of Object.entries(COMMANDS)) {
        const run = await runCli([...argv(input.file), ...(lang === "en" ? ["--lang", "en"] : [])], { cwd: dir });
        expect(run.code, `${name} ${input.file}\n${run.stderr}`).toBe(1);
        expectNoStack(run.stderr);
        lines.push(expectRefusalLine(run.stderr, input.file, input.code, lang));
      }
      expect(new Set(lines).size, lines.join("\n")).toBe(1);
      // The reason and its detail are in the language asked for (the file name stays as it is).
      expect(lines[0]).toContain(ERROR_CODES[input.code][lang]);
      const said = lines[0]!.slice(`perfgoal: ${input.file}: `.length);
      if (lang === "en") expect(said).not.toMatch(/\p{Script=Han}/u);
      else expect(said).toMatch(/\p{Script=Han}/u);
    }
    expect(filesBelow(path.join(dir, "out"))).toEqual([]);
  });

  it("--debug changes neither the line nor the exit status of a bad file", async () => {
    const input = INPUTS.find((i) => i.code === "PG-E-CORRUPT")!;
    for (const argv of Object.values(COMMANDS)) {
      const run = await runCli(["--debug", ...argv(input.file)], { cwd: dir });
      expect(run.code).toBe(1);
      expectRefusalLine(run.stderr, input.file, input.code);
    }
  });
});

/** What a folder walk reads: not the pipe, and not the link to /proc/self/mem, which leads outside the folder. */
const walked = (i: (typeof INPUTS)[number]) => i.code !== "PG-E-NOT-FILE" && i.code !== "PG-E-UNREADABLE";

describe("validate's reports carry the code of every unreadable file", () => {
  it("json: one fatal result per file, its code and message in both languages", async () => {
    const run = await runCli(["validate", "坏 文件", "-f", "json", "--no-config", "-j", "1"], { cwd: dir });
    expect(run.code).toBe(1);
    const report = parseReport(run.stdout) as { results: { file: string; fatal: { code: string; messageZh: string; messageEn: string } }[] };
    // Folder walks skip the pipe and the link leading outside the folder; every other bad file has exactly one result.
    for (const input of INPUTS.filter(walked)) {
      const results = report.results.filter((r) => r.file === input.file);
      expect(results, input.file).toHaveLength(1);
      expect(results[0]!.fatal.code).toBe(input.code);
      expect(results[0]!.fatal.messageZh.startsWith(ERROR_CODES[input.code].zh)).toBe(true);
      expect(results[0]!.fatal.messageEn.startsWith(ERROR_CODES[input.code].en)).toBe(true);
    }
  });

  it("csv and summary: a row per unreadable file with its code, in --lang en as well", async () => {
    for (const lang of ["zh", "en"]) {
      const csv = await runCli(["validate", "坏 文件", "-f", "csv", "--no-config", "-j", "1", "--lang", lang], { cwd: dir });
      const summary = await runCli(["validate", "坏 文件", "-f", "summary", "--no-config", "-j", "1", "--lang", lang], { cwd: dir });
      for (const input of INPUTS.filter(walked)) {
        const row = csv.stdout.split(/\r?\n/).find((l) => l.startsWith(`${input.file},`) || l.startsWith(`"${input.file}",`));
        expect(row?.split(","), input.file).toContain(input.code);
        const line = summary.stdout.split("\n").find((l) => l.startsWith(`${input.file}  `));
        expect(line?.endsWith(input.code), input.file).toBe(true);
      }
    }
  });
});

describe("a file name with control characters", () => {
  it("stays on one line, the characters escaped, from every command", async () => {
    writeFileSync(path.join(dir, "换\n行\t名.docx"), "");
    for (const argv of Object.values(COMMANDS)) {
      const run = await runCli(argv("换\n行\t名.docx"), { cwd: dir });
      expect(run.code).toBe(1);
      expect(run.stderr.split("\n")).toContain("perfgoal: 换\\n行\\t名.docx: 文件为空 [PG-E-EMPTY]");
    }
  });
});
