import type { Form, IndicatorRow } from "./form.js";

/** A placeholder row names a 二级 but has no 三级 and no value: kept, but not an indicator. */
export function isPlaceholder(row: IndicatorRow): boolean {
  return row.tier3.trim() === "" && row.value.raw.trim() === "";
}

/** All rows that are real indicators (annual first, then long-term), with their model paths. */
export function indicatorEntries(form: Form): { row: IndicatorRow; path: string; table: "annual" | "longTerm" }[] {
  const out: { row: IndicatorRow; path: string; table: "annual" | "longTerm" }[] = [];
  for (const table of ["annual", "longTerm"] as const) {
    (form.indicators[table] ?? []).forEach((row, i) => {
      if (!isPlaceholder(row)) out.push({ row, path: `indicators.${table}[${i}]`, table });
    });
  }
  return out;
}
