import type { Location } from "../../model/location.js";
import type { Block, SourceDocument } from "../document.js";
import { readTextString } from "../text/read-text.js";
import { groupLines, lineExtent, type TextLine } from "./lines.js";
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
  const all = pages.map((page) => ({ page, lines: groupLines(page.runs).filter((l) => l.runs.some((r) => r.text.trim() !== "")) }));
  // Wide gaps inside lines are columns when many lines have them; a gap or two is spacing (填报单位 …  单位：万元).
  const gapped = all.reduce((n, p) => n + p.lines.filter((l) => cellsOf(l).length > 1).length, 0);
  const columns = gapped >= MIN_COLUMN_LINES;
  for (const { page, lines } of all) {
    const levels = indentLevels(lines);
    const margin = Math.max(...lines.map((l) => lineExtent(l).right));
    let wrapped = false;
    lines.forEach((line, i) => {
      const cells = cellsOf(line);
      const body = columns ? cells.join("\t") : cells.join("    ");
      // A line the page's width wrapped goes on in the next one: one text line again.
      if (wrapped) text[text.length - 1] += body;
      else {
        text.push("\t".repeat(levels(line)) + body);
        where.push({ kind: "page", page: page.page, line: i + 1 });
      }
      wrapped = lineExtent(line).right >= margin - 1.5 * line.size && lines.length > 1;
    });
  }
  const doc = readTextString(text.join("\n") + "\n");
  const back = (loc: Location): Location => (loc.kind === "line" ? (where[loc.line - 1] ?? loc) : loc);
  const blocks: Block[] = doc.blocks.map((b) =>
    b.kind === "paragraph" ? { ...b, loc: back(b.loc) } : { kind: "table", table: { ...b.table, rows: b.table.rows.map((row) => row.map((c) => ({ ...c, loc: back(c.loc) }))) } },
  );
  return { ...doc, blocks, meta: { ...doc.meta, format: "pdf" } };
}

/** Lines with a wide gap needed before gaps are read as columns. */
const MIN_COLUMN_LINES = 3;

/**
 * How far a line is indented, as a count of steps: the distinct left edges of the page's lines
 * (more than 1.5 ems apart) are the steps, the leftmost none. A text typed with leading tabs
 * prints so; a leading space or two does not make a step.
 */
function indentLevels(lines: readonly TextLine[]): (line: TextLine) => number {
  const size = lines.reduce((m, l) => Math.max(m, l.size), 0);
  const lefts = lines.map((l) => inkedLeft(l)).sort((a, b) => a - b);
  const steps: number[] = [];
  for (const x of lefts) if (steps.length === 0 || x - steps[steps.length - 1]! > 1.5 * size) steps.push(x);
  return (line) => {
    const x = inkedLeft(line);
    let level = 0;
    steps.forEach((s, i) => {
      if (x >= s - 0.5) level = i;
    });
    return level;
  };
}

function inkedLeft(line: TextLine): number {
  return Math.min(...line.runs.filter((r) => r.text.trim() !== "").map((r) => r.x));
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
