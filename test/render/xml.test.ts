import { strFromU8 } from "fflate";
import { describe, expect, it } from "vitest";
import { renderForm } from "../../src/render/index.js";
import { seedForm } from "./helpers/seed-form.js";
import { danglingRelationships, elementsOf, malformedParts, partsWithoutContentType, tableGridProblems, unzipDocx } from "./helpers/package-check.js";
import { sampleRichForm } from "./helpers/sample-forms.js";

describe("the rendered package passes a schema-level check", () => {
  const cases = [
    ["seed, L1", () => renderForm(seedForm())],
    ["seed, L2 landscape", () => renderForm(seedForm(), { layout: "L2", landscape: true })],
    ["every field, L5", () => renderForm(sampleRichForm(), { layout: "L5" })],
    ["every field, L1", () => renderForm(sampleRichForm(), { layout: "L1" })],
  ] as const;

  for (const [name, render] of cases) {
    it(`${name}: parts are well-formed, relationships resolve, content types cover every part, merges add up`, async () => {
      const parts = unzipDocx(await render());
      expect(Object.keys(parts)).toContain("word/document.xml");
      expect(malformedParts(parts)).toEqual([]);
      expect(danglingRelationships(parts)).toEqual([]);
      expect(partsWithoutContentType(parts)).toEqual([]);
      expect(tableGridProblems(strFromU8(parts["word/document.xml"]!))).toEqual([]);
    });
  }

  it("the checks catch a broken package (they can fail)", () => {
    expect(malformedParts({ "word/document.xml": new TextEncoder().encode("<w:document><w:body></w:document>") })).toHaveLength(1);
    const rels = `<Relationships><Relationship Id="rId1" Target="missing.xml"/></Relationships>`;
    expect(danglingRelationships({ "word/_rels/document.xml.rels": new TextEncoder().encode(rels), "word/document.xml": new Uint8Array() })).toEqual([
      "word/_rels/document.xml.rels: rId1 → missing.xml",
    ]);
    const types = `<Types><Default Extension="xml" ContentType="application/xml"/></Types>`;
    expect(partsWithoutContentType({ "[Content_Types].xml": new TextEncoder().encode(types), "word/a.bin": new Uint8Array() })).toEqual(["word/a.bin"]);
    const grid = (rows: string) => `<w:tbl><w:tblGrid><w:gridCol/><w:gridCol/></w:tblGrid>${rows}</w:tbl>`;
    expect(tableGridProblems(grid(`<w:tr><w:tc><w:p/></w:tc></w:tr>`))).toEqual([{ table: 1, row: 1, problem: "row covers 1 of 2 grid columns" }]);
    expect(tableGridProblems(grid(`<w:tr><w:tc><w:tcPr><w:vMerge/></w:tcPr></w:tc><w:tc/></w:tr>`))).toEqual([
      { table: 1, row: 1, problem: "vMerge continue at column 1 without a restart above" },
    ]);
  });
});

describe("page, fonts and table properties", () => {
  it("A4 portrait with the margins of the published forms, or landscape when asked", async () => {
    const portrait = elementsOf(strFromU8(unzipDocx(await renderForm(seedForm()))["word/document.xml"]!));
    const size = portrait.find((e) => e.name === "w:pgSz")!.attributes;
    expect(size).toMatchObject({ "w:w": "11906", "w:h": "16838", "w:orient": "portrait" });
    const margin = portrait.find((e) => e.name === "w:pgMar")!.attributes;
    // 20 / 20 / 18 / 18 mm in twips.
    expect(margin).toMatchObject({ "w:top": "1134", "w:bottom": "1134", "w:left": "1020", "w:right": "1020" });
    const landscape = elementsOf(strFromU8(unzipDocx(await renderForm(seedForm(), { landscape: true }))["word/document.xml"]!));
    expect(landscape.find((e) => e.name === "w:pgSz")!.attributes).toMatchObject({ "w:w": "16838", "w:h": "11906", "w:orient": "landscape" });
  });

  it("East Asian fonts are set on the runs: 仿宋_GB2312 body, 黑体 labels, 方正小标宋简体 title", async () => {
    const els = elementsOf(strFromU8(unzipDocx(await renderForm(seedForm()))["word/document.xml"]!));
    const eastAsia = new Set(els.filter((e) => e.name === "w:rFonts").map((e) => e.attributes["w:eastAsia"]));
    expect(eastAsia).toEqual(new Set(["仿宋_GB2312", "黑体", "方正小标宋简体"]));
    expect(els.filter((e) => e.name === "w:rFonts").every((e) => e.attributes["w:hint"] === "eastAsia")).toBe(true);
  });

  it("the font table names each fallback (仿宋_GB2312 → 仿宋, 方正小标宋简体 → 华文中宋 → 宋体); the title is bold", async () => {
    const els = elementsOf(strFromU8(unzipDocx(await renderForm(seedForm()))["word/fontTable.xml"]!));
    const fonts = els.filter((e) => e.name === "w:font").map((e) => e.attributes["w:name"]);
    const alts = els.filter((e) => e.name === "w:altName").map((e) => e.attributes["w:val"]);
    expect(fonts.slice(0, 4)).toEqual(["仿宋_GB2312", "仿宋", "方正小标宋简体", "华文中宋"]);
    expect(alts.slice(0, 4)).toEqual(["仿宋", "FangSong", "华文中宋", "宋体"]);
    const doc = strFromU8(unzipDocx(await renderForm(seedForm()))["word/document.xml"]!);
    expect(doc).toMatch(/w:eastAsia="方正小标宋简体"[^>]*\/><w:b\/><w:bCs\/>/);
  });

  it("header and indicators are one table, as the official form; rows do not split, 一级 and 二级 are merged", async () => {
    const xml = strFromU8(unzipDocx(await renderForm(seedForm()))["word/document.xml"]!);
    const els = elementsOf(xml);
    expect(els.filter((e) => e.name === "w:tbl")).toHaveLength(1);
    // The column headers follow the header fields: repeating them on every page would repeat those too.
    expect(els.filter((e) => e.name === "w:tblHeader")).toHaveLength(0);
    const rows = els.filter((e) => e.name === "w:tr").length;
    expect(els.filter((e) => e.name === "w:cantSplit").length).toBe(rows);
    // Seed: 本年度绩效指标, 3 一级 and the 5 二级 that span several rows (时效, 可持续影响, 生态效益 have one).
    expect(els.filter((e) => e.name === "w:vMerge" && e.attributes["w:val"] === "restart")).toHaveLength(9);
  });

  it("the page number is a PAGE field in the footer", async () => {
    const parts = unzipDocx(await renderForm(seedForm()));
    const footer = Object.keys(parts).find((p) => /^word\/footer\d*\.xml$/.test(p))!;
    expect(strFromU8(parts[footer]!)).toMatch(/PAGE/);
  });
});
