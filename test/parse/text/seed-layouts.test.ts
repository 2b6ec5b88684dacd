import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import type { SourceDocument } from "../../../src/parse/document.js";
import { readText, readTextString } from "../../../src/parse/text/read-text.js";
import { paragraphs, pipeRows, seedText, squash, tables, texts, writeSpaced, writeTsv } from "./helpers.js";

/**
 * Every text version of the seed form must give the same table: the same non-empty cell texts in
 * the same rows and columns of the indicator block, and the same header cells in the same order
 * (the Word export drops column spans, so header columns are compared by order only).
 */
const golden = JSON.parse(
  readFileSync(path.join(path.dirname(fileURLToPath(import.meta.url)), "golden/hengdong-2023.grid.json"), "utf8"),
) as { headerRows: string[][]; indicatorTable: string[][] };

const PARAGRAPHS = [
  "附件2：",
  "2023年度项目支出预算绩效目标申报表",
  "填报单位：（盖章）衡东县政府办                         单位：万元",
  "填表人：                 联系电话：                     单位负责人签字：",
];

/**
 * The header cells (in reading order) and the indicator table. The grid readers (Word's export,
 * TSV) give one table holding both; the stream reader gives the header rows and the indicator
 * block as tables of their own.
 */
function shape(doc: SourceDocument): { headerCells: string[]; indicatorTable: string[][] } {
  const grids = tables(doc).map((t) => texts(t).map((r) => r.map(squash)));
  const t = grids.findIndex((g) => g.some((r) => r.includes("一级指标")));
  expect(t).toBeGreaterThanOrEqual(0);
  const grid = grids[t]!;
  const h = grid.findIndex((r) => r.includes("一级指标"));
  const before = [...grids.slice(0, t).flat(), ...grid.slice(0, h)];
  return { headerCells: before.flat().filter((c) => c !== ""), indicatorTable: grid.slice(h) };
}

/** The Word export is the original text: its 效益指标 一级 label was lost (the HTML and the pipes restore it). */
function withoutRestoredTier1(): string[][] {
  return golden.indicatorTable.map((r) => r.map((c, k) => (k === 1 && c === "效益指标" ? "" : c)));
}

/** Text variants made from the pipes version's grid: Excel clipboard (TSV) and PDF-like padded columns. */
function variantRows(): string[][] {
  return pipeRows(seedText("hengdong-2023.pipes.txt"));
}
function withParagraphs(table: string): string {
  return [PARAGRAPHS[0], "", PARAGRAPHS[1], "", PARAGRAPHS[2], "", table, "", PARAGRAPHS[3], ""].join("\n");
}

const variants: { name: string; layout: string; text: () => string; tier1Lost?: boolean }[] = [
  { name: "hengdong-2023.txt (Word export)", layout: "word-export", text: () => seedText("hengdong-2023.txt"), tier1Lost: true },
  { name: "hengdong-2023.pipes.txt", layout: "stream", text: () => seedText("hengdong-2023.pipes.txt") },
  { name: "hengdong-2023.webcopy.txt", layout: "stream", text: () => seedText("hengdong-2023.webcopy.txt") },
  { name: "tab-separated copy", layout: "tab-separated", text: () => withParagraphs(writeTsv(variantRows())) },
  { name: "space-padded copy", layout: "stream", text: () => withParagraphs(writeSpaced(variantRows())) },
];

describe("seed form in every text layout", () => {
  it("golden grid has the seed's 61 indicators under a 6-column header", () => {
    expect(golden.indicatorTable[0]).toEqual(["本年度绩效指标", "一级指标", "二级指标", "三级指标", "指标值及单位", "绩效标准"]);
    expect(golden.indicatorTable.slice(1).filter((r) => r[3] !== "")).toHaveLength(61);
  });

  for (const v of variants) {
    describe(v.name, () => {
      const doc = readText(Buffer.from(v.text(), "utf8"));

      it(`is read as ${v.layout}`, () => {
        expect(doc.meta).toMatchObject({ format: "txt", textLayout: v.layout, encoding: "utf-8" });
        expect(doc.warnings).toEqual([]);
      });

      it("gives the golden grid", () => {
        const got = shape(doc);
        expect(got.headerCells).toEqual(golden.headerRows.flat());
        expect(got.indicatorTable).toEqual(v.tier1Lost ? withoutRestoredTier1() : golden.indicatorTable);
      });

      it("keeps title, 填报单位 and signature lines as paragraphs", () => {
        expect(paragraphs(doc)).toEqual(PARAGRAPHS);
      });

      it("gives every cell a 1-based line location", () => {
        const lines = v.text().split(/\r\n|\r|\n/);
        for (const row of tables(doc)[0]!.rows) {
          for (const c of row) {
            expect(c.loc.kind).toBe("line");
            if (c.loc.kind !== "line" || c.text === "" || c.loc.col === undefined) continue;
            // The located line holds the cell's first paragraph from the located column on.
            const first = c.text.split("\n")[0]!;
            expect(lines[c.loc.line - 1]!.slice(c.loc.col - 1)).toContain(first);
          }
        }
      });
    });
  }

  it("keeps label cells' paragraphs and the trimmed text of the Word export", () => {
    const doc = readTextString(seedText("hengdong-2023.txt"));
    const grid = texts(tables(doc)[0]!);
    expect(grid[1]!.slice(0, 4)).toEqual(["年度本级\n预算金额", "361", "该项目支出上级资金\n（分级填报）", "中央：\n省级：\n市级："]);
    const last = grid.slice(-6);
    expect(last.map((r) => r[4])).toEqual(["≧90%", "零发生", "部门协同、社会共治", "≧95%", "100%", "≧90%"]);
    expect(last[4]![1]).toBe("满意度\n指标");
    expect(last[5]![3]).toBe("居民满意率");
  });
});

describe("seed form in every encoding", () => {
  const reference = readTextString(seedText("hengdong-2023.txt"));
  const cases: { name: string; encoding: string; bytes: () => Buffer }[] = [
    { name: "GBK", encoding: "gb18030", bytes: () => iconv.encode(seedText("hengdong-2023.txt"), "gbk") },
    { name: "GBK with CRLF", encoding: "gb18030", bytes: () => iconv.encode(seedText("hengdong-2023.txt").replace(/\n/g, "\r\n"), "gbk") },
    { name: "UTF-16LE with BOM (Notepad 'Unicode')", encoding: "utf-16le", bytes: () => iconv.encode(seedText("hengdong-2023.txt"), "utf-16le", { addBOM: true }) },
    { name: "UTF-16LE without BOM", encoding: "utf-16le", bytes: () => iconv.encode(seedText("hengdong-2023.txt"), "utf-16le") },
    { name: "UTF-16BE with BOM", encoding: "utf-16be", bytes: () => iconv.encode(seedText("hengdong-2023.txt"), "utf-16be", { addBOM: true }) },
    { name: "UTF-8 with BOM and CRLF", encoding: "utf-8-bom", bytes: () => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(seedText("hengdong-2023.txt").replace(/\n/g, "\r\n"))]) },
    { name: "UTF-8 with CR line ends", encoding: "utf-8", bytes: () => Buffer.from(seedText("hengdong-2023.txt").replace(/\n/g, "\r")) },
  ];
  for (const c of cases) {
    it(`${c.name} reads as ${c.encoding} with the same blocks`, () => {
      const doc = readText(c.bytes());
      expect(doc.meta.encoding).toBe(c.encoding);
      expect(doc.meta.textLayout).toBe("word-export");
      expect(doc.warnings).toEqual([]);
      expect(doc.blocks).toEqual(reference.blocks);
    });
  }

  for (const name of ["hengdong-2023.pipes.txt", "hengdong-2023.webcopy.txt"]) {
    it(`${name} in GBK and UTF-16LE gives the same blocks`, () => {
      const ref = readTextString(seedText(name));
      for (const bytes of [iconv.encode(seedText(name), "gbk"), iconv.encode(seedText(name), "utf-16le", { addBOM: true })]) {
        expect(readText(bytes).blocks).toEqual(ref.blocks);
      }
    });
  }
});
