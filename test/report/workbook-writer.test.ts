/**
 * The streaming .xlsx writer, read back by a workbook library and, where it is installed, by
 * LibreOffice Calc: values, number formats, bold, the frozen header, widths, the filter.
 */
import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { columnLetters } from "../../src/model/location.js";
import { sheetName, writeWorkbook, type XlsxSheet } from "../../src/report/xlsx/workbook-writer.js";

const run = promisify(execFile);
/** Calc's CSV filter: comma, double quotes, UTF-8 (76), from line 1, cells as shown (the last token). */
const CSV_AS_SHOWN = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true";

async function bytesOf(sheets: XlsxSheet[]): Promise<Buffer> {
  const chunks: Uint8Array[] = [];
  await writeWorkbook(sheets, async (c) => void chunks.push(c), { modified: new Date(2026, 0, 2, 3, 4, 6) });
  return Buffer.concat(chunks);
}

const SHEETS: XlsxSheet[] = [
  {
    name: "汇总表",
    header: true,
    columns: [{ width: 20 }, { width: 12, numFmt: "#,##0.00" }, { width: 8, numFmt: "0.0%" }],
    rows: [
      { cells: ["文件", "预算（万元）", "成本占预算"], bold: true },
      { cells: ["表 2.docx", 361, 0.903] },
      { cells: ["a & <b> \u0001 \"c\"", 1234.5, null] },
      { cells: ["合计", 1595.5, undefined], bold: true },
    ],
  },
  { name: "问题清单", header: true, columns: [{ width: 10 }], rows: (function* () { yield { cells: ["位置"], bold: true }; for (let i = 0; i < 3000; i++) yield { cells: [`表1 第${i}行`] }; })() },
];

describe("workbook writer", () => {
  it("writes a workbook a library reads back: values, formats, bold, frozen header, widths, filter", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await bytesOf(SHEETS)) as unknown as ArrayBuffer);
    expect(wb.worksheets.map((s) => s.name)).toEqual(["汇总表", "问题清单"]);
    const s = wb.worksheets[0]!;
    expect(s.getCell("A2").value).toBe("表 2.docx");
    expect(s.getCell("B2").value).toBe(361);
    expect(s.getCell("B2").numFmt).toBe("#,##0.00");
    expect(s.getCell("C2").numFmt).toBe("0.0%");
    // Control characters XML cannot hold are dropped; markup characters are kept as text.
    expect(s.getCell("A3").value).toBe('a & <b>  "c"');
    expect(s.getCell("A1").font?.bold).toBe(true);
    expect(s.getCell("A4").font?.bold).toBe(true);
    expect(s.getCell("A2").font?.bold).toBeFalsy();
    expect(s.getColumn(1).width).toBe(20);
    expect(s.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    expect(s.autoFilter).toBe("A1:C1");
    expect(wb.worksheets[1]!.rowCount).toBe(3001);
    expect(wb.worksheets[1]!.getCell("A3001").value).toBe("表1 第2999行");
    expect(wb.creator).toBe("perfgoal");
  });

  it("stops at the first failed write and reports that failure", async () => {
    const failure = Object.assign(new Error("no space left on device"), { code: "ENOSPC" });
    let calls = 0;
    await expect(
      writeWorkbook(SHEETS, async () => {
        if (++calls > 3) throw failure;
      }),
    ).rejects.toBe(failure);
  });

  it("names columns and sheets as Excel does", () => {
    expect([1, 26, 27, 52, 53, 702, 703, 16384].map(columnLetters)).toEqual(["A", "Z", "AA", "AZ", "BA", "ZZ", "AAA", "XFD"]);
    expect(sheetName("a/b[c]:d*e?f\\g")).toBe("a_b_c__d_e_f_g");
    expect(sheetName("x".repeat(40))).toHaveLength(31);
    expect(sheetName("  ")).toBe("Sheet");
  });

  it("cuts text longer than a cell holds", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await bytesOf([{ name: "s", columns: [{ width: 5 }], rows: [{ cells: ["长".repeat(40000)] }] }])) as unknown as ArrayBuffer);
    expect(String(wb.worksheets[0]!.getCell("A1").value)).toHaveLength(32767);
  });

  it("opens in LibreOffice Calc", async (ctx) => {
    const dir = mkdtempSync(path.join(tmpdir(), "pg-xlsx-"));
    try {
      writeFileSync(path.join(dir, "t.xlsx"), await bytesOf(SHEETS.slice(0, 1)));
      try {
        await run("soffice", ["--headless", `-env:UserInstallation=file://${dir}/profile`, "--convert-to", CSV_AS_SHOWN, "--outdir", dir, path.join(dir, "t.xlsx")], { timeout: 120_000 });
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === "ENOENT") return ctx.skip("LibreOffice (soffice) is not installed");
        throw e;
      }
      const csv = readFileSync(path.join(dir, "t.csv"), "utf8");
      expect(csv).toContain("表 2.docx");
      expect(csv).toContain("361.00");
      expect(csv).toContain('"1,234.50"');
      expect(csv).toContain("90.3%");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 150_000);
});
