import type { IndicatorRow } from "../model/form.js";
import { columnHeader } from "./labels.js";
import type { RenderLayout } from "./layout.js";

/** An indicator-table column: its header and how a row fills it. */
export interface IndicatorColumn {
  key: "tier1" | "tier2" | "tier3" | "comparison" | "value" | "unit" | "standard" | "weight" | "direction" | "valueType" | "scoringRule" | "note";
  header: string;
  /** How the width is chosen: `category` columns hold 一级/二级 names, `short` a word or number, `text` free text. */
  sizing: "category" | "short" | "text";
  text: (row: IndicatorRow) => string;
}

const opt = (s: string | undefined): string => s ?? "";

const TIER1: IndicatorColumn = { key: "tier1", header: columnHeader("tier1", "一级指标"), sizing: "category", text: (r) => r.tier1 };
const TIER2: IndicatorColumn = { key: "tier2", header: columnHeader("tier2", "二级指标"), sizing: "category", text: (r) => r.tier2 };
const TIER3: IndicatorColumn = { key: "tier3", header: columnHeader("tier3", "三级指标"), sizing: "text", text: (r) => r.tier3 };
const CONTENT: IndicatorColumn = { ...TIER3, header: columnHeader("tier3", "指标内容") };
const COMPARISON: IndicatorColumn = { key: "comparison", header: columnHeader("comparison", "指标性质"), sizing: "short", text: (r) => opt(r.comparison) };
const VALUE_AND_UNIT: IndicatorColumn = { key: "value", header: columnHeader("value", "指标值及单位"), sizing: "text", text: (r) => r.value.raw };
const VALUE: IndicatorColumn = { ...VALUE_AND_UNIT, header: columnHeader("value", "指标值") };
const UNIT: IndicatorColumn = { key: "unit", header: columnHeader("unit", "度量单位"), sizing: "short", text: (r) => opt(r.unit) };
const STANDARD: IndicatorColumn = { key: "standard", header: columnHeader("standard", "绩效标准"), sizing: "text", text: (r) => opt(r.standard) };
const WEIGHT: IndicatorColumn = {
  key: "weight",
  header: columnHeader("weight", "权重"),
  sizing: "short",
  text: (r) => (r.weight === undefined ? "" : String(r.weight)),
};
const DIRECTION: IndicatorColumn = { key: "direction", header: columnHeader("direction", "指标方向性"), sizing: "short", text: (r) => opt(r.direction) };
const VALUE_TYPE: IndicatorColumn = { key: "valueType", header: columnHeader("valueType", "指标值类型"), sizing: "short", text: (r) => opt(r.valueType) };
const SCORING: IndicatorColumn = { key: "scoringRule", header: columnHeader("scoringRule", "评(扣)分标准"), sizing: "text", text: (r) => opt(r.scoringRule) };
const NOTE: IndicatorColumn = { key: "note", header: columnHeader("note", "备注"), sizing: "text", text: (r) => opt(r.note) };

/** The columns each layout always prints. */
const BASE: Record<RenderLayout, readonly IndicatorColumn[]> = {
  L1: [TIER1, TIER2, TIER3, VALUE_AND_UNIT, STANDARD],
  L2: [TIER1, TIER2, CONTENT, VALUE, NOTE],
  L5: [TIER1, TIER2, TIER3, VALUE],
};

/** Every column in print order; optional ones appear when some row of the table fills them. */
const ORDER: readonly IndicatorColumn["key"][] = [
  "tier1", "tier2", "tier3", "comparison", "value", "unit", "standard", "weight", "direction", "valueType", "scoringRule", "note",
];
const OPTIONAL: Partial<Record<IndicatorColumn["key"], IndicatorColumn>> = {
  comparison: COMPARISON,
  unit: UNIT,
  standard: STANDARD,
  weight: WEIGHT,
  direction: DIRECTION,
  valueType: VALUE_TYPE,
  scoringRule: SCORING,
  note: NOTE,
};

/** The columns of one indicator table: the layout's own, plus any other column a row fills (nothing is dropped). */
export function indicatorColumns(rows: readonly IndicatorRow[], layout: RenderLayout): IndicatorColumn[] {
  const base = BASE[layout];
  const chosen = new Map(base.map((c) => [c.key, c]));
  for (const [key, column] of Object.entries(OPTIONAL) as [IndicatorColumn["key"], IndicatorColumn][]) {
    if (!chosen.has(key) && rows.some((r) => column.text(r) !== "")) chosen.set(key, column);
  }
  return ORDER.filter((k) => chosen.has(k)).map((k) => chosen.get(k)!);
}
