/** Characters that show as nothing change no label and no value: zero-width spaces, joiners, BOM, soft hyphen. */
import fc from "fast-check";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { blocksWithoutInvisibles, cleanText, compactIfShort, normaliseLabel, stripSpaces, withoutInvisibles } from "../../../src/parse/extract/text.js";
import { parseBuffer, type ParseResult } from "../../../src/parse/index.js";
import { formsToYaml } from "../../../src/model/yaml-write.js";
import type { Block } from "../../../src/parse/document.js";

const INVISIBLE = ["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad"];
const SEED = new URL("../../../examples/hengdong-2023.docx", import.meta.url);
const seedBytes = new Uint8Array(readFileSync(SEED));
const seedParts = unzipSync(seedBytes);
const seedXml = strFromU8(seedParts["word/document.xml"]!);

const formsOf = (r: ParseResult) => r.forms.map((f) => ({ ...f.form, source: undefined }));

describe("text normalisation drops invisible characters", () => {
  it("from labels, cell text and short-text checks", () => {
    for (const ch of INVISIBLE) {
      expect(normaliseLabel(`预算${ch}金额`), escape(ch)).toBe("预算金额");
      expect(stripSpaces(`一级${ch} 指标`), escape(ch)).toBe("一级指标");
      expect(cleanText(`${ch}3${ch}61${ch}`), escape(ch)).toBe("361");
      expect(cleanText(`中${ch}央：\n\n${ch}\n省级：`), escape(ch)).toBe("中央：\n省级：");
      expect(compactIfShort(`20${ch}23年度`, 6), escape(ch)).toBe("2023年度");
    }
    expect(withoutInvisibles("没有")).toBe("没有");
  });

  it("from every paragraph and cell a reader produced, keeping blocks that have none", () => {
    const loc = { kind: "paragraph", index: 1 } as const;
    const clean: Block = { kind: "paragraph", text: "附件", loc };
    const cell = (text: string) => ({ text, covered: false, originRow: 1, originCol: 1, rowSpan: 1, colSpan: 1, loc: { kind: "cell", table: 1, row: 1, col: 1 } as const });
    const table: Block = { kind: "table", table: { index: 1, rows: [[cell("项\u200b目"), cell("名称")]], mergesKnown: true } };
    const out = blocksWithoutInvisibles([clean, { ...clean, text: "标\u00ad题" }, table]);
    expect(out[0]).toBe(clean);
    expect(out[1]).toMatchObject({ text: "标题" });
    expect(out[2]!.kind === "table" && out[2]!.table.rows[0]!.map((c) => c.text)).toEqual(["项目", "名称"]);
  });
});

describe("metamorphic: invisible characters sprinkled into the seed's texts read the same form", () => {
  const seedForms = parseBuffer(seedBytes, "hengdong-2023.docx").then(formsOf);

  it("at random places, of random kinds (.docx)", async () => {
    const expected = await seedForms;
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 2 ** 31 - 1 }), async (seed) => {
        const xml = sprinkleTexts(seedXml, seed);
        const bytes = zipSync({ ...seedParts, "word/document.xml": strToU8(xml) });
        const r = await parseBuffer(bytes, "sprinkled.docx");
        expect(formsOf(r)).toEqual(expected);
        expect(formsToYaml(r.forms.map((f) => f.form))).not.toMatch(/[\u200b-\u200d\u2060\ufeff\u00ad]/);
      }),
      { numRuns: 8 },
    );
  });
});

/** Insert one to three invisible characters inside each text of the document, at seeded random places. */
function sprinkleTexts(xml: string, seed: number): string {
  let a = seed >>> 0;
  const next = () => {
    a = (Math.imul(a ^ (a >>> 15), 2246822507) + 0x9e3779b9) >>> 0;
    return a / 4294967296;
  };
  return xml.replace(/<w:t>([^<&]+)<\/w:t>/g, (_m, text: string) => {
    const chars = [...text];
    const n = 1 + Math.floor(next() * 3);
    for (let k = 0; k < n; k++) chars.splice(Math.floor(next() * (chars.length + 1)), 0, INVISIBLE[Math.floor(next() * INVISIBLE.length)]!);
    return `<w:t>${chars.join("")}</w:t>`;
  });
}

function escape(ch: string): string {
  return `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}`;
}
