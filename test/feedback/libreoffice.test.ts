import { cpSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { CONCLUSION_BY_GRADE } from "../../src/feedback/conclusion.js";
import { REVIEW_CONCLUSIONS, type Grade } from "../../src/model/terms.js";
import { docxToPdf, hasPoppler, hasSoffice, pdfPages, pdfText } from "../../scripts/office.js";
import { runCli } from "../cli/run-cli.js";

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const CORPUS = path.resolve(REPO, "../shared/corpus/forms");
/** The seed as Word holds it, and two complete corpus forms perfgoal reads: one that passes, one to revise. */
const INPUTS = [
  path.join(REPO, "examples/hengdong-2023.docx"),
  path.join(CORPUS, "01_xiangtan-huanwei-wupaoche-2023.txt"),
  path.join(CORPUS, "28_anhui-huaibei-nongcunwenhua-2025.txt"),
];

/** Whitespace and line breaks vanish: a long line wraps anywhere in the PDF. */
const squash = (s: string) => s.replace(/[\s\u3000]+/g, "");
const occurrences = (text: string, part: string) => text.split(part).length - 1;

interface Result {
  file: string;
  grade: Grade;
  findings: { message: string; locationText: string }[];
}

describe.skipIf(!hasSoffice() || !hasPoppler())("LibreOffice opens the 审核意见 and prints the conclusion and every finding", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "perfgoal-feedback-lo-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("converts the seed's and two corpus forms' documents and the summary to PDF holding each conclusion and each finding's cell and message", async () => {
    mkdirSync(path.join(dir, "来件"));
    for (const f of INPUTS) cpSync(f, path.join(dir, "来件", path.basename(f)));
    const r = await runCli(["validate", "-j", "1", "-f", "json", "来件", "--feedback", "审核意见"], { cwd: dir });
    expect(r.stderr).not.toContain("内部错误");
    const results = (JSON.parse(r.stdout) as { results: Result[] }).results;
    expect(results).toHaveLength(3);
    // The three conclusions are not all the same: the check tells them apart.
    expect(new Set(results.map((x) => CONCLUSION_BY_GRADE[x.grade])).size).toBeGreaterThan(1);

    const docx = (file: string) => path.join(dir, "审核意见", path.basename(file).replace(/\.[^.]+$/, "") + ".审核意见.docx");
    const summary = path.join(dir, "审核意见/部门审核意见汇总.docx");
    const converted = docxToPdf([...results.map((x) => docx(x.file)), summary], dir);
    expect(converted.status, converted.stderr).toBe(0);

    const counted: Record<string, number> = {};
    for (const [i, result] of results.entries()) {
      const pdf = converted.pdfs[i]!;
      expect(pdfPages(pdf)).toBeGreaterThanOrEqual(1);
      // A line is printed if either reading of the PDF holds it whole (see pdfText).
      const text = squash(pdfText(pdf));
      const raw = squash(pdfText(pdf, { raw: true }));
      const times = (s: string) => Math.max(occurrences(text, squash(s)), occurrences(raw, squash(s)));
      // The table's label and value: side by side in the content stream, interleaved in reading order.
      expect(raw).toContain(squash(`审核结论 ${REVIEW_CONCLUSIONS[CONCLUSION_BY_GRADE[result.grade]]}`));
      expect(text).toContain(squash(`共 ${result.findings.length} 处`));
      // Each finding's line as often as the review has it (two cells may say the same thing).
      const lines = result.findings.map((f) => (f.locationText ? `${f.locationText}：${f.message}` : f.message));
      const missing = [...new Set(lines)].filter((l) => times(l) < lines.filter((x) => x === l).length);
      expect(missing).toEqual([]);
      expect(text).toContain(squash("审核人意见："));
      // The room to write and the signature lines stay on one page.
      expect(raw).toMatch(/审核人意见：审核人：日期：年月日/);
      counted[path.basename(result.file)] = lines.length;
    }
    // What was checked, for the record: the seed's 83 findings and the two corpus forms'.
    expect(counted["hengdong-2023.docx"]).toBe(results.find((x) => x.file.endsWith("hengdong-2023.docx"))!.findings.length);

    const summaryText = squash(pdfText(converted.pdfs[3]!));
    expect(summaryText).toContain(squash("部门审核意见汇总"));
    for (const result of results) expect(summaryText).toContain(squash(REVIEW_CONCLUSIONS[CONCLUSION_BY_GRADE[result.grade]]));
  }, 240_000);
});
