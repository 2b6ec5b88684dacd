import { describe, expect, it } from "vitest";
import { byDepartment, summaryDocument, type SummaryForm } from "../../src/feedback/summary-document.js";
import { packageDocx } from "../../src/render/package.js";
import { docxLines, pageBreaks } from "./helpers.js";

const counts = (error: number, warning: number, info: number) => ({ error, warning, info });
const forms: SummaryForm[] = [
  { file: "来件/甲/a.docx", department: "甲局", project: "项目一", fundingTotal: { amount: 120.5, unit: "万元" }, conclusion: "pass", counts: counts(0, 1, 2) },
  { file: "来件/乙/b.txt", department: "乙局", project: "项目二", conclusion: "reject", counts: counts(4, 0, 0) },
  { file: "来件/c.yaml", conclusion: "revise", counts: counts(1, 2, 0) },
  { file: "来件/甲/d.docx", formIndex: 2, department: "甲局", project: "项目四", fundingTotal: { amount: 50000, unit: "元" }, conclusion: "revise", counts: counts(0, 5, 0) },
];

describe("byDepartment", () => {
  it("groups forms by department in the order departments first appear, forms without one last", () => {
    const groups = byDepartment(forms);
    expect(groups.map((g) => g.department)).toEqual(["甲局", "乙局", undefined]);
    expect(groups[0]!.forms.map((f) => f.file)).toEqual(["来件/甲/a.docx", "来件/甲/d.docx"]);
  });
});

describe("summaryDocument", () => {
  const unreadable = [{ file: "来件/乙/坏.docx", code: "PG-E-CORRUPT", reason: "文件已损坏：压缩包不完整" }];
  const doc = summaryDocument(forms, unreadable);
  const lines = docxLines(packageDocx(doc));

  it("opens with the totals and one line per department with its conclusions counted", () => {
    expect(lines[0]).toBe("部门审核意见汇总");
    expect(lines).toContain("共审核表单 4 份：通过 1 份，修改后通过 2 份，退回 1 份；未能读取的文件 1 个。");
    expect(lines).toContain("部门 | 表单 | 通过 | 修改后通过 | 退回");
    expect(lines).toContain("甲局 | 2 | 1 | 1 | 0");
    expect(lines).toContain("乙局 | 1 | 0 | 0 | 1");
    expect(lines).toContain("（未填写部门） | 1 | 0 | 1 | 0");
  });

  it("lists each department's forms with conclusion and counts, the budget as the form writes it", () => {
    expect(lines).toContain("部门：甲局");
    expect(lines).toContain("表单 2 份：通过 1 份，修改后通过 1 份，退回 0 份。各表的问题见其审核意见。");
    expect(lines).toContain("1 | 来件/甲/a.docx | 项目一 | 120.5 万元 | 通过 | 0 | 1 | 2");
    expect(lines).toContain("2 | 来件/甲/d.docx（第2份） | 项目四 | 50000 元 | 修改后通过 | 0 | 5 | 0");
    expect(lines).toContain("1 | 来件/乙/b.txt | 项目二 | — | 退回 | 4 | 0 | 0");
    expect(lines).toContain("1 | 来件/c.yaml | （表中未填写） | — | 修改后通过 | 1 | 2 | 0");
  });

  it("lists the files that could not be read, with the reason and code, so they can be sent again", () => {
    expect(lines).toContain("未能读取的文件（请来件单位重新报送）");
    expect(lines).toContain("1 | 来件/乙/坏.docx | 未能读取：文件已损坏：压缩包不完整（PG-E-CORRUPT）");
  });

  it("starts each department and the unreadable list on a page of its own", () => {
    expect(pageBreaks(doc.documentXml)).toBe(3 + 1);
  });

  it("with nothing unreadable has no such section", () => {
    const only = docxLines(packageDocx(summaryDocument(forms.slice(0, 1), [])));
    expect(only.some((l) => l.includes("未能读取的文件（"))).toBe(false);
    expect(only).toContain("共审核表单 1 份：通过 1 份，修改后通过 0 份，退回 0 份；未能读取的文件 0 个。");
  });
});
