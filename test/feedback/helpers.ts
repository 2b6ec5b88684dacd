import { readDocx } from "../../src/parse/docx/read-docx.js";

/** The text of a .docx as perfgoal's own reader sees it: paragraphs, and each table row's cells joined by " | ". */
export function docxLines(bytes: Uint8Array): string[] {
  const lines: string[] = [];
  for (const b of readDocx(bytes).blocks) {
    if (b.kind === "paragraph") lines.push(b.text);
    else for (const row of b.table.rows) lines.push(row.filter((c) => !c.covered).map((c) => c.text).join(" | "));
  }
  return lines;
}

/** How many page breaks the main document holds. */
export function pageBreaks(documentXml: string): number {
  return documentXml.split('<w:br w:type="page"/>').length - 1;
}
