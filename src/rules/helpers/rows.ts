import type { Form, IndicatorRow } from "../../model/form.js";

export type TableName = "annual" | "longTerm";

export interface RowEntry {
  row: IndicatorRow;
  /** `indicators.annual[3]` */
  path: string;
  table: TableName;
}

/** Every row of both tables, placeholders included (rules about blank rows need them). */
export function allRows(form: Form): RowEntry[] {
  const out: RowEntry[] = [];
  for (const table of ["annual", "longTerm"] as const) {
    (form.indicators[table] ?? []).forEach((row, i) => out.push({ row, path: `indicators.${table}[${i}]`, table }));
  }
  return out;
}

/** Group entries by a key, keeping first-seen order. */
export function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = groups.get(k);
    if (list) list.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}
