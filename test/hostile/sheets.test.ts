/** Hostile spreadsheets (.xlsx, .xls): each refused in one line with its code, or read correctly with a remark. */
import { describe, expect, it } from "vitest";
import { isPerfgoalError } from "../../src/model/errors.js";
import { parseBuffer } from "../../src/parse/index.js";
import { describeGroup } from "./group-suite.js";
import { SHEETS_CASES } from "./cases-sheets.js";

describeGroup("sheets", "hostile spreadsheets");

describe("what the refusals say", () => {
  const byFile = (file: string) => SHEETS_CASES.find((c) => c.file === file)!;
  const refusal = async (file: string) => {
    try {
      await parseBuffer(byFile(file).build(), file);
    } catch (e) {
      if (!isPerfgoalError(e)) throw e;
      return { zh: e.describe("zh"), en: e.describe("en") };
    }
    throw new Error(`${file} was read`);
  };

  it("the whole-sheet merge names the cell cap, in both languages", async () => {
    const r = await refusal("整表 合并.xlsx");
    expect(r.zh).toContain("表格超过 250000 个单元格");
    expect(r.en).toContain("tables exceed 250000 cells");
  });

  it("the bomb names the part", async () => {
    expect((await refusal("共享字符串 炸弹.xlsx")).zh).toContain("xl/sharedStrings.xml 解压后超过上限");
  });

  it("the lying count says what it claimed and what was there", async () => {
    expect((await refusal("数目 不符.xls")).zh).toMatch(/声称有 \d+ 个字符串，实际只有 \d+ 个/);
    expect((await refusal("工作表 越界.xls")).en).toContain("points outside the stream");
  });
});
