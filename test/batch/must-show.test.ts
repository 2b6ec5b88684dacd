/**
 * Issue 6, must show: `perfgoal validate` over a folder of 1,000 mixed forms with 3 broken files
 * and 2 Word lock files reports every good form, one clear line per broken file, skips the lock
 * files, writes the 汇总表 and the HTML report, and exits 1.
 */
import ExcelJS from "exceljs";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formBytes, writeFormFolder } from "../../bench/forms.js";
import { CHROMIUM, renderInChromium } from "../report/html-chromium.js";
import { runCli, type CliRun } from "./run-cli-io.js";

let dir: string;
let good: string[];
let result: CliRun;
const BROKEN = ["部门01/截断的申报表.docx", "部门02/乱码.doc", "部门03/空文件.txt"];
const LOCKS = ["部门01/~$截断的申报表.docx", "部门04/~$教育局项目.docx"];

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "pg-must-show-"));
  const forms = path.join(dir, "申报表");
  good = writeFormFolder(forms, { count: 997 });
  writeFileSync(path.join(forms, BROKEN[0]!), formBytes("docx", 1).slice(0, 3000));
  writeFileSync(path.join(forms, BROKEN[1]!), Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)));
  writeFileSync(path.join(forms, BROKEN[2]!), "");
  for (const lock of LOCKS) writeFileSync(path.join(forms, lock), Buffer.from([0x05, 0x41, 0x64, 0x6d, 0x69, 0x6e]));
  result = await runCli(["validate", "申报表", "--jobs", "2", "--summary", "汇总表.xlsx", "-f", "html", "-o", "report.html"], { cwd: dir });
}, 600_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("validate over 1,000 mixed forms", () => {
  it("exits 1 (the seed's errors, and unreadable files)", () => {
    expect(result.code).toBe(1);
  });

  it("prints one clear line per broken file and a summary that counts the skipped lock files", () => {
    const lines = result.stderr.trim().split("\n");
    for (const b of BROKEN) {
      const mine = lines.filter((l) => l.includes(b));
      expect(mine).toHaveLength(1);
      expect(mine[0]).toMatch(new RegExp(`^perfgoal: 申报表/${b}: \\S.* \\[PG-E-[A-Z-]+\\]$`));
    }
    expect(lines.find((l) => l.includes("空文件"))).toContain("[PG-E-EMPTY]");
    expect(lines.at(-1)).toBe("perfgoal: 共 1000 个文件，成功 997，失败 3，跳过 2（Word 锁文件 2）");
    expect(result.stderr).not.toContain("~$");
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it("writes the 汇总表 with a row for every file received, the lock files too, and a 合计", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(readFileSync(path.join(dir, "汇总表.xlsx"))) as unknown as Parameters<typeof wb.xlsx.load>[0]);
    const sheet = wb.worksheets[0]!;
    const header = Array.from(sheet.getRow(1).values as unknown[], String);
    const col = (name: string) => header.indexOf(name);
    // The header, 1,000 files read, 2 lock files, the 合计.
    expect(sheet.rowCount).toBe(1 + 1000 + 2 + 1);
    const files: string[] = [];
    sheet.eachRow((row, n) => n > 1 && row.getCell(col("状态")).value && files.push(String(row.getCell(1).value)));
    const expected = [...good, ...BROKEN, ...LOCKS].map((f) => `申报表/${f}`);
    expect([...files].sort()).toEqual([...expected].sort());
    const codes: string[] = [];
    sheet.eachRow((row, n) => n > 1 && String(row.getCell(col("代码")).value ?? "").startsWith("PG-E-") && codes.push(String(row.getCell(col("代码")).value)));
    expect(codes).toHaveLength(3);
    // Every good form is reviewed: a grade and a department on its row.
    let graded = 0;
    sheet.eachRow((row, n) => n > 1 && row.getCell(col("状态")).value === "已审核" && row.getCell(col("评级")).value && row.getCell(col("主管部门")).value && graded++);
    expect(graded).toBe(997);
    expect(wb.worksheets[1]!.rowCount).toBeGreaterThan(997);
  });

  it("writes the HTML report with every form", () => {
    const html = readFileSync(path.join(dir, "report.html"), "utf8");
    expect((html.match(/<tbody class="form /g) ?? []).length).toBe(1000);
    expect((html.match(/<tbody class="form unreadable"/g) ?? []).length).toBe(3);
    expect(html).toContain("Word 锁文件 2");
    expect(html).toContain("未读取的文件（5）");
  });

  it.skipIf(!CHROMIUM)("the HTML report renders all 1,000 rows in Chromium without console errors", async () => {
    const { dom, console } = await renderInChromium(readFileSync(path.join(dir, "report.html"), "utf8"));
    expect(console).toEqual([]);
    expect(dom).toContain('data-ready="1"');
    expect(dom).toContain("显示 1000 / 1000");
  }, 180_000);
});
