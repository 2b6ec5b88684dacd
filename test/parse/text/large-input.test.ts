import { describe, expect, it } from "vitest";
import { isPerfgoalError } from "../../../src/model/errors.js";
import { readText, readTextString } from "../../../src/parse/text/read-text.js";
import { tables } from "./helpers.js";

/**
 * Hostile and huge inputs: every layout's pass over a multi-megabyte single line must stay linear
 * (a quadratic scan would not finish within the test timeout), and junk that would expand into
 * millions of cells is refused with PG-E-TOO-LARGE instead of exhausting memory.
 */
const MB = 1024 * 1024;

function code(f: () => unknown): string | undefined {
  try {
    f();
  } catch (e) {
    if (isPerfgoalError(e)) return e.code;
    throw e;
  }
  return undefined;
}

describe("large single lines", () => {
  it.each([
    ["spaces then a letter", () => " ".repeat(8 * MB) + "x"],
    ["U+3000 runs between words", () => "项目\u3000".repeat(2 * MB)],
    ["one long word", () => "衡".repeat(8 * MB)],
    ["unclosed quotes with TABs", () => '"a\t'.repeat(2 * MB)],
    ["a pipe row with one huge cell", () => "| " + "值 ".repeat(3 * MB) + "|\n| a |"],
    ["a Word export cell with a huge paragraph", () => "\t" + "字".repeat(8 * MB) + "\n\n\tb\n"],
  ])("%s", (_name, make) => {
    const text = make();
    const result = code(() => readTextString(text));
    expect(result === undefined || result === "PG-E-TOO-LARGE").toBe(true);
  });

  it("decodes 20 MB of GBK in one line", async () => {
    const iconv = (await import("iconv-lite")).default;
    const bytes = iconv.encode("项目支出".repeat(2.5 * MB), "gbk");
    expect(bytes.length).toBe(20 * MB);
    const doc = readText(bytes);
    expect(doc.meta.encoding).toBe("gb18030");
    expect(doc.blocks).toHaveLength(1);
  });
});

describe("junk that would make millions of cells", () => {
  it.each([
    ["a line of TABs", () => "a" + "\t".repeat(4 * MB)],
    ["two lines of spaced words", () => "a  ".repeat(MB) + "\n" + "a  ".repeat(MB)],
    ["millions of one-cell pipe rows", () => "|a|\n".repeat(MB)],
    ["millions of Word-export cells", () => "\t\n".repeat(2 * MB)],
    ["millions of web-copy cells", () => "|\n" + "a |\n".repeat(MB)],
  ])("%s → PG-E-TOO-LARGE", (_name, make) => {
    expect(code(() => readTextString(make()))).toBe("PG-E-TOO-LARGE");
  });

  it("two lines of 2 MB of pipes are filler runs: no cells, no table, quickly", () => {
    const doc = readTextString("|".repeat(2 * MB) + "\n" + "|".repeat(2 * MB));
    expect(doc.blocks).toEqual([]);
  });

  it("still reads a large real-sized table (10 000 rows × 8 columns)", () => {
    const row = (i: number) => `| 项目${i} | 产出指标 | 数量指标 | 三级${i} | ≥${i}次 | 按时 | 备注 | ${i} |`;
    const text = Array.from({ length: 10_000 }, (_, i) => row(i)).join("\n");
    const t = tables(readTextString(text))[0]!;
    expect(t.rows).toHaveLength(10_000);
    expect(t.rows[9999]![7]!.text).toBe("9999");
  });
});
