import { skippedFiles as listedSkips } from "../../src/report/accounting.js";
import { describe, expect, it } from "vitest";
import { stylish } from "../../src/report/stylish.js";
import { fatal, finding, form } from "./results.js";

describe("stylish", () => {
  it("prints a header per form, aligned rows and a summary line", () => {
    const out = stylish(
      [
        form({
          findings: [
            finding({ severity: "warning", locationText: "表2 第7行第4列", message: "指标值是区间：1-2次/年", ruleId: "range-lower-bound", path: "indicators.annual[0].value" }),
            finding(),
          ],
          grade: "中",
        }),
      ],
      { lang: "zh" },
    );
    expect(out).toBe(
      [
        "a.docx  禁毒宣传经费  评级 中",
        "  表2 第7行第4列   警告  指标值是区间：1-2次/年         range-lower-bound     indicators.annual[0].value",
        "  表2 第12行第4列  错误  成本指标不应写成下限：≧40万元  cost-not-lower-bound  indicators.annual[1].value",
        "",
        "✖ 共 2 个问题（1 个错误，1 个警告，0 个提示），涉及 1 份表单",
        "",
      ].join("\n"),
    );
  });

  it("shows an unreadable file with its reason and code, and counts it", () => {
    const out = stylish([fatal, form({ findings: [], grade: "优" })], { lang: "zh" });
    // Said once: in the closing list, with its code.
    expect(out).toBe("未读取的文件（1）\n  坏 文件.docx  加密  文件已加密（设有密码）  PG-E-ENCRYPTED\n\n✖ 1 份表单未发现问题；1 个文件无法读取\n");
  });

  it("closes with every file not read, the skipped ones too, in path order with status and reason", () => {
    const skippedFiles = listedSkips([{ file: "来件/扫描件 衡东.pdf", reason: "unsupported" }, { file: "来件/~$表.docx", reason: "lock" }], "zh");
    const out = stylish([form({ file: "来件/表2.docx", findings: [] }), { ...fatal, file: "来件/坏.docx" }], { lang: "zh", skippedFiles });
    const list = out.slice(out.indexOf("未读取的文件"));
    expect(list.split("\n").slice(0, 4)).toEqual([
      "未读取的文件（3）",
      "  来件/~$表.docx        跳过    临时锁文件（Word 打开文档时生成）",
      "  来件/坏.docx          加密    文件已加密（设有密码）  PG-E-ENCRYPTED",
      "  来件/扫描件 衡东.pdf  不支持  不支持的文件类型（.pdf）",
    ]);
    const en = stylish([form({ findings: [] })], { lang: "en", skippedFiles: listedSkips([{ file: "来件/扫描件 衡东.pdf", reason: "unsupported" }], "en") });
    expect(en).toContain("files not read (1)\n  来件/扫描件 衡东.pdf  unsupported  unsupported file type (.pdf)\n");
    expect(stylish([form({ findings: [] })], { lang: "zh" })).not.toContain("未读取");
  });

  it("escapes what a terminal would act on: screen clears, cursor moves, OSC, BEL, C1 and bidi overrides from a form's text", () => {
    const hostile = "指标\u001b[2J\u001b[1A\u001b[2K\u001b]0;标题\u0007\u009b31m\u202e倒序";
    const out = stylish([form({ project: `项目${hostile}`, findings: [finding({ message: `三级指标“${hostile}”没有指标值` })] })], { lang: "zh" });
    expect(out).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e]/);
    expect(out).toContain("指标\\x1b[2J\\x1b[1A\\x1b[2K\\x1b]0;标题\\x07\\x9b31m\\u202e倒序");
  });

  it("names the form within a file that holds several", () => {
    const out = stylish([form({ formIndex: 2 })], { lang: "en" });
    expect(out.split("\n")[0]).toBe("a.docx (form 2)  禁毒宣传经费  grade fair");
  });

  it("uses colour only when asked", () => {
    expect(stylish([form()], { lang: "zh", color: true })).toMatch(/\u001b\[31m错误/);
    expect(stylish([form()], { lang: "zh", color: false })).not.toMatch(/\u001b/);
  });

  it("keeps one finding on one line", () => {
    const out = stylish([form({ findings: [finding({ message: "第一行\n第二行" })] })], { lang: "zh" });
    expect(out).toContain("第一行 第二行");
  });
});

describe("stylish with long messages", () => {
  it("pads the message column only up to its cap, so short rows stay aligned", async () => {
    const { MESSAGE_COLUMN_MAX } = await import("../../src/report/stylish.js");
    const long = "很长的说明".repeat(20);
    const out = stylish([form({ findings: [finding({ message: long, ruleId: "long" }), finding({ message: "短", ruleId: "short" })] })], { lang: "zh" });
    const shortRow = out.split("\n").find((l) => l.includes("short"))!;
    const { displayWidth } = await import("../../src/report/display-width.js");
    expect(displayWidth(shortRow.slice(0, shortRow.indexOf("short")))).toBeLessThan(MESSAGE_COLUMN_MAX + 40);
    expect(out).toContain(`${long}  long`);
  });
});
