import type { Location } from "../../model/location.js";
import { PerfgoalError } from "../../model/errors.js";
import { tableFromRows, type Block, type GridCell, type SourceDocument, type Table } from "../document.js";
import { cellText } from "./cell-text.js";
import { groupLines, lineText, type TextLine } from "./lines.js";
import { loadPdf } from "./load-pdf.js";
import type { PageContent, TextRun } from "./page-content.js";
import { ruledTables, type RuledTable } from "./ruled-table.js";
import { textRendering } from "./unruled.js";

/** A table with its cells' text, as the pages are joined. */
interface PlacedTable {
  page: number;
  xs: number[];
  rows: number;
  cells: PlacedCell[];
}
interface PlacedCell {
  r0: number;
  r1: number;
  c0: number;
  c1: number;
  text: string;
  loc: Location;
}
type PageBlock = { kind: "paragraph"; text: string; loc: Location } | { kind: "table"; table: PlacedTable };

/** A page number as printed in a footer or header: `— 2 —`, `- 2 -`, `第 2 页`, `第2页 共3页`, `2/3`. */
const PAGE_NUMBER = /^[-—–\s]*(第\s*)?\d{1,3}(\s*页)?(\s*([/／]|共)\s*\d{1,3}\s*页?)?[-—–\s]*$/;

/** Column edges this close (points) on two pages are the same edge. */
const SAME_EDGE = 3;

/**
 * PDF with a text layer → neutral document. Ruled tables (the borders drawn on the page) give
 * the grid and its merges; a table cut by a page break is joined again. A PDF with no ruling
 * at all is rebuilt as text by x positions and read by the text reader.
 * A PDF with no text (a scan, or text drawn as outlines) is refused: PG-E-SCANNED.
 */
export async function readPdf(bytes: Uint8Array): Promise<SourceDocument> {
  const { pages } = await loadPdf(bytes);
  // No text at all: a scan, or text turned into outlines; either way there is nothing to read.
  if (!pages.some((p) => p.runs.some((r) => r.text.trim() !== ""))) throw new PerfgoalError("PG-E-SCANNED");
  if (!pages.some((p) => p.rules.length > 0)) return textRendering(pages);
  const blocks: PageBlock[][] = pages.map(pageBlocks);
  return { blocks: joinPages(blocks), meta: { format: "pdf" }, warnings: [] };
}

/** A page's paragraphs (lines outside any table) and tables, top first. */
function pageBlocks(content: PageContent): PageBlock[] {
  const { page } = content;
  const lines = groupLines(content.runs);
  const lineOf = new Map<TextRun, number>();
  lines.forEach((line, i) => line.runs.forEach((run) => lineOf.set(run, i + 1)));
  const at = (line: number): Location => ({ kind: "page", page, line });
  const { tables, outside } = ruledTables(content.rules, content.runs);
  const items: { top: number; block: PageBlock }[] = [];
  for (const line of groupLines(outside)) {
    const text = lineText(line).trim();
    // Page numbers are the page's, not the form's: between two parts of a table they would keep them apart.
    if (text !== "" && !PAGE_NUMBER.test(text)) items.push({ top: line.y + line.size, block: { kind: "paragraph", text, loc: at(lineOf.get(line.runs[0]!) ?? 1) } });
  }
  for (const t of tables) items.push({ top: t.ys[0]!, block: { kind: "table", table: placed(t, page, lines, lineOf) } });
  items.sort((a, b) => b.top - a.top);
  return items.map((i) => i.block);
}

function placed(t: RuledTable, page: number, lines: TextLine[], lineOf: Map<TextRun, number>): PlacedTable {
  const cells = t.regions.map((g) => {
    const own = g.runs.map((r) => lineOf.get(r) ?? 1);
    // An empty cell is placed at the first line below its top edge.
    const below = lines.findIndex((l) => l.y < t.ys[g.r0]!);
    const line = own.length > 0 ? Math.min(...own) : below >= 0 ? below + 1 : Math.max(1, lines.length);
    return { r0: g.r0, r1: g.r1, c0: g.c0, c1: g.c1, text: cellText(g.runs, t.xs[g.c0]!, t.xs[g.c1]!), loc: { kind: "page", page, line } as Location };
  });
  return { page, xs: t.xs, rows: t.ys.length - 1, cells };
}

/**
 * Pages in order; a page that starts with a table continuing the table that ended the page
 * before (same left and right edges) adds its rows to that table.
 */
function joinPages(pages: PageBlock[][]): Block[] {
  const out: PageBlock[] = [];
  for (const blocks of pages) {
    blocks.forEach((block, i) => {
      const last = out[out.length - 1];
      if (i === 0 && block.kind === "table" && last?.kind === "table" && last.table.page === block.table.page - 1 && sameSides(last.table, block.table)) {
        last.table = join(last.table, block.table);
      } else out.push(block);
    });
  }
  let index = 0;
  return out.map((b) => (b.kind === "paragraph" ? b : { kind: "table", table: toTable(b.table, ++index) }));
}

function sameSides(a: PlacedTable, b: PlacedTable): boolean {
  return Math.abs(a.xs[0]! - b.xs[0]!) <= SAME_EDGE && Math.abs(a.xs[a.xs.length - 1]! - b.xs[b.xs.length - 1]!) <= SAME_EDGE;
}

/**
 * Stack b under a on the union of their column edges. A cell left empty at the top of b under a
 * merged cell of a's last row is that cell going on past the page break (LibreOffice and Word
 * write a merged label once, on the first page). A first row of b that holds only the overflow
 * of a cell or two is the rest of a's last row, cut by the page: its text goes on in the cells above.
 */
function join(a: PlacedTable, b: PlacedTable): PlacedTable {
  const xs: number[] = [];
  for (const x of [...a.xs, ...b.xs].sort((p, q) => p - q)) if (xs.length === 0 || x - xs[xs.length - 1]! > SAME_EDGE) xs.push(x);
  const col = (x: number) => xs.reduce((best, e, i) => (Math.abs(e - x) < Math.abs(xs[best]! - x) ? i : best), 0);
  const remap = (t: PlacedTable) => t.cells.map((c) => ({ ...c, c0: col(t.xs[c.c0]!), c1: col(t.xs[c.c1]!) }));
  const top = remap(a);
  const bottom = remap(b);
  const aboveOf = (c: PlacedCell) => top.find((u) => u.r1 === a.rows && u.c0 === c.c0 && u.c1 === c.c1);
  const first = bottom.filter((c) => c.r0 === 0).sort((p, q) => p.c0 - q.c0);
  const merged = (c: PlacedCell) => c.text === "" && (aboveOf(c)?.r1 ?? 0) - (aboveOf(c)?.r0 ?? 0) >= 2;
  const own = first.filter((c) => !merged(c));
  const filled = own.filter((c) => c.text !== "").length;
  // A row cut by the page shows on the new page only what overflowed, one or two long cells:
  // most of its own cells are empty, the first among them. A new row has its own text.
  const splitRow = own.length > 0 && own[0]!.text === "" && filled > 0 && filled < own.length - filled + 1 && first.every((c) => aboveOf(c) !== undefined);
  // Otherwise empty cells at the row's start, under cells with text, are merged labels going on.
  const leading = new Set<PlacedCell>();
  for (const c of first) {
    if (c.text !== "" || !aboveOf(c)?.text) break;
    leading.add(c);
  }
  const continuing = (c: PlacedCell) => merged(c) || leading.has(c);
  const dr = splitRow ? a.rows - 1 : a.rows;
  const cells = [...top];
  for (const c of bottom) {
    const moved = { ...c, r0: c.r0 + dr, r1: c.r1 + dr };
    const above = c.r0 === 0 && (splitRow || continuing(c)) ? aboveOf(c) : undefined;
    if (above) {
      above.text = joinText(above.text, c.text);
      above.r1 = Math.max(above.r1, moved.r1);
    } else cells.push(moved);
  }
  return { page: b.page, xs, rows: dr + b.rows, cells };
}

/** The two parts of a cell's text cut by a page break. */
function joinText(a: string, b: string): string {
  if (a === "" || b === "") return a + b;
  return /[A-Za-z0-9]$/.test(a) && /^[A-Za-z0-9]/.test(b) ? `${a} ${b}` : a + b;
}

function toTable(t: PlacedTable, index: number): Table {
  const width = t.xs.length - 1;
  const grid: (GridCell | undefined)[][] = Array.from({ length: t.rows }, () => new Array<GridCell | undefined>(width).fill(undefined));
  for (const c of t.cells) {
    for (let r = c.r0; r < c.r1; r++) {
      for (let k = c.c0; k < c.c1; k++) {
        const origin = r === c.r0 && k === c.c0;
        grid[r]![k] = { text: origin ? c.text : "", covered: !origin, originRow: c.r0 + 1, originCol: c.c0 + 1, rowSpan: c.r1 - c.r0, colSpan: c.c1 - c.c0, loc: c.loc };
      }
    }
  }
  // Every position is some cell's; a gap (rules that do not close) is an empty cell of its own.
  const rows = grid.map((row, r) => row.map((g, k) => g ?? { text: "", covered: false, originRow: r + 1, originCol: k + 1, rowSpan: 1, colSpan: 1, loc: t.cells[0]?.loc ?? { kind: "page", page: t.page, line: 1 } }));
  return tableFromRows(index, rows, true);
}
