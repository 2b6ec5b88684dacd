/**
 * .doc structures whose counts and sizes come from the file: each is held against what the file
 * can hold before anything follows it, and the passes over the property pages are linear and
 * write what word-extractor's own passes write.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { PerfgoalError } from "../../../src/model/errors.js";
import { overwriteRanges } from "../../../src/parse/doc/property-marks.js";
import { readDoc } from "../../../src/parse/doc/read-doc.js";
import { readWordText } from "../../../src/parse/doc/word-text.js";
import { packDoc, rowEndPage, seedDocStreams, seedTextPiece, withPages, withParagraphBins, withPieces, type DocStreams } from "../../hostile/doc-amplify.js";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
const require = createRequire(import.meta.url);

async function refusal(bytes: Uint8Array): Promise<PerfgoalError> {
  try {
    await readDoc(bytes);
  } catch (e) {
    expect(e).toBeInstanceOf(PerfgoalError);
    return e as PerfgoalError;
  }
  throw new Error("expected a refusal, but the file was read");
}

/** The main text as word-extractor's own passes leave it (before its clean-up). */
async function wordExtractorText(bytes: Uint8Array): Promise<string> {
  const Base = require("word-extractor/lib/word-ole-extractor.js") as new () => { _pieces: { startCp: number; text: string }[]; _boundaries: { ccpText: number }; buildDocument(): unknown; extract(r: unknown): Promise<unknown> };
  const BufferReader = require("word-extractor/lib/buffer-reader.js") as new (b: Buffer) => unknown;
  let text = "";
  class Capture extends Base {
    override buildDocument(): unknown {
      const ccp = this._boundaries.ccpText;
      for (const p of this._pieces) if (p.startCp < ccp) text += p.text.slice(0, ccp - p.startCp);
      return super.buildDocument();
    }
  }
  await new Capture().extract(new BufferReader(Buffer.from(bytes)));
  return text;
}

/** A ChpxFkp page with one run over [from, to) marked deleted (sprmCFRMarkDel = 1). */
function deletedRunPage(from: number, to: number): Uint8Array {
  const page = new Uint8Array(512);
  const v = new DataView(page.buffer);
  v.setUint32(0, from, true);
  v.setUint32(4, to, true);
  page[8] = 250; // the CHPX at byte 500
  page.set([3, 0x00, 0x08, 1], 500);
  page[511] = 1;
  return page;
}

function withCharacterBins(s: DocStreams, page: number, from: number, to: number): DocStreams {
  const plc = new Uint8Array(12);
  const v = new DataView(plc.buffer);
  v.setUint32(0, from, true);
  v.setUint32(4, to, true);
  v.setUint32(8, page, true);
  const wordDocument = s.wordDocument.slice();
  const w = new DataView(wordDocument.buffer);
  w.setUint32(0xfa, s.table.length, true);
  w.setUint32(0xfe, plc.length, true);
  const table = new Uint8Array(s.table.length + plc.length);
  table.set(s.table);
  table.set(plc, s.table.length);
  return { wordDocument, table };
}

describe("the piece table is held against the WordDocument stream", () => {
  const s = seedDocStreams();
  const { fc, chars } = seedTextPiece(s);

  it("pieces that name the same text again and again are refused before any text is built", async () => {
    const e = await refusal(packDoc(withPieces(s, Array.from({ length: 200 }, () => ({ cpLength: chars, fc })))));
    expect(e.code).toBe("PG-E-CORRUPT");
    expect(e.describe("zh")).toContain("文本片段表");
    expect(e.describe("en")).toContain("piece table");
  });

  it("a piece outside the stream, positions that do not rise, or a size that is no whole number of entries are damage", async () => {
    expect((await refusal(packDoc(withPieces(s, [{ cpLength: chars, fc: s.wordDocument.length - 100 }])))).code).toBe("PG-E-CORRUPT");
    expect((await refusal(packDoc(withPieces(s, [{ cpLength: 10, fc }, { cpLength: 0, fc: fc + 20 }])))).code).toBe("PG-E-CORRUPT");
    const odd = withPieces(s, [{ cpLength: chars, fc }]);
    const w = new DataView(odd.wordDocument.buffer);
    const clx = w.getUint32(0x1a2, true);
    new DataView(odd.table.buffer).setUint32(clx + 1, 15, true);
    expect((await refusal(packDoc(odd))).code).toBe("PG-E-CORRUPT");
  });

  it("an honest table of several pieces over the same text is read as before", async () => {
    const half = Math.floor(chars / 2);
    const split = withPieces(s, [{ cpLength: half, fc }, { cpLength: chars - half, fc: fc + half * 2 }]);
    expect((await readWordText(packDoc(split))).text).toBe((await readWordText(packDoc(s))).text);
  });
});

describe("the property bin tables are held against the pages and the text", () => {
  const s = seedDocStreams();
  const { fc, chars } = seedTextPiece(s);

  it("bin entries that name one page many times are refused", async () => {
    const { streams, numbers } = withPages(s, [rowEndPage(fc, fc + chars * 2)]);
    const e = await refusal(packDoc(withParagraphBins(streams, Array.from({ length: 500 }, () => numbers[0]!))));
    expect(e.code).toBe("PG-E-CORRUPT");
    expect(e.describe("en")).toContain("same page twice");
  });

  it("a page outside the stream is damage", async () => {
    expect((await refusal(packDoc(withParagraphBins(s, [1_000_000])))).code).toBe("PG-E-CORRUPT");
  });

  it("more runs than characters are refused (every run holds one at least)", async () => {
    // The seed's own paragraph pages (some 600 runs) over a text cut to 5 characters.
    const e = await refusal(packDoc(withPieces(s, [{ cpLength: 5, fc }])));
    expect(e.code).toBe("PG-E-CORRUPT");
    expect(e.describe("en")).toMatch(/more runs \(\d+\) than characters \(5\)/);
  });
});

describe("the property passes over the pieces", () => {
  it("write what word-extractor's own passes write, on every real .doc at hand", async () => {
    for (const f of ["examples/hengdong-2023.doc", "test/fixtures/doc/edge.doc", "test/fixtures/doc/mixed.doc", "test/fixtures/doc/symbols.doc"]) {
      const bytes = new Uint8Array(readFileSync(path.join(root, f)));
      expect((await readWordText(bytes)).text, f).toBe(await wordExtractorText(bytes));
    }
  });

  it("deleted text becomes NUL, as word-extractor marks it", async () => {
    const s = seedDocStreams();
    const { fc } = seedTextPiece(s);
    const { streams, numbers } = withPages(s, [deletedRunPage(fc + 10, fc + 30)]);
    const bytes = packDoc(withCharacterBins(streams, numbers[0]!, fc + 10, fc + 30));
    const text = (await readWordText(bytes)).text;
    const plain = (await readWordText(packDoc(s))).text;
    // Bytes 10–30 of the UTF-16 piece are its characters 5–15.
    expect(text).toBe(`${plain.slice(0, 5)}${"\x00".repeat(10)}${plain.slice(15)}`);
    expect(text).toBe(await wordExtractorText(bytes));
  });

  it("a row-end paragraph run wider than its mark marks the mark only (word-extractor overwrites the whole run)", async () => {
    const s = seedDocStreams();
    const { fc, chars } = seedTextPiece(s);
    const { streams, numbers } = withPages(s, [rowEndPage(fc, fc + chars * 2, 1)]);
    const text = (await readWordText(packDoc(withParagraphBins(streams, numbers)))).text;
    const plain = (await readWordText(packDoc(withParagraphBins(s, [])))).text;
    expect(plain).not.toContain("\n");
    expect(text).toBe(`${plain.slice(0, -1)}\n`);
  });

  it("overwrite ranges once each, merged, within 8-bit and UTF-16 pieces alike", () => {
    const pieces = [
      { startFilePos: 100, bpc: 2, text: "abcdef" },
      { startFilePos: 10, bpc: 1, text: "xyz" },
    ];
    overwriteRanges(pieces, [{ start: 102, end: 106 }, { start: 104, end: 108 }, { start: 11, end: 12 }, { start: 500, end: 600 }], "#");
    expect(pieces.map((p) => p.text)).toEqual(["a###ef", "x#z"]);
  });
});

describe("a directory entry that is not what its name says", () => {
  it("a WordDocument entry that is a storage, not a stream, is damage", async () => {
    const bytes = packDoc(seedDocStreams());
    // The directory entry: 128-byte aligned, its UTF-16 name first.
    const name = Array.from("WordDocument", (ch) => [ch.charCodeAt(0), 0]).flat();
    let at = -1;
    for (let o = 0; o < bytes.length && at < 0; o += 128) if (name.every((b, k) => bytes[o + k] === b) && bytes[o + 64] === 26) at = o;
    expect(at).toBeGreaterThan(0);
    bytes[at + 66] = 1;
    expect((await refusal(bytes)).code).toBe("PG-E-CORRUPT");
  });
});
