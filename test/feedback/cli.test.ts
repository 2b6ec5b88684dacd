import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { CONCLUSION_BY_GRADE } from "../../src/feedback/conclusion.js";
import { REVIEW_CONCLUSIONS } from "../../src/model/terms.js";
import type { Grade } from "../../src/model/terms.js";
import { runCli } from "../cli/run-cli.js";
import { docxLines } from "./helpers.js";
import { parseReport } from "../report/json-report.js";

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const FORMS = path.join(REPO, "test/cli/fixtures/forms");
const J1 = ["-j", "1"];

/** 来件/ with the seed form, a file of two forms, and a file that cannot be read. */
function inbox(): string {
  const dir = mkdtempSync(path.join(tmpdir(), "perfgoal-feedback-"));
  mkdirSync(path.join(dir, "来件/衡东"), { recursive: true });
  mkdirSync(path.join(dir, "来件/交通"), { recursive: true });
  cpSync(path.join(REPO, "examples/hengdong-2023.yaml"), path.join(dir, "来件/衡东/hengdong-2023.yaml"));
  const two = `${readFileSync(path.join(FORMS, "errors.yaml"), "utf8")}\n---\n${readFileSync(path.join(FORMS, "clean.yaml"), "utf8")}`;
  writeFileSync(path.join(dir, "来件/交通/two.yaml"), two);
  writeFileSync(path.join(dir, "来件/坏.docx"), "PK\u0003\u0004 not really a zip");
  return dir;
}

const read = (file: string) => docxLines(readFileSync(file));
const conclusions = (lines: string[]) => lines.filter((l) => l.startsWith("审核结论 | ")).map((l) => l.slice("审核结论 | ".length));

/** Every file under dir, relative, sorted. */
function tree(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else out.push(path.relative(dir, p));
    }
  };
  walk(dir);
  return out.sort();
}

describe("perfgoal validate --feedback", () => {
  it("writes one 审核意见 per submission, mirroring the folders, and the summary; the conclusions follow the grades the report gives", async () => {
    const cwd = inbox();
    const r = await runCli(["validate", ...J1, "-f", "json", "来件", "--feedback", "审核意见"], { cwd });
    // Errors in the forms and an unreadable file: exit 1.
    expect(r.code).toBe(1);
    expect(tree(path.join(cwd, "审核意见"))).toEqual(["交通/two.审核意见.docx", "衡东/hengdong-2023.审核意见.docx", "部门审核意见汇总.docx"]);
    expect(r.stderr).toContain("perfgoal: 审核意见 2 份及 审核意见/部门审核意见汇总.docx 已写入 审核意见");

    const report = parseReport(r.stdout) as { results: { file: string; grade?: Grade; formIndex?: number }[] };
    const expected = (file: string) => report.results.filter((x) => x.file === file).map((x) => REVIEW_CONCLUSIONS[CONCLUSION_BY_GRADE[x.grade!]]);

    const seed = read(path.join(cwd, "审核意见/衡东/hengdong-2023.审核意见.docx"));
    expect(conclusions(seed)).toEqual(expected("来件/衡东/hengdong-2023.yaml"));
    expect(conclusions(seed)).toEqual(["修改后通过"]);
    expect(seed).toContain("部门 | 衡东县政府办");
    expect(seed).toContain("预算 | 361 万元");
    expect(seed).toContain("来件 | 来件/衡东/hengdong-2023.yaml");

    // A file of two forms: one document, each form with its own conclusion.
    const two = read(path.join(cwd, "审核意见/交通/two.审核意见.docx"));
    expect(conclusions(two)).toEqual(expected("来件/交通/two.yaml"));
    expect(conclusions(two)[0]).toBe("退回");
    expect(two).toContain("（第 2 份，共 2 份）");

    const summary = read(path.join(cwd, "审核意见/部门审核意见汇总.docx"));
    expect(summary).toContain("部门：衡东县政府办");
    expect(summary).toContain("部门：（未填写部门）");
    const bad = summary.find((l) => l.includes("来件/坏.docx"));
    expect(bad).toMatch(/未能读取：.*（PG-E-[A-Z-]+）$/);
    // No document for a file that could not be read.
    expect(existsSync(path.join(cwd, "审核意见/坏.审核意见.docx"))).toBe(false);
  });

  it("lists every finding of a form, --quiet or not: the report's findings are the document's", async () => {
    const cwd = inbox();
    const r = await runCli(["validate", ...J1, "-q", "-f", "json", "来件/衡东", "--feedback", "审核意见"], { cwd });
    expect(r.stderr).not.toContain("已写入");
    const findings = (parseReport(r.stdout) as { results: { findings: { severity: string }[] }[] }).results[0]!.findings;
    const lines = read(path.join(cwd, "审核意见/hengdong-2023.审核意见.docx"));
    const items = lines.filter((l) => /^\d+．/.test(l));
    // --quiet shows errors only; the document still has all of them.
    expect(items.length).toBeGreaterThan(findings.length);
    const all = await runCli(["validate", ...J1, "-f", "json", "来件/衡东"], { cwd });
    expect(items).toHaveLength((parseReport(all.stdout) as { results: { findings: unknown[] }[] }).results[0]!.findings.length);
  });

  it("refuses documents already there without --force before reading anything, and replaces them with it", async () => {
    const cwd = inbox();
    expect((await runCli(["validate", ...J1, "来件", "--feedback", "审核意见"], { cwd })).code).toBe(1);
    const summary = path.join(cwd, "审核意见/部门审核意见汇总.docx");
    const before = readFileSync(summary);
    const again = await runCli(["validate", ...J1, "来件", "--feedback", "审核意见"], { cwd });
    expect(again.code).toBe(2);
    expect(again.stdout).toBe("");
    // The first in path order (pinyin: 衡 before 交) is named, with the count.
    expect(again.stderr).toBe("perfgoal: 审核意见/衡东/hengdong-2023.审核意见.docx 已存在（共 3 个）；用 --force 覆盖\n");
    expect(readFileSync(summary)).toEqual(before);
    const forced = await runCli(["validate", ...J1, "来件", "--feedback", "审核意见", "--force", "--lang", "en"], { cwd });
    expect(forced.code).toBe(1);
    expect(forced.stderr).toContain("perfgoal: 2 审核意见 and 审核意见/部门审核意见汇总.docx written to 审核意见");
  });

  it("never reads its own documents back when the feedback folder is inside the inputs", async () => {
    const cwd = inbox();
    await runCli(["validate", ...J1, "来件", "--feedback", "来件/审核意见"], { cwd });
    const second = await runCli(["validate", ...J1, "-f", "json", "来件", "--feedback", "来件/审核意见", "--force"], { cwd });
    const files = (parseReport(second.stdout) as { results: { file: string }[] }).results.map((x) => x.file);
    expect(files.some((f) => f.includes("审核意见"))).toBe(false);
    expect(tree(path.join(cwd, "来件/审核意见"))).toHaveLength(3);
  });

  it("writes Chinese documents under --lang en (the terminal speaks English, the letter does not)", async () => {
    const cwd = inbox();
    const r = await runCli(["validate", ...J1, "--lang", "en", "来件/衡东", "--feedback", "审核意见"], { cwd });
    expect(r.stdout).toContain("indicators, more than 40");
    const lines = read(path.join(cwd, "审核意见/hengdong-2023.审核意见.docx"));
    expect(lines.some((l) => /^\d+．.*共有 61 项绩效指标，超过 40 项，请突出重点$/.test(l))).toBe(true);
    expect(lines.some((l) => l.includes("more than 40"))).toBe(false);
    // Cells named the Chinese way, not "line 23, column 5".
    expect(lines.some((l) => /^\d+．第\d+行第\d+列：/.test(l))).toBe(true);
    expect(lines.some((l) => /line \d+|row \d+/.test(l))).toBe(false);
  });

  it("follows the grade limits of the config: with 优 allowing no warning, a form with warnings is 修改后通过, not 通过", async () => {
    const cwd = inbox();
    // A real form with warnings and no error: 优 under the default limits.
    writeFileSync(path.join(cwd, "form.txt"), readFileSync(path.join(REPO, "../shared/corpus/forms/01_xiangtan-huanwei-wupaoche-2023.txt")));
    const plain = await runCli(["validate", ...J1, "-f", "json", "form.txt", "--feedback", "a"], { cwd });
    const grade = (parseReport(plain.stdout) as { results: { grade: Grade; counts: { error: number; warning: number } }[] }).results[0]!;
    expect(plain.code).toBe(0);
    expect(grade.counts.error).toBe(0);
    expect(grade.counts.warning).toBeGreaterThan(0);
    expect(grade.grade).toBe("优");
    expect(conclusions(read(path.join(cwd, "a/form.审核意见.docx")))).toEqual(["通过"]);
    writeFileSync(path.join(cwd, "perfgoal.config.yaml"), "grade:\n  excellent: { maxErrors: 0, maxWarnings: 0 }\n");
    const strict = await runCli(["validate", ...J1, "-f", "json", "form.txt", "--feedback", "b"], { cwd });
    expect((parseReport(strict.stdout) as { results: { grade: Grade }[] }).results[0]!.grade).toBe("良");
    expect(conclusions(read(path.join(cwd, "b/form.审核意见.docx")))).toEqual(["修改后通过"]);
  });

  it("names standard input's document after --stdin-filename", async () => {
    const cwd = inbox();
    const stdin = readFileSync(path.join(FORMS, "clean.yaml"));
    const r = await runCli(["validate", ...J1, "-", "--stdin-filename", "道路.yaml", "--feedback", "out"], { cwd, stdin });
    expect(r.stderr).not.toContain("内部错误");
    expect(tree(path.join(cwd, "out"))).toEqual(["部门审核意见汇总.docx", "道路.审核意见.docx"].sort());
    expect(read(path.join(cwd, "out/道路.审核意见.docx"))).toContain("来件 | 道路.yaml");
  });

  it("refuses a report or 汇总表 named like one of its documents", async () => {
    const cwd = inbox();
    const r = await runCli(["validate", ...J1, "来件/衡东", "--feedback", "审核意见", "-o", "审核意见/部门审核意见汇总.docx"], { cwd });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe("perfgoal: 审核意见/部门审核意见汇总.docx 与 --feedback 的输出同名\n");
    expect(existsSync(path.join(cwd, "审核意见"))).toBe(false);
  });

  it("a document that cannot be written fails its input alone: the others and the summary are written", async () => {
    const cwd = inbox();
    // A folder where a document should go: not replaced, even with --force.
    mkdirSync(path.join(cwd, "审核意见/衡东/hengdong-2023.审核意见.docx"), { recursive: true });
    const r = await runCli(["validate", ...J1, "来件", "--feedback", "审核意见", "--force"], { cwd });
    // An output that cannot be written is exit 2, as in every command.
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^perfgoal: 审核意见\/衡东\/hengdong-2023\.审核意见\.docx: .*文件夹.*\[PG-E-OUTPUT\]$/m);
    expect(statSync(path.join(cwd, "审核意见/衡东/hengdong-2023.审核意见.docx")).isDirectory()).toBe(true);
    expect(existsSync(path.join(cwd, "审核意见/交通/two.审核意见.docx"))).toBe(true);
    // The summary still has the form: its conclusion does not depend on the document.
    expect(read(path.join(cwd, "审核意见/部门审核意见汇总.docx"))).toContain("部门：衡东县政府办");
    expect(readdirSync(path.join(cwd, "审核意见/衡东")).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });

  it("leaves the inputs as they were", async () => {
    const cwd = inbox();
    const file = path.join(cwd, "来件/衡东/hengdong-2023.yaml");
    const before = { bytes: readFileSync(file), mtime: statSync(file).mtimeMs };
    await runCli(["validate", ...J1, "来件", "--feedback", "来件"], { cwd });
    expect(readFileSync(file)).toEqual(before.bytes);
    expect(statSync(file).mtimeMs).toBe(before.mtime);
    expect(existsSync(path.join(cwd, "来件/衡东/hengdong-2023.审核意见.docx"))).toBe(true);
  });
});
