import { describe, expect, it } from "vitest";
import { detectLayout } from "../../../src/parse/text/detect-layout.js";
import { splitLines } from "../../../src/parse/text/lines.js";

describe("detectLayout", () => {
  it.each([
    ["word-export", "标题\n\t名称\n\t衡东\n\n\ta\n\tb\n"],
    ["tab-separated", "a\tb\tc\nd\te\tf\n"],
    // Everything without TABs is read line by line by the stream reader, whatever its shapes.
    ["stream", "标题\n| a | b |\n| c | d |\n"],
    ["stream", "标题\n|\na |\nb |\n|\nc |\nd |\n"],
    ["stream", "a  b  c\nd  e  f\n"],
    ["stream", "一行文字\n另一行 文字\n"],
    ["stream", ""],
  ])("%s", (layout, text) => {
    expect(detectLayout(splitLines(text))).toBe(layout);
  });
});

describe("splitLines", () => {
  it("splits CRLF, LF and lone CR, without an empty last line", () => {
    expect(splitLines("a\r\nb\rc\n\nd\n")).toEqual(["a", "b", "c", "", "d"]);
  });
});
