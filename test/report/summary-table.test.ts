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

  it("is UTF-8 with a BOM and CRLF line ends, one row per form and per unreadable file", () => {
    expect(text.startsWith("\uFEFF文件,")).toBe(true);
    expect(text.endsWith("\r\n")).toBe(true);
    expect(rows).toHaveLength(4);
    expect(rows.every((r) => r.length === SUMMARY_COLUMNS.length)).toBe(true);
  });

  it("carries department, project, budget, counts per 一级, cost sum against budget, counts, grade and top rules", () => {
    const header = rows[0]!;
    const first = Object.fromEntries(header.map((h, i) => [h, rows[1]![i]]));
    expect(first).toMatchObject({
      文件: "部门一/衡东县政府办.docx",
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
    });
  });

  it("quotes commas and quotes, and defuses text a spreadsheet would run as a formula", () => {
    expect(text).toContain('"部门二/a,b ""quoted"".txt"');
    expect(rows[2]![3]).toBe(`'=HYPERLINK("http://x")<script>alert(1)</script>`);
  });

  it("gives an unreadable file its error code", () => {
    const header = rows[0]!;
    const bad = rows[3]!;
    expect(bad[header.indexOf("错误代码")]).toBe("PG-E-CORRUPT");
    expect(bad[header.indexOf("无法读取的原因")]).toBe("文件已损坏");
    expect(bad[header.indexOf("错误")]).toBe("");
  });

  it("speaks English with --lang en", () => {
    expect(summaryCsv(sampleReport("en")).split("\r\n")[0]).toContain("department,project,budget (万元)");
  });
});

describe("summaryXlsx", () => {
  it("has a frozen bold header, widths that fit Chinese, money formats, a filter, and a findings sheet", async () => {
    const bytes = await summaryXlsx(sampleReport());
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(bytes) as unknown as Parameters<typeof wb.xlsx.load>[0]);
    const [summary, findings] = wb.worksheets;
    expect(summary!.name).toBe("汇总表");
    expect(summary!.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    expect(summary!.getRow(1).getCell(1).font?.bold).toBe(true);
    expect(summary!.autoFilter).toBeTruthy();
    expect(summary!.rowCount).toBe(4);
    const budget = summary!.getRow(2).getCell(5);
    expect(budget.value).toBe(361);
    expect(budget.numFmt).toBe("#,##0.00");
    expect(summary!.getRow(2).getCell(12).numFmt).toBe("0.0%");
    // "衡东县政府办项目支出" is 10 CJK characters: 20 columns wide, plus room.
    expect(summary!.getColumn(4).width).toBeGreaterThanOrEqual(20);
    expect(summary!.getRow(4).getCell(18).value).toBe("PG-E-CORRUPT");
    // Stored as text, never as a formula.
    expect(summary!.getRow(3).getCell(4).value).toBe('=HYPERLINK("http://x")<script>alert(1)</script>');

    expect(findings!.name).toBe("问题清单");
    expect(findings!.rowCount).toBe(5);
    expect(findings!.getRow(1).values).toEqual([undefined, "文件", "位置", "级别", "规则", "代码", "说明", "模型路径"]);
    expect(findings!.getRow(2).values).toEqual([
      undefined,
      "部门一/衡东县政府办.docx",
      "表1 第20行第5列",
      "错误",
      "comparison-direction",
      "PG010",
      "成本指标“≧40万元”不应为下限",
      "indicators.annual[12].value",
    ]);
    expect(findings!.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
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
    expect(wb.worksheets[0]!.rowCount).toBe(3_001);
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
