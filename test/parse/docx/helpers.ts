import { strToU8, zipSync, type Zippable } from "fflate";
import type { Block, SourceDocument, Table } from "../../../src/parse/document.js";

export const W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

const CONTENT_TYPES = `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`;
const RELS = `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`;

/** A full document.xml around body content (w, mc, wps, v and w14 namespaces declared on the root). */
export function documentXml(body: string): string {
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` +
    `<w:document xmlns:w="${W_NS}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" ` +
    `xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" xmlns:v="urn:schemas-microsoft-com:vml" ` +
    `xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" mc:Ignorable="w14"><w:body>${body}<w:sectPr/></w:body></w:document>`
  );
}

/** Zip a document.xml (full text) into a minimal .docx; `extra` adds or replaces entries. */
export function makeDocx(docXml: string, extra: Record<string, string | Uint8Array | null> = {}, level: 0 | 6 | 9 = 6): Uint8Array {
  const files: Record<string, string | Uint8Array | null> = {
    "[Content_Types].xml": CONTENT_TYPES,
    "_rels/.rels": RELS,
    "word/document.xml": docXml,
    ...extra,
  };
  const zippable: Zippable = {};
  for (const [name, data] of Object.entries(files)) {
    if (data === null) continue;
    zippable[name] = [typeof data === "string" ? strToU8(data) : data, { level }];
  }
  return zipSync(zippable);
}

/** Shorthand: a .docx whose body is `body`. */
export function docxOf(body: string): Uint8Array {
  return makeDocx(documentXml(body));
}

/** A paragraph of one run per string. */
export function p(...runs: string[]): string {
  return `<w:p>${runs.map((t) => `<w:r><w:t xml:space="preserve">${t}</w:t></w:r>`).join("")}</w:p>`;
}

/** A table cell; `props` goes into w:tcPr, the rest is its content (paragraphs by default). */
export function tc(content: string, props = ""): string {
  return `<w:tc><w:tcPr>${props}</w:tcPr>${content.startsWith("<") ? content : p(content)}</w:tc>`;
}

export function tr(cells: string[], props = ""): string {
  return `<w:tr>${props ? `<w:trPr>${props}</w:trPr>` : ""}${cells.join("")}</w:tr>`;
}

export function tbl(rows: string[]): string {
  return `<w:tbl><w:tblPr/><w:tblGrid/>${rows.join("")}</w:tbl>`;
}

export function tables(doc: SourceDocument): Table[] {
  return doc.blocks.filter((b): b is Extract<Block, { kind: "table" }> => b.kind === "table").map((b) => b.table);
}

export function paragraphs(doc: SourceDocument): string[] {
  return doc.blocks.filter((b): b is Extract<Block, { kind: "paragraph" }> => b.kind === "paragraph").map((b) => b.text);
}

/**
 * A table drawn as strings: an origin cell is its text, with `[rows x cols]` when merged;
 * a covered cell is `^r,c` (its origin).
 */
export function sketch(table: Table): string[][] {
  return table.rows.map((row) =>
    row.map((c) => (c.covered ? `^${c.originRow},${c.originCol}` : c.rowSpan > 1 || c.colSpan > 1 ? `${c.text}[${c.rowSpan}x${c.colSpan}]` : c.text)),
  );
}
