import { describe, expect, it } from "vitest";
import { readTextString } from "../../../src/parse/text/read-text.js";
import { paragraphs, tables, texts } from "./helpers.js";

const rows = (...rs: string[][]): string => rs.map((r) => ["|", ...r.map((c) => `${c} |`)].join("\n")).join("\n");

describe("web copy (`|` row start, one cell per line ending in ` |`)", () => {
  it("right-aligns rows whose leading cells a row span covers", () => {
    const text = ["附件2：", rows(["名称", "衡东"], ["一级", "二级", "三级", "指标值"], ["产出", "数量", "为民办实事", "15项"], ["禁毒奖励", "≧7万元"], ["质量", "到位率", "100%"], [""]), "填表人："].join("\n");
    const doc = readTextString(text);
    expect(doc.meta.textLayout).toBe("web-copy");
    expect(texts(tables(doc)[0]!)).toEqual([
      ["名称", "衡东", "", ""],
      ["一级", "二级", "三级", "指标值"],
      ["产出", "数量", "为民办实事", "15项"],
      ["", "", "禁毒奖励", "≧7万元"],
      ["", "质量", "到位率", "100%"],
      ["", "", "", ""],
    ]);
    expect(paragraphs(doc)).toEqual(["附件2：", "填表人："]);
  });

  it("reads a cell that runs over several lines", () => {
    const doc = readTextString("|\n年度本级\n预算金额 |\n361 |\n|\na |\nb |\n");
    expect(texts(tables(doc)[0]!)).toEqual([["年度本级\n预算金额", "361"], ["a", "b"]]);
  });

  it("treats an indented ` |` as an empty cell and a bare `|` as a row start", () => {
    const doc = readTextString("|\na |\n |\nb |\n|\nc |\nd |\ne |\n");
    expect(texts(tables(doc)[0]!)).toEqual([["a", "", "b"], ["c", "d", "e"]]);
  });

  it("recovers an empty cell whose leading space was trimmed away", () => {
    const doc = readTextString("|\na |\nb |\nc |\n|\nd |\ne |\n|\n|\nf |\ng |\nh |\n");
    expect(texts(tables(doc)[0]!)).toEqual([["a", "b", "c"], ["d", "e", ""], ["f", "g", "h"]]);
  });

  it("ends a table at text without a closing pipe", () => {
    const doc = readTextString("|\na |\nb |\n年度绩效指标\n|\nc |\nd |\n");
    expect(tables(doc).map(texts)).toEqual([[["a", "b"]], [["c", "d"]]]);
    expect(paragraphs(doc)).toEqual(["年度绩效指标"]);
  });
});
