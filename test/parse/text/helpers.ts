import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { SourceDocument, Table } from "../../../src/parse/document.js";
import { charWidth } from "../../../src/parse/text/width.js";

export const SEED_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../../shared/seed");

export function seedText(name: string): string {
  return readFileSync(path.join(SEED_DIR, name), "utf8");
}

export function tables(doc: SourceDocument): Table[] {
  return doc.blocks.flatMap((b) => (b.kind === "table" ? [b.table] : []));
}

export function paragraphs(doc: SourceDocument): string[] {
  return doc.blocks.flatMap((b) => (b.kind === "paragraph" ? [b.text] : []));
}

/** The grid's texts, row by row. */
export function texts(table: Table): string[][] {
  return table.rows.map((r) => r.map((c) => c.text));
}

/** Cell text with every kind of whitespace (line breaks, U+3000) removed, for comparing layouts. */
export function squash(text: string): string {
  return text.replace(/[\s\u3000]+/g, "");
}

/** Write rows as `| a | b |` lines. */
export function writePipes(rows: readonly (readonly string[])[]): string {
  return rows.map((r) => `| ${r.join(" | ")} |`).join("\n");
}

/** Write rows as Excel would put them on the clipboard: TABs, CRLF, quotes where needed. */
export function writeTsv(rows: readonly (readonly string[])[]): string {
  const quote = (c: string): string => (/[\t\n\r"]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c);
  return rows.map((r) => r.map(quote).join("\t")).join("\r\n");
}

export function displayWidth(s: string): number {
  let w = 0;
  for (let i = 0; i < s.length; i++) w += charWidth(s.charCodeAt(i));
  return w;
}

/** Write rows padded into columns (as pdftotext -layout does), `gap` spaces between columns. */
export function writeSpaced(rows: readonly (readonly string[])[], gap = 2): string {
  const cols = rows.reduce((n, r) => Math.max(n, r.length), 0);
  const widths = Array.from({ length: cols }, (_, c) => rows.reduce((w, r) => Math.max(w, displayWidth(r[c] ?? "")), 0));
  return rows
    .map((r) =>
      r
        .map((c, k) => c + " ".repeat(widths[k]! - displayWidth(c) + gap))
        .join("")
        .trimEnd(),
    )
    .join("\n");
}

/** The rows of a `| a | b |` text, read directly (not by perfgoal), for making other renderings of it. */
export function pipeRows(text: string): string[][] {
  return text
    .split(/\r?\n/)
    .filter((l) => l.trim().startsWith("|"))
    .map((l) => l.trim().replace(/^\||\|$/g, "").split("|").map((c) => c.trim()));
}
