import type { Block, SourceDocument } from "../document.js";
import { readBody } from "./body-reader.js";
import { expandTable, MAX_GRID_CELLS, type HiddenInCell } from "./grid.js";
import { hiddenTextWarning } from "./hidden-text.js";
import { findMainDocument } from "./package.js";
import { MAX_TOTAL_INFLATED, openZip, readEntry } from "./zip.js";

/**
 * .docx → neutral document: body paragraphs and every table as an expanded grid, in reading
 * order. Only the main document part is inflated (headers, footers and media are not read).
 * Text Word does not show (hidden runs) is not read; a warning says where it was.
 * Bad input throws a PerfgoalError: PG-E-CORRUPT (truncated zip or XML), PG-E-ZIP-BOMB,
 * PG-E-XML (malformed XML or a DOCTYPE), PG-E-FORMAT (a zip that is not a Word document),
 * PG-E-TOO-LARGE (absurd table sizes).
 */
export function readDocx(bytes: Uint8Array): SourceDocument {
  const zip = openZip(bytes);
  const budget = { remaining: MAX_TOTAL_INFLATED };
  const main = findMainDocument(zip, budget);
  const raw = readBody(readEntry(zip, main, budget));

  const cells = { cells: MAX_GRID_CELLS };
  const hiddenCells: HiddenInCell[] = [];
  const blocks: Block[] = raw.blocks.map((b) =>
    b.kind === "paragraph"
      ? { kind: "paragraph", text: b.text, loc: { kind: "paragraph", index: b.index } }
      : { kind: "table", table: expandTable(b.table, cells, hiddenCells) },
  );
  const hidden = hiddenTextWarning(hiddenCells, raw.hiddenInBody);
  return { blocks, meta: { format: "docx" }, warnings: hidden ? [...raw.warnings, hidden] : raw.warnings };
}

