import { describe, expect, it } from "vitest";
import { readTextString } from "../../../src/parse/text/read-text.js";
import { paragraphs, tables, texts } from "./helpers.js";

/** Build Word-export text: each cell is `\t` + its paragraphs on following lines; rows end with a blank line. */
function wordExport(rows: string[][]): string {
  return rows.map((r) => r.map((c) => `\t${c}\n`).join("") + "\n").join("");
}

describe("Word plain-text export", () => {
  it("reads rows of TAB-started cells separated by blank lines", () => {
    const doc = readTextString(wordExport([["一级指标", "二级指标", "三级指标"], ["产出指标", "数量指标", "为民办实事"], ["", "", "企业改制"]]));
    expect(doc.meta.textLayout).toBe("word-export");
    expect(texts(tables(doc)[0]!)).toEqual([["一级指标", "二级指标", "三级指标"], ["产出指标", "数量指标", "为民办实事"], ["", "", "企业改制"]]);
  });

  it("joins a row split by a cell that ends with empty paragraphs", () => {
    // The second row's 2nd cell ends with two empty paragraphs: a blank line then a TAB line, like a row end.
    const text = "\t一级\n\t二级\n\t三级\n\n\t产出\n\t≧90%\n\n\n\t备注\n\n\t\n\t\n\t末行\n\n";
    const doc = readTextString(text);
    expect(texts(tables(doc)[0]!)).toEqual([["一级", "二级", "三级"], ["产出", "≧90%", "备注"], ["", "", "末行"]]);
  });

  it("does not join short header rows above the first full-width row", () => {
    // 4 + 2 cells would make 6, but these rows come before the grid: their cells span columns.
    const header = "\t名称\n\t衡东\n\t部门\n\t政府办\n\n\t实施期\n\t2023年度\n\n";
    const body = "\ta\n\tb\n\tc\n\td\n\te\n\tf\n\n\t1\n\t2\n\t3\n\t4\n\t5\n\t6\n\n";
    const grid = texts(tables(readTextString(header + body))[0]!);
    expect(grid[0]).toEqual(["名称", "衡东", "部门", "政府办", "", ""]);
    expect(grid[1]).toEqual(["实施期", "2023年度", "", "", "", ""]);
    expect(grid).toHaveLength(4);
  });

  it("keeps paragraphs inside a cell, drops empty ones, trims U+3000 padding", () => {
    const text = "\t年度本级\n\n预算金额\n\t　361　\n\t≧95%\n　\n\n\ta\n\tb\n\tc\n\n";
    const grid = texts(tables(readTextString(text))[0]!);
    expect(grid[0]).toEqual(["年度本级\n预算金额", "361", "≧95%"]);
  });

  it("keeps lines before the table, the single-cell 填报单位 line and text after it as paragraphs", () => {
    const text = "附件2：\n\n标题\n\t填报单位：（盖章）某单位      单位：万元\n\n\ta\n\tb\n\n\tc\n\td\n\n\n填表人：   联系电话：\n";
    const doc = readTextString(text);
    expect(paragraphs(doc)).toEqual(["附件2：", "标题", "填报单位：（盖章）某单位      单位：万元", "填表人：   联系电话："]);
    expect(texts(tables(doc)[0]!)).toEqual([["a", "b"], ["c", "d"]]);
    expect(doc.blocks.map((b) => b.kind)).toEqual(["paragraph", "paragraph", "paragraph", "table", "paragraph"]);
  });

  it("locates each cell at its TAB line and text column", () => {
    const doc = readTextString("标题\n\n\t名称\n\t　衡东\n\n\ta\n\tb\n\n");
    const t = tables(doc)[0]!;
    expect(t.rows[0]![0]!.loc).toEqual({ kind: "line", line: 3, col: 2 });
    expect(t.rows[0]![1]!.loc).toEqual({ kind: "line", line: 4, col: 3 });
    expect(t.rows[1]![1]!.loc).toEqual({ kind: "line", line: 7, col: 2 });
    expect(t.mergesKnown).toBe(false);
    expect(t.index).toBe(1);
  });
});
