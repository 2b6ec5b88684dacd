import type { GridCell } from "../document.js";
import type { BlockSink } from "./blocks.js";

/** The most frequent row width (ties go to the wider one). */
export function modalWidth(widths: readonly number[]): number {
  const counts = new Map<number, number>();
  let best = 0;
  let bestCount = 0;
  for (const w of widths) {
    const n = (counts.get(w) ?? 0) + 1;
    counts.set(w, n);
    if (n > bestCount || (n === bestCount && w > best)) {
      best = w;
      bestCount = n;
    }
  }
  return best;
}

/**
 * Text that leaves out cells covered by a row span (web copies, PDF text) gives short rows. Above the
 * first full-width row, short rows are header rows whose cells span columns: keep them left-aligned.
 * From the first full-width row on, spans cover the leading columns (一级/二级 indicator labels),
 * so short rows are right-aligned by putting empty cells in front.
 */
export function rightAlignBodyRows(rows: GridCell[][], width: number, sink: BlockSink): GridCell[][] {
  let body = false;
  return rows.map((row) => {
    if (row.length >= width) {
      body = true;
      return row;
    }
    if (!body || row.length === 0) return row;
    const first = row[0]!.loc;
    const line = first.kind === "line" ? first.line : 0;
    const pad = Array.from({ length: width - row.length }, () => sink.cell("", line));
    return [...pad, ...row];
  });
}
