import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { strToU8, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { PerfgoalError, type ErrorCode } from "../../../src/model/errors.js";
import { readDocx } from "../../../src/parse/docx/read-docx.js";
import { MAX_TABLE_DEPTH } from "../../../src/parse/docx/body-reader.js";
import { documentXml, makeDocx, p, paragraphs, tables, W_NS } from "./helpers.js";
import { deflateRepeat, rawZip } from "./zip-builder.js";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
const seedBytes = readFileSync(path.join(root, "examples/hengdong-2023.docx"));

/** Run `fn` and return the PerfgoalError it throws (failing the test on anything else). */
function failure(fn: () => unknown, code: ErrorCode): PerfgoalError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(PerfgoalError);
    expect((e as PerfgoalError).code).toBe(code);
    return e as PerfgoalError;
  }
  throw new Error(`expected ${code}, but nothing was thrown`);
}

const HEAD = `<?xml version="1.0"?><w:document xmlns:w="${W_NS}"><w:body><w:p><w:r><w:t>`;

describe("zip dangers", () => {
  it("a zip bomb stops at the cap on bytes actually inflated", () => {
    const bomb = deflateRepeat(HEAD, 0x20, 110 * 1024 * 1024);
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const e = failure(() => readDocx(rawZip([{ name: "word/document.xml", data: bomb, method: 8 }])), "PG-E-ZIP-BOMB");
    expect(e.detail).toContain("word/document.xml");
  });

  it("the cap does not trust the size the headers claim", () => {
    const bomb = deflateRepeat(HEAD, 0x20, 110 * 1024 * 1024);
    failure(() => readDocx(rawZip([{ name: "word/document.xml", data: bomb, method: 8, claimedSize: 1000 }])), "PG-E-ZIP-BOMB");
  });

  it("a large but honest document under the cap is read (inflated in many steps)", () => {
    const size = 30 * 1024 * 1024;
    const data = deflateRepeat(HEAD, 0x41, size, "</w:t></w:r></w:p></w:body></w:document>");
    const doc = readDocx(rawZip([{ name: "word/document.xml", data, method: 8, claimedSize: 12 }]));
    expect(paragraphs(doc)[0]!.length).toBe(size);
  });

  it("entry names with ../ or absolute paths are never taken for the document", () => {
    const xml = strToU8(documentXml(p("正文")));
    failure(() => readDocx(rawZip([{ name: "../word/document.xml", data: xml }, { name: "/word/document.xml", data: xml }])), "PG-E-FORMAT");
    const doc = readDocx(rawZip([{ name: "../../evil.sh", data: strToU8("rm -rf /") }, { name: "/etc/passwd", data: strToU8("x") }, { name: "word/document.xml", data: xml }]));
    expect(paragraphs(doc)).toEqual(["正文"]);
  });

  it("a relation pointing outside the package falls back to word/document.xml", () => {
    const rels = `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="r" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="../../../etc/passwd"/></Relationships>`;
    expect(paragraphs(readDocx(makeDocx(documentXml(p("正文")), { "_rels/.rels": rels })))).toEqual(["正文"]);
  });

  it("a zip without a Word document says it is a zip but not a Word document", () => {
    const e = failure(() => readDocx(zipSync({ "readme.txt": strToU8("hello") })), "PG-E-FORMAT");
    expect(e.detail).toMatch(/zip.*不是 Word 文档/);
    const xlsx = failure(() => readDocx(zipSync({ "xl/workbook.xml": strToU8("<workbook/>") })), "PG-E-FORMAT");
    expect(xlsx.detail).toContain("Excel");
    const odt = failure(() => readDocx(zipSync({ mimetype: strToU8("application/vnd.oasis.opendocument.text"), "content.xml": strToU8("<office:document-content/>") })), "PG-E-FORMAT");
    expect(odt.detail).toContain("OpenDocument");
    failure(() => readDocx(rawZip([])), "PG-E-FORMAT");
  });

  it("a main part that is not a WordprocessingML document is refused", () => {
    failure(() => readDocx(makeDocx(`<?xml version="1.0"?><workbook xmlns="urn:x"/>`)), "PG-E-FORMAT");
  });

  it("a truncated .docx is damaged", () => {
    for (const cut of [0.3, 0.6, 0.95]) failure(() => readDocx(seedBytes.subarray(0, Math.floor(seedBytes.length * cut))), "PG-E-CORRUPT");
    failure(() => readDocx(Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3])), "PG-E-CORRUPT");
  });

  it("damaged compressed data is damaged, not a crash", () => {
    const data = rawZip([{ name: "word/document.xml", data: Uint8Array.from({ length: 300 }, (_, i) => (i * 37) & 0xff), method: 8 }]);
    failure(() => readDocx(data), "PG-E-CORRUPT");
  });

  it("an encrypted zip entry is reported as encrypted", () => {
    failure(() => readDocx(rawZip([{ name: "word/document.xml", data: strToU8(documentXml(p("x"))), flags: 1 }])), "PG-E-ENCRYPTED");
  });
});

describe("XML dangers", () => {
  it("XML cut off in the middle is damaged", () => {
    const xml = documentXml(p("第一段") + p("第二段"));
    failure(() => readDocx(makeDocx(xml.slice(0, xml.indexOf("第二段")))), "PG-E-CORRUPT");
    failure(() => readDocx(makeDocx("")), "PG-E-CORRUPT");
  });

  it("malformed XML is refused with PG-E-XML", () => {
    failure(() => readDocx(makeDocx(`<?xml version="1.0"?><w:document xmlns:w="${W_NS}"><w:body><w:p></w:r></w:body></w:document>`)), "PG-E-XML");
  });

  it("a DOCTYPE with an external entity is refused before anything is resolved", () => {
    const xml = `<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><w:document xmlns:w="${W_NS}"><w:body>${p("&xxe;")}</w:body></w:document>`;
    const e = failure(() => readDocx(makeDocx(xml)), "PG-E-XML");
    expect(e.detail).toContain("DOCTYPE");
  });

  it("nested entities (billion laughs) are refused", () => {
    let dtd = '<!ENTITY lol0 "lol">';
    for (let i = 1; i < 10; i++) dtd += `<!ENTITY lol${i} "${`&lol${i - 1};`.repeat(10)}">`;
    const xml = `<?xml version="1.0"?><!DOCTYPE w:document [${dtd}]><w:document xmlns:w="${W_NS}"><w:body>${p("&lol9;")}</w:body></w:document>`;
    failure(() => readDocx(makeDocx(xml)), "PG-E-XML");
  });

  it("a DOCTYPE in a package part is refused too", () => {
    const rels = `<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "http://example.invalid/">]><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"/>`;
    failure(() => readDocx(makeDocx(documentXml(p("x")), { "_rels/.rels": rels })), "PG-E-XML");
  });

  it(`tables nested 5,000 deep: no stack overflow; beyond ${MAX_TABLE_DEPTH} levels the text goes to the deepest cell`, () => {
    const depth = 5000;
    let open = "";
    let close = "";
    for (let i = 0; i < depth; i++) {
      open += `<w:tbl><w:tr><w:tc><w:p><w:r><w:t>L${i}</w:t></w:r></w:p>`;
      close += "</w:tc></w:tr></w:tbl>";
    }
    const doc = readDocx(makeDocx(documentXml(open + close)));
    const ts = tables(doc);
    expect(ts.length).toBe(MAX_TABLE_DEPTH);
    expect(ts[0]!.rows[0]![0]!.text).toBe("L0");
    const deepest = ts[MAX_TABLE_DEPTH - 1]!.rows[0]![0]!.text.split("\n");
    expect(deepest[0]).toBe(`L${MAX_TABLE_DEPTH - 1}`);
    expect(deepest[deepest.length - 1]).toBe(`L${depth - 1}`);
    expect(deepest.length).toBe(depth - MAX_TABLE_DEPTH + 1);
    expect(doc.warnings.join()).toContain(String(MAX_TABLE_DEPTH));
  });

  it("other elements nested 100,000 deep do not overflow the stack", () => {
    const n = 100_000;
    const xml = documentXml(`<w:p>${"<w:smartTag>".repeat(n)}<w:r><w:t>深</w:t></w:r>${"</w:smartTag>".repeat(n)}</w:p>`);
    expect(paragraphs(readDocx(makeDocx(xml)))).toEqual(["深"]);
  });

  it("a table whose grid would hold millions of cells is refused, not built", () => {
    const row = `<w:tr><w:tc><w:tcPr><w:gridSpan w:val="63"/></w:tcPr><w:p/></w:tc></w:tr>`;
    const e = failure(() => readDocx(makeDocx(documentXml(`<w:tbl>${row.repeat(20_000)}</w:tbl>`))), "PG-E-TOO-LARGE");
    expect(e.detail).toContain("单元格");
  });

  it("a cell holding 5 MB of text is read whole", () => {
    const big = "数".repeat(5 * 1024 * 1024);
    const doc = readDocx(makeDocx(documentXml(`<w:tbl><w:tr><w:tc>${p(big)}</w:tc></w:tr></w:tbl>`)));
    expect(tables(doc)[0]!.rows[0]![0]!.text.length).toBe(big.length);
  });

  it("5 MB of text in one cell split into many runs and tabs is read whole", () => {
    const runs = "<w:r><w:t>一二三四五</w:t><w:tab/></w:r>".repeat(200_000);
    const doc = readDocx(makeDocx(documentXml(`<w:tbl><w:tr><w:tc><w:p>${runs}</w:p></w:tc></w:tr></w:tbl>`)));
    expect(tables(doc)[0]!.rows[0]![0]!.text.length).toBe(200_000 * 6);
  });
});
