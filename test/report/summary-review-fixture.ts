import { skippedFiles } from "../../src/report/accounting.js";
import type { ReviewEntry, ReviewReport } from "../../src/batch/review.js";

/** A small batch review in path order: two forms (one with hostile text), one unreadable file, three skipped files. */
export function sampleReport(lang: "zh" | "en" = "zh"): ReviewReport & { entries: ReviewEntry[] } {
  return {
    lang,
    version: "0.1.0",
    generatedAt: "2026-01-01T00:00:00.000Z",
    skipped: { lock: 2, unsupported: 1 },
    skippedFiles: skippedFiles(
      [
        { file: "部门1/~$衡东县政府办.docx", reason: "lock" },
        { file: "部门2/~$坏文件.docx", reason: "lock" },
        { file: "部门2/扫描件 衡东.pdf", reason: "unsupported" },
      ],
      lang,
    ),
    ruleTitles: {
      "comparison-direction": "成本指标应为上限（≤），数量等指标一般为下限（≥）",
      "value-has-unit": "指标值应带计量单位",
      "goals-distinct": "实施期目标与年度目标不应完全相同",
    },
    entries: [
      {
        kind: "form",
        file: "部门1/衡东县政府办.docx",
        project: "衡东县政府办项目支出",
        department: "衡东县政府办",
        budgetWanYuan: 361,
        tier1Counts: { output: 18, benefit: 3, satisfaction: 1 },
        costSumWanYuan: 326,
        counts: { error: 2, warning: 1, info: 1 },
        grade: "中",
        topRules: ["comparison-direction", "goals-distinct"],
        findings: [
          { severity: "error", ruleId: "comparison-direction", code: "PG010", message: "成本指标“≧40万元”不应为下限", path: "indicators.annual[12].value", location: "表1 第20行第5列" },
          { severity: "error", ruleId: "comparison-direction", code: "PG010", message: "成本指标“≧25万元”不应为下限", path: "indicators.annual[13].value", location: "表1 第21行第5列" },
          { severity: "warning", ruleId: "value-has-unit", code: "PG007", message: "指标值缺少单位", path: "indicators.annual[2].value", location: "表1 第10行第5列" },
          { severity: "info", ruleId: "goals-distinct", code: "PG015", message: "实施期目标与年度目标相同", path: "goals.annual", location: "表1 第6行第2列" },
        ],
      },
      { kind: "unreadable", file: "部门2/坏文件.docx", code: "PG-E-CORRUPT", message: "文件已损坏" },
      {
        kind: "form",
        file: "部门2/a,b \"quoted\".txt",
        project: '=HYPERLINK("http://x")<script>alert(1)</script>',
        department: "县<b>教育局</b>",
        budgetWanYuan: 1234567.891,
        tier1Counts: { output: 2, cost: 1, other: 1 },
        counts: { error: 0, warning: 0, info: 0 },
        grade: "优",
        topRules: [],
        findings: [],
      },
    ],
  };
}
