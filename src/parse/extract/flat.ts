/**
 * Flat budget-system exports (L6): one row per indicator, the project named on every row
 * (or merged down), several projects in one table, department subtotal rows in between.
 */
import type { Location } from "../../model/location.js";
import type { FlatColumnKey } from "../../model/terms.js";
import type { Table } from "../document.js";
import type { IndicatorHeader } from "./columns.js";
import { columnText } from "./grid.js";
import type { ExtractedRow } from "./indicators.js";
import { cleanText } from "./text.js";

export type FlatValues = Partial<Record<FlatColumnKey, { value: string; loc: Location }>>;

export interface FlatProject {
  fields: FlatValues;
  rows: ExtractedRow[];
}

const DEPARTMENT_KEYS: FlatColumnKey[] = ["department", "departmentCode"];

/** Group the block's rows by the project each table row names (empty cells carry the row above). */
export function groupFlatRows(table: Table, header: IndicatorHeader, rows: ExtractedRow[], endRow: number): FlatProject[] {
  const byRow = new Map<number, ExtractedRow[]>();
  for (const row of rows) byRow.set(row.tableRow, [...(byRow.get(row.tableRow) ?? []), row]);
  const projects: FlatProject[] = [];
  let carried: FlatValues = {};
  let current: FlatProject | undefined;
  for (let r = header.row + 1; r < endRow; r++) {
    const own: FlatValues = {};
    for (const { col, key } of header.flat) {
      const { text, cell } = columnText(table, r, col);
      const t = cleanText(text);
      if (t !== "") own[key] = { value: t, loc: cell.loc };
    }
    const indicators = byRow.get(r) ?? [];
    if (indicators.length === 0) {
      // A subtotal or blank row: it may name the next department, never a project.
      if (DEPARTMENT_KEYS.some((k) => own[k])) carried = pick(own, DEPARTMENT_KEYS);
      current = undefined;
      continue;
    }
    const deptChanged = DEPARTMENT_KEYS.some((k) => own[k] !== undefined && own[k].value !== carried[k]?.value);
    const nameChanged = own.projectName !== undefined && own.projectName.value !== carried.projectName?.value;
    if (deptChanged || nameChanged || !current) {
      carried = { ...(deptChanged ? {} : pick(carried, DEPARTMENT_KEYS)), ...own };
      current = { fields: {}, rows: [] };
      projects.push(current);
    } else carried = { ...carried, ...own };
    for (const [k, v] of Object.entries(carried) as [FlatColumnKey, { value: string; loc: Location }][]) current.fields[k] ??= v;
    current.rows.push(...indicators);
  }
  return projects;
}

function pick(values: FlatValues, keys: FlatColumnKey[]): FlatValues {
  const out: FlatValues = {};
  for (const k of keys) if (values[k]) out[k] = values[k];
  return out;
}
