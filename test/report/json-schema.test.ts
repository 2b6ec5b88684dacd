/**
 * The JSON report against schemas/report.schema.json, on real output: the seed form (.docx, a YAML
 * stream of two forms), a corpus form, a broken file, a PDF and a lock file. And the 汇总表 of the
 * same run agrees with it file by file: its main columns can be rebuilt from the JSON.
 */
import Ajv2020 from "ajv/dist/2020.js";
import ExcelJS from "exceljs";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { gradeName } from "../../src/lint/grade.js";
import { statusLabel, type FileStatus } from "../../src/report/accounting.js";
import type { JsonFileEntry } from "../../src/report/json.js";
import { runCli } from "../cli/run-cli.js";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const schema = JSON.parse(readFileSync(path.join(ROOT, "schemas/report.schema.json"), "utf8")) as object;

let dir: string;
let report: { files: JsonFileEntry[]; totals: { files: number; forms: number }; lang: string };
let text: string;
let sheet: ExcelJS.Worksheet;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "pg-json-schema-"));
  const put = (name: string, bytes: string | Buffer) => {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), bytes);
  };
  const seedYaml = readFileSync(path.join(ROOT, "examples/hengdong-2023.yaml"), "utf8");
  put("in/seed.docx", readFileSync(path.join(ROOT, "examples/hengdong-2023.docx")));
  put("in/two forms.yaml", `${seedYaml}\n---\n${seedYaml}`);
  put("in/corpus/湘潭.yaml", readFileSync(path.join(ROOT, "test/corpus/golden/01_xiangtan-huanwei-wupaoche-2023.yaml")));
  put("in/broken.docx", readFileSync(path.join(ROOT, "examples/hengdong-2023.docx")).subarray(0, 2500));
  put("in/扫描件.pdf", "%PDF-1.4\n");
  put("in/~$seed.docx", "lock");
  await runCli(["validate", "in", "--no-config", "-j", "1", "-f", "json", "-o", "report.json", "--summary", "汇总表.xlsx"], { cwd: dir });
  text = readFileSync(path.join(dir, "report.json"), "utf8");
  report = JSON.parse(text);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync(path.join(dir, "汇总表.xlsx")) as unknown as Parameters<typeof wb.xlsx.load>[0]);
  sheet = wb.worksheets[0]!;
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function validator() {
  const ajv = new Ajv2020.default({ allErrors: true, strict: true, allowUnionTypes: true });
  return ajv.compile(schema);
}

describe("the JSON report", () => {
  it("validates for every reader's locations (sheet cells, PDF pages) and with -q's hidden counts and fix's edits", async () => {
    const d = path.join(dir, "readers");
    mkdirSync(d, { recursive: true });
    for (const f of ["sheets/hengdong-2023.xlsx", "pdf/hengdong-2023.pdf"]) writeFileSync(path.join(d, path.basename(f)), readFileSync(path.join(ROOT, "test/fixtures", f)));
    const validate = validator();
    for (const extra of [[], ["-q"]]) {
      const r = await runCli(["validate", "readers", "--no-config", "-j", "1", "-f", "json", ...extra], { cwd: dir });
      const out = JSON.parse(r.stdout) as { files: JsonFileEntry[] };
      expect(out.files.map((f) => f.status)).toEqual(["reviewed", "reviewed"]);
      expect(validate(out), JSON.stringify(validate.errors?.slice(0, 3), null, 2)).toBe(true);
      const kinds = new Set(out.files.flatMap((f) => f.forms.flatMap((form) => form.findings.map((x) => (x as { location?: { kind: string } }).location?.kind))));
      expect(kinds).toEqual(new Set(extra.length ? ["page", "sheetCell"] : ["page", "sheetCell", undefined]));
      if (!extra.length) expect(out.files.some((f) => f.forms.some((form) => form.findings.some((x) => x.fixable)))).toBe(true);
      else expect(out.files.every((f) => f.forms.every((form) => (form as { hidden?: { warning: number } }).hidden!.warning > 0))).toBe(true);
    }
  });

  it("validates against schemas/report.schema.json", () => {
    const validate = validator();
    expect(validate(report), JSON.stringify(validate.errors, null, 2)).toBe(true);
    expect(report.files.map((f) => `${f.file} ${f.status} ${f.forms.length}`)).toEqual([
      "in/~$seed.docx skipped 0",
      "in/扫描件.pdf damaged 0",
      "in/broken.docx damaged 0",
      "in/seed.docx reviewed 1",
      "in/two forms.yaml reviewed 2",
      "in/corpus/湘潭.yaml reviewed 1",
    ]);
  });

  it("and the schema rejects what the report must never hold", () => {
    const validate = validator();
    const broken = (change: (file: (name: string) => JsonFileEntry) => void) => {
      const copy = JSON.parse(text) as typeof report;
      change((name) => copy.files.find((f) => f.file === name)!);
      return validate(copy);
    };
    expect(broken(() => undefined)).toBe(true);
    expect(broken((file) => (file("in/seed.docx").code = "PG-E-CORRUPT"))).toBe(false);
    expect(broken((file) => (file("in/broken.docx").forms = file("in/seed.docx").forms))).toBe(false);
    expect(broken((file) => delete file("in/broken.docx").reason)).toBe(false);
    expect(broken((file) => ((file("in/~$seed.docx") as unknown as Record<string, unknown>).extra = 1))).toBe(false);
    expect(broken((file) => ((file("in/seed.docx").forms[0] as unknown as Record<string, unknown>).grade = "A"))).toBe(false);
  });

  it("carries per form department, budget with its unit, the cost rule's sum, grade and counts", () => {
    const seed = report.files.find((f) => f.file === "in/seed.docx")!.forms[0]!;
    expect(seed).toMatchObject({ department: expect.any(String), budget: { total: expect.any(Number), amountUnit: expect.stringMatching(/^(万元|元)$/) }, grade: expect.any(String) });
    expect(seed.costSumWanYuan).toBeGreaterThan(0);
    // The seed's cost indicators add up to more than its budget: the rule's finding quotes the same sum.
    const findings = seed.findings as unknown as { ruleId: string; data?: { sum?: string } }[];
    const sums = findings.filter((f) => f.ruleId === "cost-within-budget" && f.data?.sum !== undefined).map((f) => Number(f.data!.sum));
    for (const sum of sums) expect(sum).toBeCloseTo(seed.costSumWanYuan!, 4);
    expect(seed.counts.error + seed.counts.warning + seed.counts.info).toBe(seed.findings.length);
    expect(report.totals).toMatchObject({ files: 6, forms: 4 });
  });

  it("rebuilds the 汇总表's main columns, file by file", () => {
    const header = Array.from(sheet.getRow(1).values as unknown[], (v) => (v === undefined ? "" : String(v)));
    const rows: Record<string, unknown>[] = [];
    sheet.eachRow((row, n) => {
      if (n === 1) return;
      const cells = Object.fromEntries(header.slice(1).map((h, i) => [h, row.getCell(i + 1).value ?? undefined]));
      if (cells.状态) rows.push(cells);
    });
    const rebuilt = report.files.flatMap((f) =>
      f.status === "reviewed"
        ? f.forms.map((form) => ({
            文件: f.file,
            状态: statusLabel(f.status, "zh"),
            表单序号: form.formIndex,
            主管部门: form.department,
            项目名称: form.project,
            "预算（万元）": form.budget?.wanYuan,
            "成本指标合计（万元）": form.costSumWanYuan,
            错误: form.counts.error,
            警告: form.counts.warning,
            提示: form.counts.info,
            评级: gradeName(form.grade, "zh"),
            代码: undefined,
            原因: undefined,
          }))
        : [{ 文件: f.file, 状态: statusLabel(f.status as FileStatus, "zh"), 代码: f.code, 原因: f.reason }],
    );
    expect(rows.map((r) => Object.fromEntries(Object.keys(rebuilt[0]!).map((k) => [k, r[k]])))).toEqual(
      rebuilt.map((r) => Object.fromEntries(Object.keys(rebuilt[0]!).map((k) => [k, (r as Record<string, unknown>)[k]]))),
    );
  });
});
