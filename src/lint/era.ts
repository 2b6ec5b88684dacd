import type { Form, IndicatorRow } from "../model/form.js";
import { TIER1, TIER2 } from "../model/terms.js";
import type { TaxonomyEra } from "../rules/types.js";
import type { EraSource, LintConfig } from "./types.js";

/** 二级 names that exist only in the 财预〔2021〕101号 taxonomy (era B). */
const ERA_B_TIER2: readonly string[] = [TIER2.economicCost, TIER2.socialCost, TIER2.ecologicalCost];

/** Label as compared: no spaces, no parenthetical remark such as `（必填硬性指标）`. */
function label(text: string): string {
  return text.replace(/[(（][^()（）]*[)）]/g, "").replace(/\s+/g, "");
}

function allRows(form: Form): IndicatorRow[] {
  return [...form.indicators.annual, ...(form.indicators.longTerm ?? [])];
}

/**
 * The era a form shows by itself: B when cost is a 一级 or a 101号 cost 二级 appears,
 * A when 成本指标 sits under 产出指标; undefined when the rows say neither.
 * Placeholder rows count: an empty 经济成本指标 row still shows the B template.
 */
export function detectEra(form: Form): TaxonomyEra | undefined {
  const rows = allRows(form);
  if (rows.some((r) => label(r.tier1) === TIER1.cost || ERA_B_TIER2.includes(label(r.tier2)))) return "B";
  if (rows.some((r) => label(r.tier1) === TIER1.output && label(r.tier2) === TIER2.cost)) return "A";
  return undefined;
}

/** Detected era, else the configured one, else A; `detectEra: false` makes the configured era win. */
export function resolveEra(form: Form, config: LintConfig = {}): { era: TaxonomyEra; source: EraSource } {
  if (config.detectEra === false && config.era) return { era: config.era, source: "forced" };
  const detected = detectEra(form);
  if (detected) return { era: detected, source: "detected" };
  if (config.era) return { era: config.era, source: "config" };
  return { era: "A", source: "default" };
}
