import type { GridCell } from "../../document.js";
import { modalWidth } from "../align.js";
import type { BlockSink } from "../blocks.js";
import { cellText } from "../cell-text.js";
import { isBlank, textColumn } from "../lines.js";

/**
 * Word's plain-text export of a table: a line starting with a TAB starts a cell; the lines after it
 * without a leading TAB (blank ones included) are more paragraphs of that cell; a blank line followed
 * by a TAB line usually ends a row. Vertically merged cells come out as empty cells.
 *
 * A cell that ends with empty paragraphs looks exactly like a row end, so rows are rebuilt from
 * "segments" (runs of cells between such breaks): W is the most common segment width, and from the
 * first W-wide row on, consecutive short segments are joined when their widths add up to exactly W.
 * Above the first W-wide row short segments are real rows whose cells span columns.
 */

interface RawCell {
  /** 0-based index of the cell's first line (the TAB line). */
  first: number;
  /** The first line without its TAB, then the continuation lines. */
  parts: string[];
}

type Segment = RawCell[];

export function readWordExport(lines: readonly string[], sink: BlockSink): void {
  let firstTab = -1;
  let lastTab = -1;
  for (let i = 0; i < lines.length; i++) {
    if (lines[i]!.startsWith("\t")) {
      if (firstTab < 0) firstTab = i;
      lastTab = i;
    }
  }
  if (firstTab < 0) {
    lines.forEach((l, i) => sink.paragraph(l, i + 1));
    return;
  }
  for (let i = 0; i < firstTab; i++) sink.paragraph(lines[i]!, i + 1);

  // The last cell runs on over the lines right after it; after a blank line the text is outside the table.
  let tableEnd = lastTab + 1;
  while (tableEnd < lines.length && !isBlank(lines[tableEnd]!)) tableEnd++;

  const segments = splitSegments(lines, firstTab, tableEnd, sink);
  emitTable(segments, lines, sink);

  for (let i = tableEnd; i < lines.length; i++) sink.paragraph(lines[i]!, i + 1);
}

function splitSegments(lines: readonly string[], from: number, to: number, sink: BlockSink): Segment[] {
  const segments: Segment[] = [];
  let segment: Segment | undefined;
  let current: RawCell | undefined;
  for (let i = from; i < to; i++) {
    const line = lines[i]!;
    if (line.startsWith("\t")) {
      if (!segment || isRowBreak(lines[i - 1]!)) {
        segment = [];
        segments.push(segment);
      }
      sink.take(1);
      current = { first: i, parts: [line.slice(1)] };
      segment.push(current);
    } else {
      current!.parts.push(line);
    }
  }
  return segments;
}

/** A blank line that is not itself an empty cell (a lone TAB). */
function isRowBreak(line: string): boolean {
  return !line.startsWith("\t") && isBlank(line);
}

function emitTable(segments: Segment[], lines: readonly string[], sink: BlockSink): void {
  // Single-cell lines before the grid (the `\t填报单位：…` line) are paragraphs.
  let start = 0;
  while (start < segments.length && segments[start]!.length === 1) {
    cellAsParagraphs(segments[start]![0]!, sink);
    start++;
  }
  const body = segments.slice(start);
  const width = modalWidth(body.map((s) => s.length));
  const rows = joinSplitRows(body, width);

  // A single-cell segment left over after the grid is a line of text, not a row.
  let end = rows.length;
  while (end > 0 && rows[end - 1]!.length === 1) end--;
  sink.table(rows.slice(0, end).map((r) => r.map((c) => toGridCell(c, lines, sink))));
  for (const row of rows.slice(end)) cellAsParagraphs(row[0]!, sink);
}

/** Join segments that a cell's trailing empty paragraphs split off from their row. */
function joinSplitRows(segments: Segment[], width: number): Segment[] {
  const rows: Segment[] = [];
  let body = false;
  for (let i = 0; i < segments.length; ) {
    const seg = segments[i]!;
    if (seg.length >= width) {
      body = true;
      rows.push(seg);
      i++;
      continue;
    }
    if (body) {
      let sum = 0;
      let j = i;
      while (j < segments.length && segments[j]!.length < width && sum < width) sum += segments[j++]!.length;
      if (sum === width && j - i > 1) {
        rows.push(segments.slice(i, j).flat());
        i = j;
        continue;
      }
    }
    rows.push(seg);
    i++;
  }
  return rows;
}

function toGridCell(c: RawCell, lines: readonly string[], sink: BlockSink): GridCell {
  return sink.counted(cellText(c.parts), c.first + 1, textColumn(lines[c.first]!, 1));
}

function cellAsParagraphs(c: RawCell, sink: BlockSink): void {
  c.parts.forEach((p, k) => sink.paragraph(p, c.first + 1 + k));
}
