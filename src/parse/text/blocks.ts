import { cell, tableFromRows, type Block, type GridCell } from "../document.js";

/** Collects blocks in reading order and numbers tables 1, 2, … as they come. */
export class BlockSink {
  readonly blocks: Block[] = [];
  private tables = 0;

  /** A non-blank line outside any table (title, 附件2：, 填报单位 line, signatures). */
  paragraph(text: string, line: number): void {
    const t = text.trim();
    if (t !== "") this.blocks.push({ kind: "paragraph", text: t, loc: { kind: "line", line } });
  }

  table(rows: GridCell[][]): void {
    if (rows.length === 0) return;
    this.blocks.push({ kind: "table", table: tableFromRows(++this.tables, rows, false) });
  }

  get tableCount(): number {
    return this.tables;
  }
}

/** A text cell at a 1-based line and column. */
export function lineCell(text: string, line: number, col?: number): GridCell {
  return cell(text, col === undefined ? { kind: "line", line } : { kind: "line", line, col });
}
