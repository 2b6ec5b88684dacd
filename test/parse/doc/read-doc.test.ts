import fs, { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it, vi } from "vitest";
import { readDoc } from "../../../src/parse/doc/read-doc.js";
import { rebuildBlocks } from "../../../src/parse/doc/rebuild.js";
import { readWordText } from "../../../src/parse/doc/word-text.js";
import { readDocx } from "../../../src/parse/docx/read-docx.js";
import type { SourceDocument, Table } from "../../../src/parse/document.js";
import { paragraphs, sketch, tables } from "../docx/helpers.js";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
const seedDoc = readFileSync(path.join(root, "examples/hengdong-2023.doc"));
const seedDocx = readDocx(readFileSync(path.join(root, "examples/hengdong-2023.docx")));
const fixture = (name: string) => readFileSync(path.join(root, "test/fixtures/doc", name));

/** Per row, the non-empty cell texts in order: what survives when merges are unknown. */
function rowTexts(t: Table): string[][] {
  return t.rows.map((r) => r.filter((c) => !c.covered && c.text.trim() !== "").map((c) => c.text));
}

describe("seed .doc", () => {
  it("reads into the same paragraphs and table grid as the seed .docx, merges included", async () => {
    const doc = await readDoc(seedDoc);
    expect(doc.meta.format).toBe("doc");
    expect(doc.warnings).toEqual([]);
    const { meta: _a, ...fromDoc } = doc;
    const { meta: _b, ...fromDocx } = seedDocx;
    expect(fromDoc).toEqual(fromDocx);
  });

  it("keeps curly quotes and dashes (word-extractor's Unicode filter is not applied)", async () => {
    const doc = await readDoc(seedDoc);
    expect(sketch(tables(doc)[0]!)[12]![3]).toBe("人大、政协“两案”办理");
  });

  it("from the cell marks alone (no paragraph properties) gives the same texts per row", async () => {
    const words = await readWordText(seedDoc);
    const { blocks, warnings } = rebuildBlocks(words.text, words.pieces, []);
    const doc: SourceDocument = { blocks, meta: { format: "doc" }, warnings };
    const [table] = tables(doc);
    expect(table!.mergesKnown).toBe(false);
    expect(rowTexts(table!)).toEqual(rowTexts(tables(seedDocx)[0]!));
    expect(paragraphs(doc)).toEqual(paragraphs(seedDocx));
    expect(warnings.length).toBe(1);
    // Vertically merged cells keep their positions (as empty cells); horizontal spans are lost.
    expect(table!.rows[7]!.map((c) => c.text)).toEqual(["", "", "", "为民办实事", "15-20项/年", "按时落实到位"]);
    expect(table!.rows[0]!.map((c) => c.text)).toEqual(["项目支出名称", "衡东县政府办项目支出　", "预算部门", "衡东县政府办　", "", ""]);
  });

  describe("reads from memory only", () => {
    afterEach(() => vi.restoreAllMocks());
    it("never opens a file", async () => {
      const spies = [vi.spyOn(fs, "open"), vi.spyOn(fs, "openSync"), vi.spyOn(fs, "readFile"), vi.spyOn(fs, "readFileSync"), vi.spyOn(fs.promises, "open")];
      await readDoc(seedDoc);
      for (const s of spies) expect(s).not.toHaveBeenCalled();
    });
  });
});

describe(".doc saved by LibreOffice from .docx", () => {
  it("edge.doc: gridBefore, hMerge and vMerge+gridSpan come back from the row definitions", async () => {
    const doc = await readDoc(fixture("edge.doc"));
    expect(sketch(tables(doc)[0]!)).toEqual([
      ["A", "B", "C", "D"],
      ["P", "X[2x1]", "Y", "Z"],
      ["", "^2,2", "Y2", "Z2"],
      ["H[1x2]", "^4,1", "I", "J"],
      ["W2[2x2]", "^5,1", "K", "L"],
      ["^5,1", "^5,1", "K2", "L2 (in sdt)"],
      ["T1\tT2", "M", "N", "O"],
    ]);
    expect(tables(doc)[0]!.mergesKnown).toBe(true);
  });

  it("mixed.doc: paragraphs between tables, multi-paragraph cells, tabs, fields, a nested table", async () => {
    const doc = await readDoc(fixture("mixed.doc"));
    expect(doc.blocks.map((b) => (b.kind === "paragraph" ? b.text : `table ${b.table.index}`))).toEqual([
      "附件1",
      "测试表",
      "table 1",
      "二、年度绩效指标",
      "table 2",
      "table 3",
      "见链接文字",
      "填表人：",
    ]);
    const [t1, t2, t3] = tables(doc);
    expect(sketch(t1!)).toEqual([
      ["项目名称", "测试项目[1x2]", "^1,2"],
      ["年度\n金额", "100", "万元"],
    ]);
    expect(sketch(t2!)).toEqual([
      ["产出\n指标[2x1]", "数量指标", "a\tb"],
      ["^1,1", "质量指标", "≥90%"],
      ["外层\n外层续", "x", "y"],
    ]);
    expect(sketch(t3!)).toEqual([["内1", "内2"]]);
    expect(t3!.rows[0]![1]!.loc).toEqual({ kind: "cell", table: 3, row: 1, col: 2 });
    expect(doc.blocks[7]).toMatchObject({ kind: "paragraph", loc: { kind: "paragraph", index: 5 } });
  });
});

describe("symbol fonts in .doc", () => {
  it("check boxes and signs in Wingdings, Wingdings 2 and Symbol read as in the .docx", async () => {
    const doc = await readDoc(fixture("symbols.doc"));
    expect(paragraphs(doc)).toEqual(["项目属性☑新增□延续", "☑是□否≥90%"]);
    expect(sketch(tables(doc)[0]!)).toEqual([["☑新增项目", "x"]]);
  });
});
