/**
 * Indicator-table column headers: which canonical column a header names, which period
 * (年度 / 长期) it belongs to, and whether a row of a table is an indicator header row.
 */
import { COLUMN_HEADERS, FLAT_EXPORT_COLUMNS, INDICATOR_BLOCK_LABELS, LAYOUT_WORDS, type ColumnKey, type FlatColumnKey } from "../../model/terms.js";
import type { Table } from "../document.js";
import { unitInLabel } from "./field-values.js";
import { columnText, tableWidth } from "./grid.js";
import { normaliseLabel, withoutTrailingParens } from "./text.js";
import { remembering } from "../../util/remember.js";

export type PeriodKind = "annual" | "longTerm";

export type ColumnHit =
  | { kind: "indicator"; key: ColumnKey; period?: PeriodKind }
  | { kind: "flat"; key: FlatColumnKey }
  | { kind: "block"; period: PeriodKind };

const indicatorHeaders = new Map<string, ColumnKey>();
for (const [key, names] of Object.entries(COLUMN_HEADERS) as [ColumnKey, readonly string[]][]) {
  for (const name of names) if (!indicatorHeaders.has(normaliseLabel(name))) indicatorHeaders.set(normaliseLabel(name), key);
}
const flatHeaders = new Map<string, FlatColumnKey>();
for (const [key, names] of Object.entries(FLAT_EXPORT_COLUMNS) as [FlatColumnKey, readonly string[]][]) {
  for (const name of names) flatHeaders.set(normaliseLabel(name), key);
}

/** Longer text is never a column header or block label; not normalising it keeps huge cells cheap. */
const MAX_HEADER_TEXT = 200;

/** `本年度绩效指标`, `长期绩效指标`, `年度绩效目标(90分)` → the table they open. */
export function blockLabelPeriod(text: string): PeriodKind | undefined {
  if (text.length > MAX_HEADER_TEXT) return undefined;
  const n = normaliseLabel(text);
  for (const candidate of [n, withoutTrailingParens(n)]) {
    if ((INDICATOR_BLOCK_LABELS.longTerm as readonly string[]).includes(candidate)) return "longTerm";
    if ((INDICATOR_BLOCK_LABELS.annual as readonly string[]).includes(candidate)) return "annual";
  }
  return undefined;
}

/** The period a qualifier names: `长期`, `(年度)`, `实施周期` … */
function qualifierPeriod(text: string): PeriodKind | undefined {
  if (LAYOUT_WORDS.periodQualifiers.longTerm.some((w) => text.includes(w))) return "longTerm";
  if (LAYOUT_WORDS.periodQualifiers.annual.some((w) => text.includes(w))) return "annual";
  return undefined;
}

function stripLeadingQualifier(text: string): { rest: string; period?: PeriodKind } {
  for (const period of ["longTerm", "annual"] as const) {
    for (const w of LAYOUT_WORDS.periodQualifiers[period]) if (text.startsWith(w)) return { rest: text.slice(w.length), period };
  }
  return { rest: text };
}

/** What a header cell names, if anything. */
export function lookupColumn(text: string): ColumnHit | undefined {
  if (text.length > MAX_HEADER_TEXT) return undefined;
  return rememberedColumn(text);
}

// Every row of every table is tried as a header: remember what each cell text names.
const rememberedColumn = remembering((text): ColumnHit | undefined => {
  const hit = findColumn(text);
  return hit && Object.freeze(hit);
}, { max: 20_000 });

function findColumn(text: string): ColumnHit | undefined {
  const n = normaliseLabel(text);
  if (n === "") return undefined;
  const exact = indicatorHeaders.get(n);
  if (exact) return { kind: "indicator", key: exact, ...periodOf(n) };
  const flat = flatHeaders.get(n) ?? flatHeaders.get(withoutTrailingParens(n));
  if (flat) return { kind: "flat", key: flat };
  const block = blockLabelPeriod(n);
  if (block) return { kind: "block", period: block };
  const bare = withoutTrailingParens(n);
  const qualifier = n.slice(bare.length);
  const inParens = indicatorHeaders.get(bare);
  if (inParens) return { kind: "indicator", key: inParens, ...periodOf(qualifier) };
  const lead = stripLeadingQualifier(bare);
  const afterLead = indicatorHeaders.get(lead.rest);
  if (afterLead && lead.period) return { kind: "indicator", key: afterLead, period: lead.period };
  return undefined;
}

/** Period of an exactly matched header (`年度目标值`) or of a bracketed qualifier (`(长期)`). */
function periodOf(qualifier: string): { period?: PeriodKind } {
  const p = qualifierPeriod(qualifier);
  return p ? { period: p } : {};
}

export interface ColumnSpec {
  col: number;
  key: ColumnKey;
  period?: PeriodKind;
}

export interface IndicatorHeader {
  /** 0-based row of the header in its table. */
  row: number;
  columns: ColumnSpec[];
  /** Columns of a flat export naming the project (L6). */
  flat: { col: number; key: FlatColumnKey }[];
  /** The period named by a block label on the header row or the row above (`本年度绩效指标`). */
  blockPeriod?: PeriodKind;
  /** First column of the indicator columns; columns left of it hold block labels. */
  firstCol: number;
  /** `预算数(元)`: an amount unit given in a flat header. */
  amountUnit?: "万元" | "元";
  /** The original header texts, for layout detection. */
  headerTexts: string[];
}

const TIERS: ColumnKey[] = ["tier1", "tier2", "tier3"];

/** The indicator header at `row`, or undefined when the row is not one. */
export function detectHeader(table: Table, row: number): IndicatorHeader | undefined {
  const width = tableWidth(table);
  const columns: ColumnSpec[] = [];
  const flat: { col: number; key: FlatColumnKey }[] = [];
  const headerTexts: string[] = [];
  let blockPeriod: PeriodKind | undefined;
  let amountUnit: "万元" | "元" | undefined;
  let ownHits = 0;
  for (let c = 0; c < width; c++) {
    let text = columnText(table, row, c).text;
    let hit = lookupColumn(text);
    let fromAbove = false;
    if (!hit && text.trim() === "" && row > 0) {
      // Two-row headers read from text lose the vertical merge: take the header from above.
      const above = columnText(table, row - 1, c).text;
      const aboveHit = lookupColumn(above);
      if (aboveHit?.kind === "indicator") {
        text = above;
        hit = aboveHit;
        fromAbove = true;
      }
    }
    if (!hit) continue;
    headerTexts.push(text);
    if (hit.kind === "indicator") {
      // `绩效指标` is both a 三级 header and a block label: left of another 三级 column it is the label.
      const twin = columns.find((x) => x.key === hit.key && x.period === hit.period);
      const twinText = twin ? columnText(table, row, twin.col).text : "";
      if (twin && blockLabelPeriod(twinText)) {
        columns.splice(columns.indexOf(twin), 1);
        blockPeriod ??= blockLabelPeriod(twinText);
      }
      columns.push({ col: c, key: hit.key, ...(hit.period ? { period: hit.period } : {}) });
      if (!fromAbove) ownHits++;
    }
    else if (hit.kind === "flat") {
      flat.push({ col: c, key: hit.key });
      amountUnit ??= unitInLabel(text);
    } else blockPeriod ??= hit.period;
  }
  const keys = new Set(columns.map((c) => c.key));
  // Headers borrowed from the row above complete a two-row header; they never make one alone.
  if (!keys.has("value") || !TIERS.some((k) => keys.has(k)) || columns.length < 3 || ownHits < 2) return undefined;
  applyGroupPeriods(table, row, columns);
  const firstCol = Math.min(...columns.map((c) => c.col), ...flat.map((f) => f.col));
  return { row, columns, flat, ...(blockPeriod ? { blockPeriod } : {}), firstCol, ...(amountUnit ? { amountUnit } : {}), headerTexts };
}

/**
 * Side-by-side groups (`长期绩效指标` over one set of 二级/三级/指标值 columns and `年度绩效指标`
 * over another): a group header in the row above gives each column below it its period.
 */
function applyGroupPeriods(table: Table, row: number, columns: ColumnSpec[]): void {
  if (row === 0) return;
  const width = tableWidth(table);
  const groups: (PeriodKind | undefined)[] = [];
  let carried: PeriodKind | undefined;
  for (let c = 0; c < width; c++) {
    const { text } = columnText(table, row - 1, c);
    const horizontal = table.rows[row - 1]?.[c];
    const continues = horizontal?.covered === true && horizontal.originRow === row && horizontal.originCol - 1 < c;
    if (text.trim() !== "") carried = blockLabelPeriod(text);
    else if (!continues && table.mergesKnown) carried = undefined;
    groups[c] = text.trim() !== "" || continues || !table.mergesKnown ? carried : undefined;
  }
  const distinct = new Set(groups.filter((g) => g !== undefined));
  if (distinct.size < 2) return;
  for (const spec of columns) {
    const g = groups[spec.col];
    if (g && !spec.period && spec.key !== "tier1") spec.period = g;
  }
}
