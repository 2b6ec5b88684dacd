import type { GridCell } from "../../document.js";
import { checkRowWidth, type BlockSink } from "../blocks.js";
import { cleanCellText } from "../cell-text.js";
import { isBlank, textColumn } from "../lines.js";

/**
 * Pipe rows (`| a | b |`, as Markdown and many web pages write tables): one row per line, merged
 * cells left blank. Markdown separator rows (`|---|:--:|`) are skipped; `\|` is a literal pipe.
 * Blank lines between rows do not end a table; any other line does.
 */
export function readPipeRows(lines: readonly string[], sink: BlockSink): void {
  let rows: GridCell[][] = [];
  const flush = (): void => {
    sink.table(rows);
    rows = [];
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (isPipeRow(line)) {
      // Markdown puts its `|---|---|` line right under the header row, nowhere else.
      if (rows.length !== 1 || !isSeparatorRow(line)) rows.push(splitPipeRow(line, i + 1, sink));
    } else if (!isBlank(line)) {
      flush();
      sink.paragraph(line, i + 1);
    }
  }
  flush();
}

/** A line that starts with `|` (after indentation) and has at least one more `|`. */
export function isPipeRow(line: string): boolean {
  const t = line.trim();
  return t.length >= 2 && t.startsWith("|") && t.indexOf("|", 1) > 0;
}

/** `|---|:---:|`: every cell dashes with optional colons. */
function isSeparatorRow(line: string): boolean {
  const cells = line.trim().replace(/^\||\|$/g, "").split("|");
  return cells.every((c) => /^\s*:?-+:?\s*$/.test(c));
}

function splitPipeRow(line: string, lineNo: number, sink: BlockSink): GridCell[] {
  const cells: GridCell[] = [];
  let cellBegin = line.indexOf("|") + 1;
  let start = cellBegin;
  let pieces: string[] = [];
  for (let i = start; i <= line.length; i++) {
    const c = line[i];
    if (c === "\\" && line[i + 1] === "|") {
      pieces.push(line.slice(start, i), "|");
      start = i + 2;
      i++;
      continue;
    }
    if (c === "|" || i === line.length) {
      pieces.push(line.slice(start, i));
      const raw = pieces.join("");
      // Text after the closing pipe counts as a cell only when there is some (a row without it).
      if (c === "|" || raw.trim() !== "") {
        cells.push(sink.cell(cleanCellText(raw), lineNo, textColumn(line, cellBegin)));
        checkRowWidth(cells.length, lineNo);
      }
      pieces = [];
      start = cellBegin = i + 1;
    }
  }
  return cells;
}
