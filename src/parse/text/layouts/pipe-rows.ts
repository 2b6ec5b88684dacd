import type { GridCell } from "../../document.js";
import { BlockSink, lineCell } from "../blocks.js";
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
      if (!isSeparatorRow(line)) rows.push(splitPipeRow(line, i + 1));
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

/** `|---|:---:|` — nothing but pipes, dashes, colons and spaces, with at least one dash. */
function isSeparatorRow(line: string): boolean {
  let dash = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (c === "-") dash = true;
    else if (c !== "|" && c !== ":" && c !== " " && c !== "\t") return false;
  }
  return dash;
}

function splitPipeRow(line: string, lineNo: number): GridCell[] {
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
      if (c === "|" || raw.trim() !== "") cells.push(lineCell(cleanCellText(raw), lineNo, textColumn(line, cellBegin)));
      pieces = [];
      start = cellBegin = i + 1;
    }
  }
  return cells;
}
