import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { readText, readTextString } from "../../../src/parse/text/read-text.js";
import { lexLines } from "../../../src/parse/text/lexer.js";
import { splitLines } from "../../../src/parse/text/lines.js";
import { paragraphs, tables, texts, writePipes, writeSpaced, writeTsv } from "./helpers.js";

const withoutTrailingEmpty = (r: string[]): string[] => {
  const out = [...r];
  while (out.length > 0 && out.at(-1) === "") out.pop();
  return out;
};

/**
 * Random tables written out as pipe rows, Excel TSV and padded PDF-like columns read back to the
 * same cells (TSV as a grid; pipes and padded columns as the lexer's tokens, line by line), with
 * the title and footer lines as paragraphs.
 */
const LETTERS = [..."项目支出名称衡东县政府办预算金额指标值万元满意率产出效益ABCxyz0123456789"];
const SIGNS = [..."%≧≤/-.，：（）“”·"];

const letter = fc.constantFrom(...LETTERS);
const sign = fc.constantFrom(...LETTERS, ...SIGNS);
/** A word: at least one letter, so a cell is never just `-` (a Markdown separator) or punctuation. */
const word = (extra: fc.Arbitrary<string>) =>
  fc.tuple(fc.array(extra, { maxLength: 3 }), letter, fc.array(extra, { maxLength: 3 })).map(([a, l, b]) => a.join("") + l + b.join(""));
/** Words joined by single spaces: one paragraph, already trimmed. */
const phrase = (extra: fc.Arbitrary<string>) => fc.array(word(extra), { minLength: 1, maxLength: 3 }).map((w) => w.join(" "));

const title = fc.array(letter, { minLength: 1, maxLength: 12 }).map((a) => a.join(""));

function grid(cell: fc.Arbitrary<string>, opts: { fullFirstRow?: boolean; minFilled?: number } = {}) {
  return fc.integer({ min: 2, max: 6 }).chain((cols) =>
    fc
      .array(fc.array(fc.option(cell, { nil: "" }), { minLength: cols, maxLength: cols }), { minLength: 2, maxLength: 8 })
      .chain((rows) =>
        fc.array(cell, { minLength: cols, maxLength: cols }).map((header) => (opts.fullFirstRow ? [header, ...rows.slice(1)] : rows)),
      )
      .filter((rows) => rows.every((r) => r.filter((c) => c !== "").length >= (opts.minFilled ?? 0))),
  );
}

function document(table: string, head: string, foot: string): string {
  return `${head}\n\n${table}\n\n${foot}\n`;
}

describe("text layouts round-trip random tables", () => {
  it("pipe rows: the lexer gives each line's cells, empty ones kept but for the filler at the row's end", () => {
    fc.assert(
      fc.property(grid(phrase(sign)), title, title, (rows, head, foot) => {
        const text = document(writePipes(rows), head, foot);
        const lexed = lexLines(splitLines(text)).filter((l) => l.tokens.length > 0);
        expect(lexed.map((l) => l.tokens.map((t) => t.text))).toEqual([[head], ...rows.map(withoutTrailingEmpty).filter((r) => r.length > 0), [foot]]);
        expect(paragraphs(readTextString(text))).toEqual(expect.arrayContaining([head, foot]));
      }),
      { numRuns: 150 },
    );
  });

  it("tab-separated rows with Excel quoting (quotes, TABs and line breaks inside cells)", () => {
    const quoteSign = fc.constantFrom(...SIGNS, '"');
    const paragraph = fc.array(word(quoteSign), { minLength: 1, maxLength: 3 }).chain((w) =>
      fc.array(fc.constantFrom(" ", "\t"), { minLength: w.length - 1, maxLength: w.length - 1 }).map((seps) => w.map((x, i) => (i ? seps[i - 1] : "") + x).join("")),
    );
    const cell = fc.array(paragraph, { minLength: 1, maxLength: 3 }).map((p) => p.join("\n"));
    fc.assert(
      fc.property(grid(cell, { fullFirstRow: true }), title, title, (rows, head, foot) => {
        const text = document(writeTsv(rows), head, foot);
        const doc = readTextString(text);
        expect(doc.meta.textLayout).toBe("tab-separated");
        expect(texts(tables(doc)[0]!)).toEqual(rows);
        expect(paragraphs(doc)).toEqual([head, foot]);
      }),
      { numRuns: 150 },
    );
  });

  it("space-padded rows: the lexer splits at space runs and keeps single spaces inside a cell", () => {
    fc.assert(
      fc.property(grid(phrase(sign), { fullFirstRow: true, minFilled: 2 }), title, title, fc.integer({ min: 2, max: 5 }), (rows, head, foot, gap) => {
        const lexed = lexLines(splitLines(document(writeSpaced(rows, gap), head, foot))).filter((l) => l.tokens.length > 0);
        expect(lexed.map((l) => l.tokens.map((t) => t.text))).toEqual([[head], ...rows.map((r) => r.filter((c) => c !== "")), [foot]]);
        expect(lexed.slice(1, -1).every((l) => l.shape === "row")).toBe(true);
      }),
      { numRuns: 150 },
    );
  });

  it("any layout reads the same from UTF-8, GB18030 and UTF-16 bytes", async () => {
    const iconv = (await import("iconv-lite")).default;
    fc.assert(
      fc.property(grid(phrase(sign)), fc.constantFrom("gb18030", "utf-16le", "utf-16be"), (rows, enc) => {
        const text = document(writePipes(rows), "标题", "落款");
        const expected = readTextString(text).blocks;
        expect(readText(iconv.encode(text, enc, { addBOM: enc !== "gb18030" })).blocks).toEqual(expected);
      }),
      { numRuns: 60 },
    );
  });
});
