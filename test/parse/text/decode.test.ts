import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { isPerfgoalError } from "../../../src/model/errors.js";
import { decodeText } from "../../../src/parse/text/decode.js";
import { readText } from "../../../src/parse/text/read-text.js";
import { isValidUtf8 } from "../../../src/parse/text/utf8.js";

const SAMPLE = "项目支出名称\t衡东县政府办\n指标值≧90%，＝100%，≤35万元\n";

describe("decodeText", () => {
  it.each([
    ["utf-8", Buffer.from(SAMPLE, "utf8")],
    ["utf-8-bom", Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(SAMPLE, "utf8")])],
    ["utf-16le", iconv.encode(SAMPLE, "utf-16le", { addBOM: true })],
    ["utf-16le", iconv.encode(SAMPLE, "utf-16le")],
    ["utf-16be", iconv.encode(SAMPLE, "utf-16be", { addBOM: true })],
    ["utf-16be", iconv.encode(SAMPLE, "utf-16be")],
    ["gb18030", iconv.encode(SAMPLE, "gbk")],
    ["gb18030", iconv.encode(SAMPLE, "gb2312")],
  ])("detects %s", (encoding, bytes) => {
    const d = decodeText(bytes);
    expect(d.encoding).toBe(encoding);
    expect(d.text).toBe(SAMPLE);
    expect(d.warnings).toEqual([]);
  });

  it("decodes GB18030 four-byte characters (CJK extension A and B)", () => {
    const text = "㐀𠀀 衡东县";
    const d = decodeText(iconv.encode(text, "gb18030"));
    expect(d).toMatchObject({ text, encoding: "gb18030" });
  });

  it("does not take very short GBK text for UTF-8 even when its bytes happen to be valid UTF-8", () => {
    // 袛 is D0 AC in GBK: also a valid two-byte UTF-8 sequence (Cyrillic Ь).
    const bytes = iconv.encode("袛", "gbk");
    expect(isValidUtf8(bytes)).toBe(true);
    expect(decodeText(bytes)).toMatchObject({ text: "袛", encoding: "gb18030" });
  });

  it("keeps UTF-8 text with Latin-1 signs used in forms (· × °)", () => {
    const text = "张·三 3×4 20°C";
    expect(decodeText(Buffer.from(text))).toMatchObject({ text, encoding: "utf-8" });
  });

  it("decodes a file mixing UTF-8 and GBK lines line by line, with a warning", () => {
    const bytes = Buffer.concat([
      Buffer.from("项目支出名称：衡东县政府办\n", "utf8"),
      iconv.encode("预算部门：衡东县政府办\r\n", "gbk"),
      Buffer.from("ascii only\n", "utf8"),
      Buffer.from("指标值≧90%\n", "utf8"),
    ]);
    const d = decodeText(bytes);
    expect(d.encoding).toBe("utf-8+gb18030");
    expect(d.text).toBe("项目支出名称：衡东县政府办\n预算部门：衡东县政府办\r\nascii only\n指标值≧90%\n");
    expect(d.warnings).toHaveLength(1);
    expect(d.warnings[0]).toMatch(/UTF-8 2 行，GBK 1 行/);
  });

  it("warns about a few undecodable bytes and keeps the rest", () => {
    const bytes = Buffer.concat([iconv.encode("项目支出名称衡东县政府办项目支出预算部门衡东县政府办".repeat(4), "gbk"), Buffer.from([0xff])]);
    const d = decodeText(bytes);
    expect(d.encoding).toBe("gb18030");
    expect(d.text.startsWith("项目支出名称")).toBe(true);
    expect(d.warnings.join()).toMatch(/U\+FFFD/);
  });

  it("rejects binary junk with PG-E-ENCODING", () => {
    const junk = new Uint8Array(4096);
    let x = 12345;
    for (let i = 0; i < junk.length; i++) {
      x = (x * 1103515245 + 12345) >>> 0;
      junk[i] = x >>> 24;
    }
    let caught: unknown;
    try {
      decodeText(junk);
    } catch (e) {
      caught = e;
    }
    expect(isPerfgoalError(caught) && caught.code).toBe("PG-E-ENCODING");
  });

  it("rejects text full of control characters", () => {
    expect(() => decodeText(Buffer.from("a\x01b\x02c\x03d\x04".repeat(50)))).toThrow(/unrecognised text encoding/);
  });
});

describe("readText", () => {
  it("refuses empty input with PG-E-EMPTY", () => {
    let caught: unknown;
    try {
      readText(new Uint8Array(0));
    } catch (e) {
      caught = e;
    }
    expect(isPerfgoalError(caught) && caught.code).toBe("PG-E-EMPTY");
  });

  it("carries the decoding warning into the document", () => {
    const bytes = Buffer.concat([Buffer.from("| 项目名称 | 衡东 |\n", "utf8"), iconv.encode("| 预算部门 | 衡东县政府办 |\n", "gbk")]);
    const doc = readText(bytes);
    expect(doc.meta.encoding).toBe("utf-8+gb18030");
    expect(doc.warnings).toHaveLength(1);
  });
});

describe("isValidUtf8", () => {
  it.each([
    [[0xe4, 0xb8, 0xad], true],
    [[0xf0, 0xa0, 0x80, 0x80], true],
    [[0xc0, 0x80], false], // overlong NUL
    [[0xed, 0xa0, 0x80], false], // surrogate
    [[0xf4, 0x90, 0x80, 0x80], false], // past U+10FFFF
    [[0xe4, 0xb8], false], // cut off
    [[0x80], false],
  ])("%j → %s", (bytes, ok) => {
    expect(isValidUtf8(Uint8Array.from(bytes))).toBe(ok);
    expect(isValidUtf8(Uint8Array.from(bytes))).toBe(
      (() => {
        try {
          new TextDecoder("utf-8", { fatal: true }).decode(Uint8Array.from(bytes));
          return true;
        } catch {
          return false;
        }
      })(),
    );
  });
});
