import type { GridCell } from "../../document.js";
import { checkRowWidth, type BlockSink } from "../blocks.js";
import { cleanCellText } from "../cell-text.js";

/**
 * Tab-separated rows, as a table pasted from Excel: one row per line, cells separated by TABs, and
 * Excel's quoting — a cell holding a TAB, a line break or `"` is written `"…"` with `""` for a quote.
 * Consecutive lines with a TAB form a table; a line without one is a paragraph; a blank line ends a table.
 */

interface Field {
  raw: string;
  line: number;
  col: number;
}

interface TsvRecord {
  line: number;
  fields: Field[];
}

export function readTabSeparated(text: string, sink: BlockSink): void {
  let rows: GridCell[][] = [];
  const flush = (): void => {
    sink.table(rows);
    rows = [];
  };
  for (const rec of parseRecords(text)) {
    if (rec.fields.length >= 2) {
      rows.push(rec.fields.map((f) => sink.cell(cleanCellText(f.raw), f.line, f.col)));
      continue;
    }
    flush();
    const only = rec.fields[0]!.raw;
    // A single quoted field may hold several lines; each becomes a paragraph.
    only.split(/\r\n|\r|\n/).forEach((p, k) => sink.paragraph(p, rec.line + k));
  }
  flush();
}

/** Split text into records of fields in one linear pass (no regular expressions over the whole input). */
export function* parseRecords(text: string): Generator<TsvRecord> {
  let line = 1;
  let lineStart = 0;
  let i = 0;
  const n = text.length;
  while (i < n) {
    const rec: TsvRecord = { line, fields: [] };
    for (;;) {
      const fieldLine = line;
      const col = i - lineStart + 1;
      let raw: string | undefined;
      if (text.charCodeAt(i) === 0x22 /* " */) {
        const q = readQuoted(text, i);
        if (q) {
          raw = q.value;
          // Count the line breaks the quoted field spans.
          for (let k = i; k < q.end; k++) {
            const c = text.charCodeAt(k);
            if (c === 0x0a || (c === 0x0d && text.charCodeAt(k + 1) !== 0x0a)) {
              line++;
              lineStart = k + 1;
            }
          }
          i = q.end;
        }
      }
      if (raw === undefined) {
        let j = i;
        while (j < n) {
          const c = text.charCodeAt(j);
          if (c === 0x09 || c === 0x0a || c === 0x0d) break;
          j++;
        }
        raw = text.slice(i, j);
        i = j;
      }
      rec.fields.push({ raw, line: fieldLine, col });
      checkRowWidth(rec.fields.length, rec.line);
      const c = text.charCodeAt(i);
      if (c === 0x09) {
        i++;
        continue;
      }
      // End of line or of text.
      if (c === 0x0d && text.charCodeAt(i + 1) === 0x0a) i += 2;
      else if (i < n) i++;
      line++;
      lineStart = i;
      break;
    }
    yield rec;
  }
}

/**
 * A quoted field starting at `start`: its value and the index just past the closing quote. Undefined
 * when the quote never closes or is followed by something other than a TAB, a line end or the end —
 * then the field is read literally, quote included.
 */
function readQuoted(text: string, start: number): { value: string; end: number } | undefined {
  const pieces: string[] = [];
  let from = start + 1;
  for (;;) {
    const q = text.indexOf('"', from);
    if (q < 0) return undefined;
    if (text.charCodeAt(q + 1) === 0x22) {
      pieces.push(text.slice(from, q + 1));
      from = q + 2;
      continue;
    }
    const after = text.charCodeAt(q + 1);
    if (q + 1 < text.length && after !== 0x09 && after !== 0x0a && after !== 0x0d) return undefined;
    pieces.push(text.slice(from, q));
    return { value: pieces.join(""), end: q + 1 };
  }
}
