/**
 * Rows of an indicator block → IndicatorRows: merged 一级/二级 filled down, a lost 一级
 * inferred from its 二级, values parsed, each field's source cell remembered.
 */
import type { IndicatorRow } from "../../model/form.js";
import type { Location } from "../../model/location.js";
import { LAYOUT_WORDS, type ColumnKey } from "../../model/terms.js";
import { parseRowValue } from "../../model/value-parse.js";
import type { Table } from "../document.js";
import { blockLabelPeriod, detectHeader, type IndicatorHeader, type PeriodKind } from "./columns.js";
import { columnText, rowCells, tableWidth } from "./grid.js";
import { lookupLabel } from "./labels.js";
import { parseWeight } from "./numbers.js";
import { cleanText, normaliseLabel } from "./text.js";
import { inferTier1, tierLabel } from "./tiers.js";

/** One extracted row, the table it goes to, and where each of its fields came from. */
export interface ExtractedRow {
  period: PeriodKind;
  row: IndicatorRow;
  locs: Partial<Record<keyof IndicatorRow, Location>>;
  /** 0-based table row, for flat exports that group rows by project. */
  tableRow: number;
}

/** The text of one canonical column in one row, with the cell it came from. */
interface Field {
  text: string;
  loc?: Location;
  /** True when the text was written in this row (not carried by a merge from above). */
  own: boolean;
}

/** Read a column group's fields from a row. */
function readFields(table: Table, row: number, cols: { col: number; key: ColumnKey }[]): Map<ColumnKey, Field> {
  const out = new Map<ColumnKey, Field>();
  for (const { col, key } of cols) {
    const { text, cell, own } = columnText(table, row, col);
    const t = cleanText(text);
    const prev = out.get(key);
    if (prev && prev.text !== "") continue;
    out.set(key, { text: t, loc: cell.loc, own: own && t !== "" });
  }
  return out;
}

/** 一级/二级 carried down, per table: a block continued after a repeated header keeps them. */
export type TierMemory = Map<PeriodKind, { tier1: Field; tier2: Field }>;

export interface BlockResult {
  rows: ExtractedRow[];
  memory: TierMemory;
  /** 0-based row after the block (a terminator, another header, or the table's end). */
  endRow: number;
}

/** True when the row ends the indicator block: a review row, a footnote, or a header-field label. */
function endsBlock(table: Table, row: number, header: IndicatorHeader): boolean {
  const cells = rowCells(table, row).filter((c) => c.text.trim() !== "");
  if (cells.length === 0) return false;
  for (const c of cells) {
    const n = normaliseLabel(c.text);
    if (LAYOUT_WORDS.indicatorBlockEnd.some((w) => n.includes(w))) return true;
  }
  const first = cells[0]!;
  // A row holding only a block label (`年度绩效指标`) opens the next block.
  if (cells.length === 1 && blockLabelPeriod(first.text) !== undefined) return true;
  if (first.col <= header.firstCol && lookupLabel(first.text) !== undefined && blockLabelPeriod(first.text) === undefined) return true;
  // A note written across the whole table (only visible when merges are known).
  const width = tableWidth(table);
  if (table.mergesKnown && cells.length === 1 && first.col === 0 && first.lastCol >= width - 1 && blockLabelPeriod(first.text) === undefined) return true;
  return false;
}

/**
 * Read the block whose header is `header`, starting after it, until the block ends.
 * `period` is the table the block belongs to when its columns do not say otherwise.
 */
export function readBlock(table: Table, header: IndicatorHeader, period: PeriodKind, continued?: TierMemory): BlockResult {
  const groups = columnGroups(header, period);
  const rows: ExtractedRow[] = [];
  const carried: TierMemory = new Map(continued ?? []);
  let current = period;
  let r = header.row + 1;
  for (; r < table.rows.length; r++) {
    if (detectHeader(table, r)) break;
    if (endsBlock(table, r, header)) break;
    // A block label in the left column (`年度绩效指标` after `长期绩效指标`) switches the table.
    for (const c of rowCells(table, r)) {
      if (c.col >= header.firstCol) break;
      const p = blockLabelPeriod(c.text);
      if (p) current = p;
    }
    for (const group of groups) {
      const target = group.period ?? current;
      const fields = readFields(table, r, group.cols);
      const memory = carried.get(target) ?? { tier1: { text: "", own: false }, tier2: { text: "", own: false } };
      const own = group.cols.some(({ col, key }) => group.ownCols.has(col) && fields.get(key)?.own === true);
      if (!own) continue;
      const extracted = toRow(fields, memory, target, r);
      carried.set(target, memory);
      if (extracted) rows.push(extracted);
    }
  }
  return { rows, memory: carried, endRow: r };
}

interface ColumnGroup {
  period?: PeriodKind;
  cols: { col: number; key: ColumnKey }[];
  /** Columns whose text makes a row of this group exist (side-by-side groups ignore the shared 一级). */
  ownCols: Set<number>;
}

/** Shared columns go to every group; columns with their own period form a group each. */
function columnGroups(header: IndicatorHeader, blockPeriod: PeriodKind): ColumnGroup[] {
  const periods = [...new Set(header.columns.map((c) => c.period).filter((p): p is PeriodKind => p !== undefined))];
  const all = new Set(header.columns.map((c) => c.col));
  if (periods.length < 2) return [{ ...(periods[0] && !header.blockPeriod && blockPeriod === "annual" ? { period: periods[0] } : {}), cols: header.columns, ownCols: all }];
  return periods.map((period) => ({
    period,
    cols: header.columns.filter((c) => c.period === undefined || c.period === period),
    ownCols: new Set(header.columns.filter((c) => c.period === period).map((c) => c.col)),
  }));
}

/** Fill down, infer, parse; undefined when the row has nothing of its own. */
function toRow(fields: Map<ColumnKey, Field>, memory: { tier1: Field; tier2: Field }, period: PeriodKind, tableRow: number): ExtractedRow | undefined {
  const get = (k: ColumnKey): Field | undefined => fields.get(k);
  const tier1Cell = get("tier1");
  const tier2Cell = get("tier2");
  const tier3 = get("tier3");
  const value = get("value");
  const ownContent = ["tier3", "value", "standard", "note", "unit", "comparison", "weight"].some((k) => (get(k as ColumnKey)?.text ?? "") !== "");
  const newTier1 = tier1Cell !== undefined && tier1Cell.text !== "";
  const newTier2 = tier2Cell !== undefined && tier2Cell.text !== "";
  if (!ownContent && !newTier1 && !newTier2) return undefined;

  const locs: ExtractedRow["locs"] = {};
  let tier2: string;
  let tier2Loc: Location | undefined;
  if (newTier2) {
    tier2 = tierLabel(tier2Cell.text, 2, tier2Cell.loc);
    tier2Loc = tier2Cell.loc;
  } else if (newTier1 && tier1Cell.own) {
    tier2 = ""; // a new 一级 starts a new 二级 group
  } else {
    tier2 = memory.tier2.text;
    tier2Loc = memory.tier2.loc;
  }
  let tier1: string;
  let tier1Loc: Location | undefined;
  if (newTier1) {
    tier1 = tierLabel(tier1Cell.text, 1, tier1Cell.loc);
    tier1Loc = tier1Cell.loc;
  } else {
    tier1 = inferTier1(memory.tier1.text, tier2);
    tier1Loc = tier1 === memory.tier1.text ? memory.tier1.loc : undefined;
  }
  memory.tier1 = { text: tier1, ...(tier1Loc ? { loc: tier1Loc } : {}), own: false };
  memory.tier2 = { text: tier2, ...(tier2Loc ? { loc: tier2Loc } : {}), own: false };
  if (tier1Loc) locs.tier1 = tier1Loc;
  if (tier2Loc) locs.tier2 = tier2Loc;

  const raw = value?.text ?? "";
  const comparison = optional(get("comparison"));
  const unit = optional(get("unit"), ["-", "—", "/"]);
  const row: IndicatorRow = {
    tier1,
    tier2,
    tier3: tier3?.text ?? "",
    value: parseRowValue(raw, comparison, unit),
  };
  if (tier3?.loc) locs.tier3 = tier3.loc;
  if (value?.loc) locs.value = value.loc;
  const texts: ["standard" | "note" | "unit" | "comparison" | "direction" | "valueType" | "scoringRule", string | undefined][] = [
    ["standard", optional(get("standard"))],
    ["note", optional(get("note"))],
    ["unit", unit],
    ["comparison", comparison],
    ["direction", optional(get("direction"))],
    ["valueType", optional(get("valueType"))],
    ["scoringRule", optional(get("scoringRule"))],
  ];
  for (const [key, text] of texts) {
    if (text === undefined) continue;
    row[key] = text;
    const loc = get(key)?.loc;
    if (loc) locs[key] = loc;
  }
  const weight = parseWeight(get("weight")?.text);
  if (weight !== undefined) {
    row.weight = weight;
    const loc = get("weight")?.loc;
    if (loc) locs.weight = loc;
  }
  return { period, row, locs, tableRow };
}

function optional(field: Field | undefined, blanks: string[] = []): string | undefined {
  const t = field?.text ?? "";
  return t === "" || blanks.includes(t) ? undefined : t;
}

