import type { IndicatorRow } from "../model/form.js";

/** A cell merged down `span` rows, starting at row `start` (0-based, within the indicator rows). */
export interface MergeRun {
  start: number;
  span: number;
}

/** Consecutive rows with the same key, as merge runs covering every row once. */
export function mergeRuns<T>(items: readonly T[], key: (item: T) => string): MergeRun[] {
  const runs: MergeRun[] = [];
  // Each key built once: rebuilding a run's key for every row cost seconds on a megabyte 一级.
  const keys = items.map(key);
  items.forEach((_item, i) => {
    const last = runs[runs.length - 1];
    if (last && keys[last.start] === keys[i]) last.span++;
    else runs.push({ start: i, span: 1 });
  });
  return runs;
}

/** A row that holds nothing but its 一级 and 二级: an empty placeholder kept from the form. */
export function isBareRow(row: IndicatorRow): boolean {
  const { tier1: _t1, tier2: _t2, value, ...rest } = row;
  return value.raw.trim() === "" && Object.values(rest).every((v) => v === undefined || String(v).trim() === "");
}

/**
 * 一级 merged over its rows; 二级 merged over its rows within the same 一级. A bare placeholder row
 * keeps a 二级 cell of its own: merged into its neighbour it would read back as nothing at all.
 */
export function tierMerges(rows: readonly IndicatorRow[]): { tier1: MergeRun[]; tier2: MergeRun[] } {
  const indexed = rows.map((row, i) => ({ row, i }));
  return {
    tier1: mergeRuns(rows, (r) => r.tier1),
    tier2: mergeRuns(indexed, ({ row, i }) => `${row.tier1}\u0000${row.tier2}${isBareRow(row) ? `\u0000${i}` : ""}`),
  };
}

/** Where each run starts: row index → span (rows inside a run are absent). */
export function runStarts(runs: readonly MergeRun[]): Map<number, number> {
  return new Map(runs.map((r) => [r.start, r.span]));
}
