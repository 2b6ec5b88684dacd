import { describe, expect, it } from "vitest";
import { detectLayout } from "../../../src/parse/text/detect-layout.js";
import { splitLines } from "../../../src/parse/text/lines.js";

describe("detectLayout", () => {
  it.each([
    ["word-export", "标题\n\t名称\n\t衡东\n\n\ta\n\tb\n"],
    ["pipe-rows", "标题\n| a | b |\n| c | d |\n"],
    ["web-copy", "标题\n|\na |\nb |\n|\nc |\nd |\n"],
    ["tab-separated", "a\tb\tc\nd\te\tf\n"],
    ["space-separated", "a  b  c\nd  e  f\n"],
    ["plain", "一行文字\n另一行 文字\n"],
    ["plain", ""],
  ])("%s", (layout, text) => {
    expect(detectLayout(splitLines(text))).toBe(layout);
  });

  it("prefers pipes over the spaces inside pipe rows", () => {
    expect(detectLayout(splitLines("填报单位：某单位      单位：万元\n| a |  |\n| c | d |\n"))).toBe("pipe-rows");
  });
});

describe("splitLines", () => {
  it("splits CRLF, LF and lone CR, without an empty last line", () => {
    expect(splitLines("a\r\nb\rc\n\nd\n")).toEqual(["a", "b", "c", "", "d"]);
  });
});
