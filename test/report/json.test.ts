import { describe, expect, it } from "vitest";
import { skippedFiles as listed, type SkippedFile } from "../../src/report/accounting.js";
import { json, jsonStream, JSON_SCHEMA_VERSION } from "../../src/report/json.js";
import type { ReportResult } from "../../src/lint/types.js";
import { fatal, form, ruleMeta } from "./results.js";

const [pdf, lockFile] = listed([{ file: "0 扫描件.pdf", reason: "unsupported" }, { file: "b/~$表.docx", reason: "lock" }], "zh") as [SkippedFile, SkippedFile];

function streamed(results: ReportResult[], skippedFiles: SkippedFile[], facts?: Parameters<ReturnType<typeof jsonStream>["add"]>[1][]): string {
  const s = jsonStream({ lang: "zh", rules: [ruleMeta], version: "1.2.3", skippedFiles });
  return s.start() + results.map((r, i) => s.add(r, facts?.[i])).join("") + s.end();
}

describe("json", () => {
  it("carries the schema version, the tool, one entry per file, totals and the rules' metadata", () => {
    const results = [form(), fatal];
    const report = JSON.parse(json(results, { lang: "zh", rules: [ruleMeta], version: "1.2.3" }));
    const { file: _file, ...first } = form();
    expect(report).toEqual({
      schemaVersion: JSON_SCHEMA_VERSION,
      tool: { name: "perfgoal", version: "1.2.3" },
      lang: "zh",
      files: [
        { file: "a.docx", status: "reviewed", forms: [first] },
        { file: "坏 文件.docx", status: "encrypted", reason: "文件已加密（设有密码）", reasonZh: "文件已加密（设有密码）", reasonEn: "file is encrypted (password protected)", code: "PG-E-ENCRYPTED", forms: [] },
      ],
      totals: { files: 2, forms: 1, errors: 1, warnings: 0, infos: 0, byStatus: { reviewed: 1, unread: 0, unsupported: 0, encrypted: 1, damaged: 0, "over-limit": 0, skipped: 0 } },
      rules: [ruleMeta],
    });
  });

  it("is byte for byte JSON.stringify of itself, with or without files", () => {
    for (const text of [streamed([], []), streamed([], [pdf]), streamed([form({ file: "a/x.docx" }), fatal], [pdf, lockFile])]) {
      expect(text).toBe(`${JSON.stringify(JSON.parse(text), null, 2)}\n`);
    }
  });

  it("puts the forms of one file in one entry, and the skipped files in path order among the rest", () => {
    const results = [form({ file: "a/x.docx", formIndex: 1 }), form({ file: "a/x.docx", formIndex: 2 }), form({ file: "c/z.docx" })];
    const report = JSON.parse(streamed(results, [pdf, lockFile]));
    expect(report.files.map((f: { file: string; status: string }) => `${f.file} ${f.status}`)).toEqual([
      "0 扫描件.pdf unsupported",
      "a/x.docx reviewed",
      "b/~$表.docx skipped",
      "c/z.docx reviewed",
    ]);
    expect(report.files[1].forms.map((f: { formIndex: number }) => f.formIndex)).toEqual([1, 2]);
    expect(report.files[2]).toEqual({ file: "b/~$表.docx", status: "skipped", reason: lockFile.reason, reasonZh: lockFile.reason, reasonEn: "temporary lock file (left by Word while a document is open)", code: "PG-S-LOCK", forms: [] });
    expect(report.totals.files).toBe(4);
  });

  it("gives each form its department, budget with its unit, and cost sum, keys in one order", () => {
    const facts = [{ department: "衡东县政府办", budgetWanYuan: 361, fundingTotal: 361, amountUnit: "万元", costSumWanYuan: 326, tier1Counts: {} }];
    const report = JSON.parse(streamed([form()], [], facts));
    const one = report.files[0].forms[0];
    expect(one).toMatchObject({ department: "衡东县政府办", budget: { total: 361, amountUnit: "万元", wanYuan: 361 }, costSumWanYuan: 326 });
    expect(Object.keys(one)).toEqual(["project", "department", "budget", "costSumWanYuan", "grade", "counts", "era", "eraSource", "findings"]);
  });
});
