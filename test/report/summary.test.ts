import { skippedFiles as skippedFilesOf } from "../../src/report/accounting.js";
import { describe, expect, it } from "vitest";
import { summary } from "../../src/report/summary.js";
import { fatal, finding, form } from "./results.js";

describe("summary", () => {
  it("gives one aligned line per form, the unreadable files, and the totals by grade", () => {
    const many = [
      finding({ ruleId: "b-rule", severity: "warning" }),
      finding({ ruleId: "a-rule", severity: "warning" }),
      finding({ ruleId: "b-rule", severity: "info" }),
      finding({ ruleId: "c-rule", severity: "warning" }),
      finding({ ruleId: "d-rule", severity: "warning" }),
      finding({ ruleId: "c-rule", severity: "warning" }),
    ];
    const out = summary(
      [form({ file: "二/乙.docx", findings: many, grade: "良", project: "一个名字非常非常长的项目支出绩效目标申报项目" }), form({ file: "甲.docx", findings: [] , grade: "优", project: "短" }), fatal],
      { lang: "zh" },
    );
    expect(out.split("\n")).toEqual([
      "文件        项目                           评级  错误  警告  提示  主要规则",
      "二/乙.docx  一个名字非常非常长的项目支出…  良       0     5     1  b-rule, c-rule, a-rule",
      "甲.docx     短                             优       0     0     0",
      "坏 文件.docx  无法读取  文件已加密（设有密码）  PG-E-ENCRYPTED",
      "共 2 份表单：优 1，良 1，中 0，差 0；1 个文件无法读取",
      "",
    ]);
  });

  it("names the files the walk passed over, with status, reason and code", () => {
    const skippedFiles = skippedFilesOf([{ file: "来件/~$表.docx", reason: "lock" }], "zh");
    const out = summary([form()], { lang: "zh", skippedFiles });
    expect(out).toContain("\n来件/~$表.docx  跳过  临时锁文件（Word 打开文档时生成）  PG-S-LOCK\n");
  });

  it("reports in English", () => {
    const out = summary([form()], { lang: "en" });
    expect(out).toContain("grade");
    expect(out.trimEnd().split("\n").at(-1)).toBe("1 form: excellent 0, good 0, fair 1, poor 0");
  });
});
