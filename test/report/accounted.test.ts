/**
 * Must show: every file received is accounted for. A folder of good forms, a scanned PDF, a .zip,
 * a Word lock file and a broken .docx: each is named, with its status, in the terminal report,
 * the 汇总表 (.xlsx, read back), the HTML report and the JSON report. System clutter (.DS_Store)
 * is named nowhere.
 */
import ExcelJS from "exceljs";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli, type CliRun } from "../cli/run-cli.js";
import { parseReport } from "./json-report.js";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const GOOD = ["来件/表2 衡东县.docx", "来件/表10 衡东县.txt", "来件/部门/湘潭环卫.yaml"];
const PDF = "来件/扫描件 衡东.pdf";
const ZIP = "来件/附件.zip";
const LOCK = "来件/~$表.docx";
const BROKEN = "来件/坏的申报表.docx";
/** Not read, whichever way: passed over for its type today, refused by a reader once its type is read. */
const NOT_READ = new Set(["不支持", "损坏", "未读取"]);

let dir: string;
let terminal: CliRun;
let json: CliRun;
let wb: ExcelJS.Workbook;
let html: string;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "pg-accounted-"));
  const put = (name: string, bytes: string | Buffer) => {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), bytes);
  };
  put(GOOD[0]!, readFileSync(path.join(ROOT, "examples/hengdong-2023.docx")));
  put(GOOD[1]!, readFileSync(path.join(ROOT, "examples/hengdong-2023.txt")));
  put(GOOD[2]!, readFileSync(path.join(ROOT, "test/corpus/golden/01_xiangtan-huanwei-wupaoche-2023.yaml")));
  put(PDF, "%PDF-1.4\n%âãÏÓ\n1 0 obj << /Type /Catalog >> endobj\n");
  put(ZIP, Buffer.from([0x50, 0x4b, 0x05, 0x06, ...new Array(18).fill(0)]));
  put(LOCK, Buffer.from([0x05, 0x41, 0x64, 0x6d, 0x69, 0x6e]));
  put(BROKEN, readFileSync(path.join(ROOT, "examples/hengdong-2023.docx")).subarray(0, 3000));
  put("来件/.DS_Store", Buffer.alloc(16));
  terminal = await runCli(["validate", "来件", "--no-config", "--summary", "汇总表.xlsx", "-f", "html", "-o", "报告.html", "-j", "1"], { cwd: dir });
  json = await runCli(["validate", "来件", "--no-config", "-f", "json", "-j", "1"], { cwd: dir });
  const stylish = await runCli(["validate", "来件", "--no-config", "-j", "1"], { cwd: dir });
  terminal = { ...terminal, stdout: stylish.stdout };
  wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync(path.join(dir, "汇总表.xlsx")) as unknown as Parameters<typeof wb.xlsx.load>[0]);
  html = readFileSync(path.join(dir, "报告.html"), "utf8");
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The 汇总表's main sheet as { 文件 → 状态 } (the 合计 row has no status). */
function summaryStatuses(): Map<string, string> {
  const sheet = wb.worksheets[0]!;
  const header = (sheet.getRow(1).values as unknown[]).map(String);
  const statusCol = header.indexOf("状态");
  const statuses = new Map<string, string>();
  sheet.eachRow((row, n) => {
    const status = row.getCell(statusCol).value;
    if (n > 1 && status) statuses.set(String(row.getCell(1).value), String(status));
  });
  return statuses;
}

describe("every file received is accounted for", () => {
  it("exits 1 (the broken file) and says so on stderr", () => {
    expect(terminal.code).toBe(1);
    expect(json.code).toBe(1);
  });

  it("the terminal report closes with the files not read, each with its status and reason", () => {
    const list = terminal.stdout.slice(terminal.stdout.indexOf("未读取的文件"));
    expect(list.split("\n")[0]).toBe("未读取的文件（4）");
    const line = (file: string) => list.split("\n").find((l) => l.trimStart().startsWith(file)) ?? "";
    expect(line(LOCK)).toMatch(/跳过\s+临时锁文件/);
    expect(line(BROKEN)).toMatch(/损坏\s+文件已损坏/);
    for (const f of [PDF, ZIP]) expect([...NOT_READ].some((s) => line(f).includes(s)), line(f)).toBe(true);
    expect(terminal.stdout).not.toContain(".DS_Store");
  });

  it("the 汇总表 has a row per file with its status, and a 合计", () => {
    const statuses = summaryStatuses();
    expect([...statuses.keys()].sort()).toEqual([...GOOD, PDF, ZIP, LOCK, BROKEN].sort());
    for (const g of GOOD) expect(statuses.get(g)).toBe("已审核");
    expect(statuses.get(LOCK)).toBe("跳过");
    expect(statuses.get(BROKEN)).toBe("损坏");
    for (const f of [PDF, ZIP]) expect(NOT_READ.has(statuses.get(f)!)).toBe(true);
    const sheet = wb.worksheets[0]!;
    expect(sheet.getRow(sheet.rowCount).getCell(1).value).toBe("合计");
    // Natural order: 表2 before 表10, the folder's own files before its subfolder's.
    const order = [...statuses.keys()];
    expect(order.indexOf(GOOD[0]!)).toBeLessThan(order.indexOf(GOOD[1]!));
    expect(order.at(-1)).toBe(GOOD[2]);
    expect(wb.worksheets.map((s) => s.name)).toEqual(["汇总表", "问题清单", "部门汇总"]);
  });

  it("the HTML report lists the files not read with their status", () => {
    const section = /<section class="not-read" id="not-read">([\s\S]*?)<\/section>/.exec(html)![1]!;
    for (const f of [PDF, ZIP, LOCK, BROKEN]) expect(section).toContain(`<td class="file">${f}</td>`);
    expect(section).toMatch(new RegExp(`${LOCK.replace(/[$~]/g, "\\$&")}</td><td class="status">跳过</td>`));
    for (const g of GOOD) expect(html).toContain(`data-file="${g}`);
    expect(html).not.toContain(".DS_Store");
  });

  it("the HTML report names the rules by their full titles, English ones with --lang en", async () => {
    const { loadRules } = await import("../../src/lint/rule-registry.js");
    const { escapeHtml } = await import("../../src/report/html.js");
    const metas = new Map((await loadRules()).map((r) => [r.meta.id, r.meta]));
    const en = await runCli(["--lang", "en", "validate", "来件", "--no-config", "-f", "html", "-o", "report-en.html", "-j", "1"], { cwd: dir });
    expect(en.code).toBe(1);
    const pages = { zh: html, en: readFileSync(path.join(dir, "report-en.html"), "utf8") };
    for (const lang of ["zh", "en"] as const) {
      const ids = [...pages[lang].matchAll(/<g class="bar" data-filter="([^"]+)"><text class="title"/g)].map((m) => m[1]!);
      expect(ids.length).toBeGreaterThan(3);
      for (const id of ids) expect(pages[lang]).toContain(`>${escapeHtml(`${metas.get(id)!.code} ${metas.get(id)!.description[lang]}`)}<title>`);
    }
    expect(pages.en).toContain("Files not read (4)");
  }, 60_000);

  it("the JSON report has one entry per file, reviewed or not, in one shape", () => {
    const report = parseReport(json.stdout) as { files: { file: string; status: string; code?: string; reason?: string; forms: unknown[] }[] };
    expect(report.files.map((f) => f.file).sort()).toEqual([...GOOD, PDF, ZIP, LOCK, BROKEN].sort());
    for (const f of report.files) {
      expect(Object.keys(f)[0]).toBe("file");
      if (GOOD.includes(f.file)) expect(f).toMatchObject({ status: "reviewed" });
      else expect(f.forms).toEqual([]), expect(f.reason).toBeTruthy(), expect(f.code).toMatch(/^PG-[ES]-/);
    }
    const byFile = new Map(report.files.map((f) => [f.file, f]));
    expect(byFile.get(LOCK)).toMatchObject({ status: "skipped", code: "PG-S-LOCK" });
    expect(byFile.get(BROKEN)).toMatchObject({ status: "damaged", code: "PG-E-CORRUPT" });
    for (const f of [PDF, ZIP]) expect(["unsupported", "damaged", "unread"]).toContain(byFile.get(f)!.status);
  });
});
