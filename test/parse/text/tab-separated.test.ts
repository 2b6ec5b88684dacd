import { describe, expect, it } from "vitest";
import { readTextString } from "../../../src/parse/text/read-text.js";
import { paragraphs, tables, texts } from "./helpers.js";

describe("tab-separated rows (Excel clipboard)", () => {
  it("reads TAB-separated cells with CRLF rows and empty merged cells", () => {
    const doc = readTextString("标题\r\n一级\t二级\t三级\r\n产出\t数量\t为民办实事\r\n\t\t企业改制\r\n\r\n填表人：\r\n");
    expect(doc.meta.textLayout).toBe("tab-separated");
    expect(texts(tables(doc)[0]!)).toEqual([["一级", "二级", "三级"], ["产出", "数量", "为民办实事"], ["", "", "企业改制"]]);
    expect(paragraphs(doc)).toEqual(["标题", "填表人："]);
  });

  it("reads Excel-quoted cells with line breaks, TABs and doubled quotes", () => {
    const doc = readTextString('名称\t"年度本级\n预算金额"\t"说""明"\r\n"a\tb"\tx\ty\r\n');
    expect(texts(tables(doc)[0]!)).toEqual([["名称", "年度本级\n预算金额", '说"明'], ["a\tb", "x", "y"]]);
    const t = tables(doc)[0]!;
    expect(t.rows[1]![1]!.loc).toEqual({ kind: "line", line: 3, col: 7 });
  });

  it("reads a quote that does not close a field literally", () => {
    const doc = readTextString('"两案"办理\t3\n"未闭合\t4\n');
    expect(texts(tables(doc)[0]!)).toEqual([['"两案"办理', "3"], ['"未闭合', "4"]]);
  });

  it("is chosen over the Word export when lines hold TABs inside", () => {
    const doc = readTextString("\t\t标题\n一级\t二级\t三级\n\t数量\t为民办实事\n\t质量\t满意率\n");
    expect(doc.meta.textLayout).toBe("tab-separated");
    expect(texts(tables(doc)[0]!)[2]).toEqual(["", "数量", "为民办实事"]);
  });
});
