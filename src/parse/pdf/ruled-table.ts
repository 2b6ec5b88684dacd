import type { Rule, TextRun } from "./page-content.js";

/** Rules this close (points) are one line; ends this close meet. */
const SNAP = 1.5;

/**
 * A table found from its ruling lines: column edges `xs` (left to right), row edges `ys` (top
 * to bottom, page space) and the cells as regions of the grid they span.
 */
export interface RuledTable {
  xs: number[];
  ys: number[];
  regions: Region[];
}

/** A cell: rows r0..r1-1 and columns c0..c1-1 of its table's grid, and the runs drawn inside it. */
export interface Region {
  r0: number;
  r1: number;
  c0: number;
  c1: number;
  runs: TextRun[];
}

/** The tables ruled on a page, top first, and the runs that fall in none of them. */
export function ruledTables(rules: readonly Rule[], runs: readonly TextRun[]): { tables: RuledTable[]; outside: TextRun[] } {
  const merged = mergeCollinear(rules);
  const tables = components(merged)
    .map(gridOf)
    .filter((t): t is RuledTable => t !== undefined)
    .sort((a, b) => b.ys[0]! - a.ys[0]!);
  const outside: TextRun[] = [];
  for (const run of runs) {
    const px = run.x + Math.min(run.width, run.size) / 2;
    const py = run.y + run.size * 0.3;
    if (!tables.some((t) => place(t, px, py, run))) outside.push(run);
  }
  return { tables, outside };
}

/** Put a run in the cell holding the point; false when no table of this page holds it. */
function place(table: RuledTable, px: number, py: number, run: TextRun): boolean {
  const { xs, ys } = table;
  if (px < xs[0]! || px > xs[xs.length - 1]! || py > ys[0]! || py < ys[ys.length - 1]!) return false;
  let c = 0;
  while (c < xs.length - 2 && px >= xs[c + 1]!) c++;
  let r = 0;
  while (r < ys.length - 2 && py <= ys[r + 1]!) r++;
  const region = table.regions.find((g) => g.r0 <= r && r < g.r1 && g.c0 <= c && c < g.c1);
  region?.runs.push(run);
  return region !== undefined;
}

/** Overlapping or touching rules on one line become one rule. */
function mergeCollinear(rules: readonly Rule[]): Rule[] {
  const out: Rule[] = [];
  for (const dir of ["h", "v"] as const) {
    const sorted = rules.filter((r) => r.dir === dir).sort((a, b) => a.at - b.at || a.from - b.from);
    const lines: Rule[][] = [];
    for (const rule of sorted) {
      const line = lines[lines.length - 1];
      if (line && Math.abs(line[0]!.at - rule.at) <= SNAP) line.push(rule);
      else lines.push([rule]);
    }
    for (const line of lines) {
      const at = line.reduce((s, r) => s + r.at, 0) / line.length;
      const spans = [...line].sort((a, b) => a.from - b.from);
      let cur: Rule | undefined;
      for (const r of spans) {
        if (cur && r.from <= cur.to + SNAP) cur.to = Math.max(cur.to, r.to);
        else {
          if (cur) out.push(cur);
          cur = { dir, at, from: r.from, to: r.to };
        }
      }
      if (cur) out.push(cur);
    }
  }
  return out;
}

function crosses(h: Rule, v: Rule): boolean {
  return v.at >= h.from - SNAP && v.at <= h.to + SNAP && h.at >= v.from - SNAP && h.at <= v.to + SNAP;
}

/** Rules that meet, directly or through others: one table each. */
function components(rules: Rule[]): Rule[][] {
  const parent = rules.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  const hs = rules.map((r, i) => [r, i] as const).filter(([r]) => r.dir === "h");
  const vs = rules.map((r, i) => [r, i] as const).filter(([r]) => r.dir === "v");
  for (const [h, i] of hs) for (const [v, j] of vs) if (crosses(h, v)) parent[find(i)] = find(j);
  const groups = new Map<number, Rule[]>();
  rules.forEach((r, i) => {
    const root = find(i);
    groups.set(root, [...(groups.get(root) ?? []), r]);
  });
  return [...groups.values()];
}

/** Distinct positions, within SNAP of each other taken as one. */
function edges(values: number[]): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  const out: number[] = [];
  for (const v of sorted) if (out.length === 0 || v - out[out.length - 1]! > SNAP) out.push(v);
  return out;
}

/** Does a rule of `dir` at `at` cover the stretch from a to b (most of it)? */
function covered(rules: Rule[], dir: "h" | "v", at: number, a: number, b: number): boolean {
  const lo = Math.min(a, b);
  const hi = Math.max(a, b);
  const need = (hi - lo) * 0.5;
  let got = 0;
  for (const r of rules) {
    if (r.dir !== dir || Math.abs(r.at - at) > SNAP) continue;
    got += Math.max(0, Math.min(hi, r.to) - Math.max(lo, r.from));
  }
  return got > need;
}

/**
 * The grid of a set of rules: every distinct x of a vertical rule is a column edge, every
 * distinct y of a horizontal one a row edge; a cell extends right while no rule separates it
 * from its neighbour, and down likewise: a merged cell.
 */
function gridOf(rules: Rule[]): RuledTable | undefined {
  const xs = edges(rules.filter((r) => r.dir === "v").map((r) => r.at));
  const ys = edges(rules.filter((r) => r.dir === "h").map((r) => r.at)).reverse();
  if (xs.length < 2 || ys.length < 2) return undefined;
  const rows = ys.length - 1;
  const cols = xs.length - 1;
  const wallRight = (r: number, c: number) => covered(rules, "v", xs[c + 1]!, ys[r]!, ys[r + 1]!);
  const wallBelow = (r: number, c: number) => covered(rules, "h", ys[r + 1]!, xs[c]!, xs[c + 1]!);
  const taken: boolean[][] = Array.from({ length: rows }, () => new Array<boolean>(cols).fill(false));
  const regions: Region[] = [];
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      if (taken[r]![c]) continue;
      let c1 = c + 1;
      while (c1 < cols && !taken[r]![c1] && !wallRight(r, c1 - 1)) c1++;
      let r1 = r + 1;
      const open = (row: number) => {
        for (let k = c; k < c1; k++) if (wallBelow(row - 1, k) || taken[row]![k]) return false;
        return true;
      };
      while (r1 < rows && open(r1)) r1++;
      for (let rr = r; rr < r1; rr++) for (let cc = c; cc < c1; cc++) taken[rr]![cc] = true;
      regions.push({ r0: r, r1, c0: c, c1, runs: [] });
    }
  }
  return { xs, ys, regions };
}
