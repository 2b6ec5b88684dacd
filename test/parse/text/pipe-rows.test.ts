import { describe, expect, it } from "vitest";
import { readTextString } from "../../../src/parse/text/read-text.js";
import { paragraphs, tables, texts } from "./helpers.js";

describe("pipe rows", () => {
  it("reads `| a | b |` rows, merged cells blank", () => {
    const doc = readTextString("标题\n\n| 一级指标 | 二级指标 |\n| 产出指标 | 数量指标 |\n|  | 质量指标 |\n\n落款\n");
    expect(doc.meta.textLayout).toBe("pipe-rows");
    expect(texts(tables(doc)[0]!)).toEqual([["一级指标", "二级指标"], ["产出指标", "数量指标"], ["", "质量指标"]]);
    expect(paragraphs(doc)).toEqual(["标题", "落款"]);
  });

  it("skips Markdown separator rows, reads `\\|` as a pipe and a row without a closing pipe", () => {
    const doc = readTextString("| a | b |\n|---|:--:|\n| x \\| y | z\n");
    expect(texts(tables(doc)[0]!)).toEqual([["a", "b"], ["x | y", "z"]]);
  });

  it("pads ragged rows and keeps `||||` filler for the extractor", () => {
    const doc = readTextString("| a | b | c |\n| d |\n||||\n");
    expect(texts(tables(doc)[0]!)).toEqual([["a", "b", "c"], ["d", "", ""], ["", "", ""]]);
  });

  it("splits tables at a paragraph line, not at a blank line", () => {
    const doc = readTextString("| a | b |\n\n| c | d |\n年度绩效指标\n| e | f |\n| g | h |\n");
    expect(tables(doc).map(texts)).toEqual([[["a", "b"], ["c", "d"]], [["e", "f"], ["g", "h"]]]);
    expect(tables(doc).map((t) => t.index)).toEqual([1, 2]);
  });

  it("locates cells at their line and column", () => {
    const t = tables(readTextString("| 名称 |  衡东 |\n| a | b |\n"))[0]!;
    expect(t.rows[0]![1]!.loc).toEqual({ kind: "line", line: 1, col: 9 });
  });
});
