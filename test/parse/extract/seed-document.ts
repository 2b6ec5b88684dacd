/**
 * The seed form as a neutral document, read from its pipe-row text with a tiny splitter
 * (paragraphs are the lines outside the table; merged cells come out empty, as in every text reader).
 */
import { readFileSync } from "node:fs";
import { cell, tableFromRows, type Block, type SourceDocument } from "../../../src/parse/document.js";

export const SEED_DIR = "/work/shared/seed";
export const SEED_PIPES = `${SEED_DIR}/hengdong-2023.pipes.txt`;

export function pipesToDocument(text: string): SourceDocument {
  const blocks: Block[] = [];
  let rows: ReturnType<typeof cell>[][] | undefined;
  let tables = 0;
  const flush = () => {
    if (rows) blocks.push({ kind: "table", table: tableFromRows(++tables, rows, false) });
    rows = undefined;
  };
  text.split(/\r?\n/).forEach((line, i) => {
    const trimmed = line.trim();
    if (trimmed.startsWith("|") && trimmed.endsWith("|") && trimmed.length > 1) {
      const texts = trimmed.slice(1, -1).split("|").map((t) => t.trim());
      rows ??= [];
      rows.push(texts.map((t, c) => cell(t, { kind: "line", line: i + 1, col: c + 1 })));
      return;
    }
    flush();
    if (trimmed !== "") blocks.push({ kind: "paragraph", text: line, loc: { kind: "line", line: i + 1 } });
  });
  flush();
  return { blocks, meta: { format: "txt", textLayout: "pipes" }, warnings: [] };
}

export function seedDocument(): SourceDocument {
  return pipesToDocument(readFileSync(SEED_PIPES, "utf8"));
}
