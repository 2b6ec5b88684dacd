import type { IndicatorRow } from "../model/form.js";

/** A cell merged down `span` rows, starting at row `start` (0-based, within the indicator rows). */
export interface MergeRun {
  start: number;
  span: number;
}

/** Consecutive rows with the same key, as merge runs covering every row once. */
export function mergeRuns<T>(items: readonly T[], key: (item: T) => string): MergeRun[] {
  const runs: MergeRun[] = [];
  items.forEach((item, i) => {
    const last = runs[runs.length - 1];
    if (last && key(items[last.start]!) === key(item)) last.span++;
    else runs.push({ start: i, span: 1 });
  });
  return runs;
}

/** 一级 merged over its rows; 二级 merged over its rows within the same 一级. */
export function tierMerges(rows: readonly IndicatorRow[]): { tier1: MergeRun[]; tier2: MergeRun[] } {
  return {
    tier1: mergeRuns(rows, (r) => r.tier1),
    tier2: mergeRuns(rows, (r) => `${r.tier1}\u0000${r.tier2}`),
  };
}

/** Where each run starts: row index → span (rows inside a run are absent). */
export function runStarts(runs: readonly MergeRun[]): Map<number, number> {
  return new Map(runs.map((r) => [r.start, r.span]));
}
