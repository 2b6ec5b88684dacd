import type { Location } from "../../model/location.js";
import type { Block, SourceDocument } from "../document.js";
import { readTextString } from "../text/read-text.js";
import { groupLines, type TextLine } from "./lines.js";
import type { PageContent } from "./page-content.js";

/** A gap this wide (in ems) between runs on a line separates two cells. */
const CELL_GAP = 1.5;

/**
 * A PDF with no ruling lines (a form typed with tabs, a text rendering): each page line becomes a
 * text line whose cells (runs apart by a wide gap) are joined by tabs, and the text reader, with
 * its own layout detection, reads them. Its line numbers are turned back into page and line.
 */
export function textRendering(pages: readonly PageContent[]): SourceDocument {
  const text: string[] = [];
  const where: Location[] = [];
  for (const page of pages) {
    groupLines(page.runs).forEach((line, i) => {
      text.push(cellsOf(line).join("\t"));
      where.push({ kind: "page", page: page.page, line: i + 1 });
    });
  }
  const doc = readTextString(text.join("\n") + "\n");
  const back = (loc: Location): Location => (loc.kind === "line" ? (where[loc.line - 1] ?? loc) : loc);
  const blocks: Block[] = doc.blocks.map((b) =>
    b.kind === "paragraph" ? { ...b, loc: back(b.loc) } : { kind: "table", table: { ...b.table, rows: b.table.rows.map((row) => row.map((c) => ({ ...c, loc: back(c.loc) }))) } },
  );
  return { ...doc, blocks, meta: { ...doc.meta, format: "pdf" } };
}

/** The cells of a line: runs closer than CELL_GAP ems are one cell (spaces drawn as runs count as gap). */
function cellsOf(line: TextLine): string[] {
  const cells: string[] = [];
  let cur = "";
  let end = -Infinity;
  for (const run of line.runs) {
    if (run.text.trim() === "") continue;
    if (cur !== "" && run.x - end > CELL_GAP * line.size) {
      cells.push(cur);
      cur = "";
    } else if (cur !== "" && run.x - end > 0.25 * line.size) cur += " ";
    cur += run.text.replace(/\t/g, " ");
    end = run.x + run.width;
  }
  if (cur !== "") cells.push(cur);
  return cells;
}
