import { describe, expect, it } from "vitest";
import { conclusionOf } from "../../src/feedback/conclusion.js";
import { countText, feedbackDocument, findingLine, groupByRule, type FeedbackFinding, type FeedbackForm } from "../../src/feedback/form-document.js";
import { gradeOf } from "../../src/lint/grade.js";
import { packageDocx } from "../../src/render/package.js";
import { docxLines, pageBreaks } from "./helpers.js";

const titles = new Map([
  ["comparison-direction", "比较符号方向正确"],
  ["range-lower-bound", "区间写明下限"],
  ["signature-block", "表尾签字齐全"],
]);

const findings: FeedbackFinding[] = [
  { ruleId: "signature-block", severity: "info", message: "表尾“填表人”未填写", location: "" },
  { ruleId: "comparison-direction", severity: "info", message: "指标值“≧90%”使用了非规范符号“≧”，建议写作“≥”", location: "表1 第26行第5列" },
  { ruleId: "range-lower-bound", severity: "warning", message: "指标值“1-2次/年”是区间，建议写明下限，如“≥1次/年”", location: "表1 第7行第5列" },
  { ruleId: "comparison-direction", severity: "error", message: "成本指标“禁毒奖励”写作“≧7万元”是下限；成本应为上限，请改为“≤7万元”", location: "表1 第58行第5列" },
];

function form(over: Partial<FeedbackForm> = {}): FeedbackForm {
  const counts = { error: 1, warning: 1, info: 2 };
  return {
    file: "来件/禁毒.docx",
    department: "衡东县政府办",
    project: "禁毒宣传经费",
    fundingTotal: { amount: 361, unit: "万元" },
    conclusion: conclusionOf({ grade: gradeOf(counts), counts, findings }),
    counts,
    findings,
    ...over,
  };
}

describe("groupByRule", () => {
  it("puts rules with errors first, then warnings, then infos; errors first inside a group", () => {
    const groups = groupByRule(findings, titles);
    expect(groups.map((g) => g.ruleId)).toEqual(["comparison-direction", "range-lower-bound", "signature-block"]);
    expect(groups[0]!.findings.map((f) => f.severity)).toEqual(["error", "info"]);
    expect(groups[0]!.title).toBe("比较符号方向正确");
  });

  it("keeps every finding exactly once, and names a rule without a title by its id", () => {
    const groups = groupByRule([...findings, { ruleId: "unknown-rule", severity: "info", message: "m", location: "" }], titles);
    expect(groups.flatMap((g) => g.findings)).toHaveLength(findings.length + 1);
    expect(groups.at(-1)!.title).toBe("unknown-rule");
  });
});

describe("feedbackDocument", () => {
  it("holds the title, department, project, budget with its unit, conclusion and reason, every finding under its rule, and the reviewer's block", () => {
    const lines = docxLines(packageDocx(feedbackDocument([form()], titles)));
    expect(lines[0]).toBe("项目支出绩效目标审核意见");
    expect(lines).toContain("部门 | 衡东县政府办");
    expect(lines).toContain("项目 | 禁毒宣传经费");
    expect(lines).toContain("预算 | 361 万元");
    expect(lines).toContain("来件 | 来件/禁毒.docx");
    expect(lines).toContain("审核结论 | 修改后通过");
    expect(lines.find((l) => l.startsWith("理由 | "))).toContain("评级为中");
    expect(lines).toContain("审核发现的问题（共 4 处：错误 1 处、警告 1 处、提示 2 处）");
    const heading = lines.indexOf("一、比较符号方向正确（错误 1 处、提示 1 处）");
    expect(heading).toBeGreaterThan(0);
    expect(lines[heading + 1]).toBe(`1．【错误】${findingLine(findings[3]!)}`);
    expect(lines[heading + 2]).toBe(`2．【提示】${findingLine(findings[1]!)}`);
    expect(lines).toContain("二、区间写明下限（警告 1 处）");
    // A group of one severity needs no tag; a finding with no cell is its message alone.
    expect(lines).toContain(`1．${findings[2]!.location}：${findings[2]!.message}`);
    expect(lines).toContain("1．表尾“填表人”未填写");
    // The reviewer's box is the last thing on the page: 审核人意见： over empty lines, the signature line at its foot.
    const opinion = lines.findIndex((l) => l.startsWith("审核人意见："));
    expect(opinion).toBe(lines.length - 1);
    expect(opinion).toBeGreaterThan(heading);
    const box = lines[opinion]!.split("\n");
    expect(box[0]).toBe("审核人意见：");
    expect(box.at(-1)).toMatch(/^审核人：\s*日期：　+年　+月　+日$/);
  });

  it("leaves six empty lines after 审核人意见： for the reviewer's own words", () => {
    const xml = feedbackDocument([form()], titles).documentXml;
    const after = xml.slice(xml.indexOf("审核人意见："), xml.indexOf("审核人：</w:t>"));
    expect(after.match(/<w:p><w:pPr>[^]*?<\/w:pPr><\/w:p>/g)).toHaveLength(6);
  });

  it("says what the form left blank rather than printing nothing, and says when nothing was found", () => {
    const counts = { error: 0, warning: 0, info: 0 };
    const bare: FeedbackForm = { file: "a.txt", conclusion: conclusionOf({ grade: gradeOf(counts), counts, findings: [] }), counts, findings: [] };
    const lines = docxLines(packageDocx(feedbackDocument([bare], titles)));
    expect(lines).toContain("部门 | （表中未填写）");
    expect(lines).toContain("项目 | （表中未填写）");
    expect(lines).toContain("预算 | （表中未填写）");
    expect(lines).toContain("审核结论 | 通过");
    expect(lines).toContain("未发现问题。");
  });

  it("gives each form of a file its own pages, position, conclusion and signature lines", () => {
    const doc = feedbackDocument([form({ formIndex: 1 }), form({ formIndex: 2, project: "第二个项目" })], titles);
    expect(pageBreaks(doc.documentXml)).toBe(1);
    const lines = docxLines(packageDocx(doc));
    expect(lines.filter((l) => l === "项目支出绩效目标审核意见")).toHaveLength(2);
    expect(lines).toContain("（第 1 份，共 2 份）");
    expect(lines).toContain("（第 2 份，共 2 份）");
    expect(lines.filter((l) => l.startsWith("审核人意见：") && l.includes("审核人："))).toHaveLength(2);
    expect(lines).toContain("项目 | 第二个项目");
  });

  it("escapes what a form may hold (markup, control characters) instead of breaking the XML", () => {
    const odd = form({ project: "a<b>&\"c\u0001", findings: [{ ruleId: "x", severity: "info", message: "</w:t>", location: "" }], counts: { error: 0, warning: 0, info: 1 } });
    const lines = docxLines(packageDocx(feedbackDocument([odd], titles)));
    expect(lines).toContain('项目 | a<b>&"c');
    expect(lines).toContain("1．</w:t>");
  });
});

describe("countText", () => {
  it("names only the severities present", () => {
    expect(countText({ error: 0, warning: 2, info: 0 })).toBe("警告 2 处");
    expect(countText({ error: 1, warning: 0, info: 3 })).toBe("错误 1 处、提示 3 处");
  });
});
