import { emWidth } from "./typography.js";

/** What the width of a column is chosen from. */
export interface ColumnContent {
  /** `fixed`: exactly `em` wide; `category`/`short`: as wide as the content within bounds; `text`: shares what is left. */
  sizing: "fixed" | "category" | "short" | "text";
  /** Header and cell texts (lines split on "\n"). */
  texts: readonly string[];
  /** For `fixed` columns. */
  em?: number;
  /** `texts[0]` is a column header, which may wrap onto two lines rather than widen the column. */
  headed?: boolean;
}

export interface WidthMetrics {
  /** Twips per em of table text (10.5 pt → 210). */
  em: number;
  /** Left + right cell margins, in twips. */
  padding: number;
}

/**
 * Category columns (一级/二级) hold at most four characters a line: their cells are merged over
 * many rows, so a longer name wraps at no cost in height, and the room goes to the text columns.
 */
const BOUNDS = { category: [3, 4], short: [2, 6], text: [3, 40] } as const;
/** How narrow a category or short column may be squeezed when the columns do not fit. */
const FLOOR_EM = 2;

/** The widest line of a column, in ems. */
function naturalEm(texts: readonly string[]): number {
  let w = 0;
  for (const t of texts) for (const line of t.split("\n")) w = Math.max(w, emWidth(line));
  return w;
}

const clamp = (x: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, x));

/** The width a category or short column asks for, in ems. */
function wantedEm(c: ColumnContent): number {
  const body = c.headed ? c.texts.slice(1) : c.texts;
  const header = c.headed ? Math.ceil(emWidth(c.texts[0] ?? "") / 2) : 0;
  return Math.max(naturalEm(body), header);
}

/** Room for a line of labels in a font slightly wider than its nominal em. */
const SLACK_EM = 0.6;

/**
 * Column widths (twips) that add up to `total`. Category and short columns are as wide as their
 * longest entry within bounds. Text columns start narrow and are widened, one em at a time, where
 * that saves the most table height (rows are as tall as their tallest cell); what is left when no
 * widening helps any more is shared out in proportion. `texts[r]` of every column is row `r`.
 */
export function fitColumnWidths(columns: readonly ColumnContent[], total: number, m: WidthMetrics): number[] {
  const twips = (em: number): number => Math.ceil(em * m.em + m.padding);
  const widths: number[] = columns.map((c) => {
    if (c.sizing === "fixed") return twips((c.em ?? 4) + SLACK_EM);
    if (c.sizing === "text") return twips(BOUNDS.text[0] + SLACK_EM);
    const [lo, hi] = BOUNDS[c.sizing];
    return twips(clamp(Math.ceil(wantedEm(c) * 2) / 2, lo, hi) + SLACK_EM);
  });
  const textIdx = columns.flatMap((c, i) => (c.sizing === "text" ? [i] : []));
  squeeze(widths, columns, total, twips(FLOOR_EM + SLACK_EM));
  let left = total - widths.reduce((a, b) => a + b, 0);

  // Line widths (ems) of every cell, measured once; a width then only divides them.
  const rowCount = Math.max(0, ...columns.map((c) => c.texts.length));
  const cellLines = columns.map((c) => Array.from({ length: rowCount }, (_, r) => (c.texts[r] ?? "").split("\n").map(emWidth)));
  // The widening below tries the same widths of a column again and again: each is counted once.
  const counted = columns.map(() => new Map<number, Int32Array>());
  const linesAt = (i: number, width: number): Int32Array => {
    let lines = counted[i]!.get(width);
    if (lines === undefined) {
      const perLine = Math.max(1, (width - m.padding) / m.em);
      const cells = cellLines[i]!;
      lines = new Int32Array(rowCount);
      for (let r = 0; r < rowCount; r++) {
        let n = 0;
        for (const w of cells[r]!) n += Math.max(1, Math.ceil(w / perLine));
        lines[r] = n;
      }
      counted[i]!.set(width, lines);
    }
    return lines;
  };
  const lines = widths.map((w, i) => linesAt(i, w));

  // Greedy widening with look-ahead: the best height saved per em over the next few ems.
  const step = m.em;
  const LOOK_AHEAD = 12;
  while (left >= step && textIdx.length > 0) {
    let best: { i: number; k: number; gain: number; lines: Int32Array } | undefined;
    for (const i of textIdx) {
      // The rest of the row's height, without column i.
      const others = new Int32Array(rowCount).fill(1);
      lines.forEach((l, j) => {
        if (j !== i) for (let r = 0; r < rowCount; r++) if (l[r]! > others[r]!) others[r] = l[r]!;
      });
      const mine = lines[i]!;
      for (let k = 1; k <= LOOK_AHEAD && k * step <= left; k++) {
        const trial = linesAt(i, widths[i]! + k * step);
        let saved = 0;
        for (let r = 0; r < rowCount; r++) saved += Math.max(others[r]!, mine[r]!) - Math.max(others[r]!, trial[r]!);
        const gain = saved / k;
        if (gain > 0 && (!best || gain > best.gain)) best = { i, k, gain, lines: trial };
      }
    }
    if (!best) break;
    widths[best.i] = widths[best.i]! + best.k * step;
    lines[best.i] = best.lines;
    left -= best.k * step;
  }

  // Room to spare: widen the text columns in proportion, or every column if there are none.
  const spreadOver = textIdx.length > 0 ? textIdx : columns.map((_, i) => i);
  if (left > 0 && spreadOver.length > 0) {
    const base = spreadOver.reduce((a, i) => a + widths[i]!, 0);
    for (const i of spreadOver) widths[i] = widths[i]! + (base > 0 ? (left * widths[i]!) / base : left / spreadOver.length);
  }
  return scaleTo(widths, total);
}

/**
 * Too many columns for the page: narrow the category and short columns (towards `floor`, each in
 * proportion to what it has above it) before the text columns lose their minimum.
 */
function squeeze(widths: number[], columns: readonly ColumnContent[], total: number, floor: number): void {
  const over = widths.reduce((a, b) => a + b, 0) - total;
  if (over <= 0) return;
  const squeezable = columns.flatMap((c, i) => (c.sizing === "category" || c.sizing === "short" ? [i] : []));
  const room = squeezable.reduce((a, i) => a + Math.max(0, widths[i]! - floor), 0);
  if (room <= 0) return;
  const share = Math.min(1, over / room);
  for (const i of squeezable) widths[i] = widths[i]! - Math.max(0, widths[i]! - floor) * share;
}

/** Integer widths summing exactly to `total` (scaled down when the minimums do not fit). */
export function scaleTo(widths: readonly number[], total: number): number[] {
  const sum = widths.reduce((a, b) => a + b, 0);
  const scaled = widths.map((w) => Math.max(1, Math.floor(sum > 0 ? (w * total) / sum : total / widths.length)));
  const diff = total - scaled.reduce((a, b) => a + b, 0);
  if (scaled.length > 0) {
    const widest = scaled.indexOf(Math.max(...scaled));
    scaled[widest] = scaled[widest]! + diff;
  }
  return scaled;
}

/** Lines a text needs in a column `width` twips wide. */
export function linesIn(text: string, width: number, m: WidthMetrics): number {
  const perLine = Math.max(1, (width - m.padding) / m.em);
  return text.split("\n").reduce((n, line) => n + Math.max(1, Math.ceil(emWidth(line) / perLine)), 0);
}
