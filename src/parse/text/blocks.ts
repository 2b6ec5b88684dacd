import { PerfgoalError, type Detail } from "../../model/errors.js";
import { cell, tableFromRows, type Block, type GridCell } from "../document.js";

/**
 * Limits that keep junk input (megabytes of `|` or TABs) from turning into millions of objects.
 * Real forms hold a few thousand cells; a flat budget-system export a few hundred thousand at most.
 */
export const MAX_ITEMS = 500_000;
export const MAX_ROW_CELLS = 2_000;

export function tooLarge(detail: Detail): PerfgoalError {
  return new PerfgoalError("PG-E-TOO-LARGE", detail);
}

/** Throw when one row holds more cells than any real table has columns. */
export function checkRowWidth(cells: number, line: number): void {
  if (cells > MAX_ROW_CELLS) throw tooLarge({ zh: `第${line}行超过 ${MAX_ROW_CELLS} 个单元格`, en: `line ${line} holds more than ${MAX_ROW_CELLS} cells` });
}

/** Collects blocks in reading order, numbers tables 1, 2, … and counts cells and paragraphs against MAX_ITEMS. */
export class BlockSink {
  readonly blocks: Block[] = [];
  private tables = 0;
  private items = 0;

  /** A non-blank line outside any table (title, 附件2：, 填报单位 line, signatures). */
  paragraph(text: string, line: number): void {
    const t = text.trim();
    if (t === "") return;
    this.take(1);
    this.blocks.push({ kind: "paragraph", text: t, loc: { kind: "line", line } });
  }

  /** A text cell at a 1-based line and column. */
  cell(text: string, line: number, col?: number): GridCell {
    this.take(1);
    return this.counted(text, line, col);
  }

  /** A cell whose raw text was already counted with take(). */
  counted(text: string, line: number, col?: number): GridCell {
    return cell(text, col === undefined ? { kind: "line", line } : { kind: "line", line, col });
  }

  table(rows: GridCell[][]): void {
    if (rows.length === 0) return;
    const width = rows.reduce((w, r) => Math.max(w, r.length), 0);
    // Padding ragged rows to the widest one must stay within the limit too.
    this.take(rows.length * width - rows.reduce((n, r) => n + r.length, 0));
    this.blocks.push({ kind: "table", table: tableFromRows(++this.tables, rows, false) });
  }

  /** Count items made outside the sink (raw cells gathered before rows are known). */
  take(n: number): void {
    this.items += n;
    if (this.items > MAX_ITEMS) throw tooLarge({ zh: `表格单元格与段落超过 ${MAX_ITEMS} 个`, en: `more than ${MAX_ITEMS} table cells and paragraphs` });
  }

  get tableCount(): number {
    return this.tables;
  }
}
