import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import type { ReviewEntry } from "../../src/batch/review.js";
import { SUMMARY_COLUMNS, summaryCsv, summaryTable, summaryXlsx, writeSummaryXlsx } from "../../src/report/summary-table.js";
import { sampleReport } from "./summary-review-fixture.js";

/** Split CSV text into records (RFC 4180: quoted fields may hold commas, quotes and line breaks). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") row.push(field), (field = "");
    else if (ch === "\r" && text[i + 1] === "\n") {
      row.push(field), rows.push(row), (row = []), (field = ""), i++;
    } else field += ch;
  }
  return rows;
}

describe("summaryCsv", () => {
  const text = summaryCsv(sampleReport());
  const rows = parseCsv(text.slice(1));
  const header = rows[0]!;
  const byFile = (file: string) => Object.fromEntries(header.map((h, i) => [h, rows.find((r) => r[0] === file)![i]]));

  it("is UTF-8 with a BOM and CRLF line ends, one row per file received and a 合计 row", () => {
    expect(text.startsWith("\uFEFF文件,状态,")).toBe(true);
    expect(text.endsWith("\r\n")).toBe(true);
    expect(rows.map((r) => `${r[0]} ${r[1]}`)).toEqual([
      "文件 状态",
      "部门1/~$衡东县政府办.docx 跳过",
      "部门1/衡东县政府办.docx 已审核",
      "部门2/~$坏文件.docx 跳过",
      "部门2/坏文件.docx 损坏",
      "部门2/扫描件 衡东.pdf 不支持",
      '部门2/a,b "quoted".txt 已审核',
      "合计 ",
    ]);
    expect(rows.every((r) => r.length === SUMMARY_COLUMNS.length)).toBe(true);
  });

  it("carries department, project, budget, counts per 一级, cost sum against budget, counts, grade and top rules", () => {
    expect(byFile("部门1/衡东县政府办.docx")).toMatchObject({
      状态: "已审核",
      主管部门: "衡东县政府办",
      项目名称: "衡东县政府办项目支出",
      "预算（万元）": "361",
      产出指标: "18",
      效益指标: "3",
      满意度指标: "1",
      成本指标: "0",
      "成本指标合计（万元）": "326",
      成本占预算: "90.3%",
      错误: "2",
      警告: "1",
      提示: "1",
      评级: "中",
      主要规则: "comparison-direction, goals-distinct",
      代码: "",
      原因: "",
    });
  });

  it("quotes commas and quotes, and defuses text a spreadsheet would run as a formula", () => {
    expect(text).toContain('"部门2/a,b ""quoted"".txt"');
    expect(byFile('部门2/a,b "quoted".txt').项目名称).toBe(`'=HYPERLINK("http://x")<script>alert(1)</script>`);
  });

  it("gives every file not reviewed its status, code and reason, and no figures", () => {
    expect(byFile("部门2/坏文件.docx")).toMatchObject({ 状态: "损坏", 代码: "PG-E-CORRUPT", 原因: "文件已损坏", 错误: "", 评级: "" });
    expect(byFile("部门2/扫描件 衡东.pdf")).toMatchObject({ 状态: "不支持", 代码: "PG-S-TYPE", 原因: "不支持的文件类型（.pdf）", 错误: "" });
    expect(byFile("部门1/~$衡东县政府办.docx")).toMatchObject({ 状态: "跳过", 代码: "PG-S-LOCK", 原因: "临时锁文件（Word 打开文档时生成）" });
  });

  it("closes with a 合计 row: forms, budget and cost sums, findings by severity", () => {
    expect(byFile("合计")).toMatchObject({
      状态: "",
      项目名称: "2 份表单，4 个文件未审核",
      "预算（万元）": "1234928.891",
      "成本指标合计（万元）": "326",
      产出指标: "20",
      错误: "2",
      警告: "1",
      提示: "1",
    });
  });

  it("speaks English with --lang en", () => {
    const en = summaryCsv(sampleReport("en")).split("\r\n");
    expect(en[0]).toContain("file,status,form,department,project,budget (万元)");
    expect(en.at(-2)).toMatch(/^total,,/);
  });
});

async function readXlsx(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as Parameters<typeof wb.xlsx.load>[0]);
  return wb;
}

describe("summaryXlsx", () => {
  it("has a frozen bold header, widths that fit Chinese, money formats, a filter, a row per file and a bold 合计", async () => {
    const [summary] = (await readXlsx(await summaryXlsx(sampleReport()))).worksheets;
    expect(summary!.name).toBe("汇总表");
    expect(summary!.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    expect(summary!.getRow(1).getCell(1).font?.bold).toBe(true);
    expect(summary!.autoFilter).toBeTruthy();
    expect(summary!.rowCount).toBe(1 + 6 + 1);
    const col = (name: string) => SUMMARY_COLUMNS.findIndex((c) => c.zh === name) + 1;
    const budget = summary!.getRow(3).getCell(col("预算（万元）"));
    expect(summary!.getRow(3).getCell(1).value).toBe("部门1/衡东县政府办.docx");
    expect(budget.value).toBe(361);
    expect(budget.numFmt).toBe("#,##0.00");
    expect(summary!.getRow(3).getCell(col("成本占预算")).numFmt).toBe("0.0%");
    // "衡东县政府办项目支出" is 10 CJK characters: 20 columns wide, plus room.
    expect(summary!.getColumn(col("项目名称")).width).toBeGreaterThanOrEqual(20);
    expect(summary!.getRow(5).getCell(col("代码")).value).toBe("PG-E-CORRUPT");
    expect(summary!.getRow(5).getCell(col("状态")).value).toBe("损坏");
    // Stored as text, never as a formula.
    expect(summary!.getRow(7).getCell(col("项目名称")).value).toBe('=HYPERLINK("http://x")<script>alert(1)</script>');
    const total = summary!.getRow(8);
    expect(total.getCell(1).value).toBe("合计");
    expect(total.getCell(1).font?.bold).toBe(true);
    expect(total.getCell(col("预算（万元）")).value).toBe(1234928.891);
    expect(total.getCell(col("错误")).value).toBe(2);
  });

  it("lists the findings with department, project and the rule's title, in reading order of the cells", async () => {
    const findings = (await readXlsx(await summaryXlsx(sampleReport()))).worksheets[1]!;
    expect(findings.name).toBe("问题清单");
    expect(findings.rowCount).toBe(5);
    expect(findings.getRow(1).values).toEqual([undefined, "文件", "主管部门", "项目名称", "位置", "级别", "规则", "规则名称", "代码", "说明", "模型路径"]);
    expect(findings.getRow(2).values).toEqual([
      undefined,
      "部门1/衡东县政府办.docx",
      "衡东县政府办",
      "衡东县政府办项目支出",
      "表1 第6行第2列",
      "提示",
      "goals-distinct",
      "实施期目标与年度目标不应完全相同",
      "PG015",
      "实施期目标与年度目标相同",
      "goals.annual",
    ]);
    // 第10行 before 第20行 before 第21行: numbers in a location compare as numbers.
    const locations: string[] = [];
    findings.eachRow((row, n) => n > 1 && locations.push(String(row.getCell(4).value)));
    expect(locations).toEqual(["表1 第6行第2列", "表1 第10行第5列", "表1 第20行第5列", "表1 第21行第5列"]);
    expect(findings.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
  });

  it("has a 部门汇总 sheet: per department forms, budget, cost sums, findings and grades, and a total", async () => {
    const sheet = (await readXlsx(await summaryXlsx(sampleReport()))).worksheets[2]!;
    expect(sheet.name).toBe("部门汇总");
    const rows: unknown[][] = [];
    sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    expect(rows).toEqual([
      ["主管部门", "表单数", "预算合计（万元）", "成本指标合计（万元）", "错误", "警告", "提示", "评级优", "评级良", "评级中", "评级差"],
      ["衡东县政府办", 1, 361, 326, 2, 1, 1, 0, 0, 1, 0],
      ["县<b>教育局</b>", 1, 1234567.891, 0, 0, 0, 0, 1, 0, 0, 0],
      ["合计", 2, 1234928.891, 326, 2, 1, 1, 1, 0, 1, 0],
    ]);
    expect(sheet.getRow(4).getCell(1).font?.bold).toBe(true);
  });

  it("is handed over piece by piece as it is made, and reads back whole", async () => {
    const report = sampleReport();
    const form = report.entries[0]!;
    const entries: ReviewEntry[] = Array.from({ length: 3_000 }, (_, i) => ({ ...form, file: `部门/表${i}.docx` }));
    const chunks: Uint8Array[] = [];
    await writeSummaryXlsx({ ...report, entries }, async (chunk) => void chunks.push(chunk));
    expect(chunks.length).toBeGreaterThan(3);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.concat(chunks) as unknown as Parameters<typeof wb.xlsx.load>[0]);
    expect(wb.worksheets[0]!.rowCount).toBe(1 + 3_000 + 3 + 1);
    expect(wb.worksheets[1]!.rowCount).toBe(1 + 3_000 * 4);
    expect(wb.worksheets[1]!.getRow(12_001).getCell(1).value).toBe("部门/表2999.docx");
  });

  it("stops with the error when a write fails (a full disk)", async () => {
    const entries: ReviewEntry[] = Array.from({ length: 3_000 }, (_, i) => ({ ...sampleReport().entries[0]!, file: `表${i}.docx` }));
    let calls = 0;
    const failing = async () => {
      if (++calls > 1) throw new Error("ENOSPC");
    };
    await expect(writeSummaryXlsx({ ...sampleReport(), entries }, failing)).rejects.toThrow("ENOSPC");
  });

  it("is chosen by the file name", async () => {
    expect(typeof (await summaryTable(sampleReport(), "x.csv"))).toBe("string");
    expect(await summaryTable(sampleReport(), "x.XLSX")).toBeInstanceOf(Uint8Array);
  });
});
