import type { GridCell } from "../../document.js";
import { rightAlignBodyRows } from "../align.js";
import { checkRowWidth, type BlockSink } from "../blocks.js";
import { cellText } from "../cell-text.js";
import { isBlank, isSpaceChar, textColumn } from "../lines.js";

/**
 * A web page's table copied as text: a line `|` starts a row, then each cell ends with ` |` (a cell
 * may run over several lines; only its last line carries the pipe). Cells covered by a row span are
 * left out, so short rows are right-aligned to the table width (see rightAlignBodyRows).
 */
export function readWebCopy(lines: readonly string[], sink: BlockSink): void {
  let rows: GridCell[][] = [];
  let row: GridCell[] | undefined;
  /** Lines of a cell whose closing pipe has not come yet (0-based line indexes). */
  let pending: number[] = [];

  const flushPendingAsParagraphs = (): void => {
    for (const i of pending) sink.paragraph(lines[i]!, i + 1);
    pending = [];
  };
  const closeTable = (): void => {
    const width = rows.reduce((w, r) => Math.max(w, r.length), 0);
    sink.table(rightAlignBodyRows(rows.filter((r) => r.length > 0), width, sink));
    rows = [];
    row = undefined;
  };

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const t = line.trim();
    // A row starts with a bare `|` at the line start; ` |` (indented) is an empty cell.
    if (t === "|" && !isSpaceChar(line.charCodeAt(0))) {
      if (pending.some((k) => !isBlank(lines[k]!))) {
        // Text without a closing pipe between rows: the table ended there.
        closeTable();
        flushPendingAsParagraphs();
      }
      pending = [];
      if (row && row.length === 0 && rows.length > 1) {
        // `|` right after a row start: the previous row's last cell was an empty ` |` trimmed to `|`.
        rows[rows.length - 2]!.push(sink.cell("", i + 1, textColumn(line)));
        continue;
      }
      row = [];
      rows.push(row);
    } else if (row && t.endsWith("|")) {
      pending.push(i);
      const first = pending[0]!;
      const parts = pending.map((k) => lines[k]!);
      parts[parts.length - 1] = stripClosingPipe(parts[parts.length - 1]!);
      row.push(sink.cell(cellText(parts), first + 1, textColumn(lines[first]!)));
      checkRowWidth(row.length, first + 1);
      pending = [];
    } else if (row) {
      pending.push(i);
    } else {
      sink.paragraph(line, i + 1);
    }
  }
  closeTable();
  flushPendingAsParagraphs();
}

function stripClosingPipe(line: string): string {
  const end = line.lastIndexOf("|");
  return line.slice(0, end);
}
