/**
 * 指标值 as written → typed value. The order of the tests matters: a date is recognised before a
 * number (`2023.07-2024.01` is a period, not a range), one target before prose, and a phrase without
 * digits is a grade when it names a state or a trend (常态化, 有所提升), else prose (a task list).
 * Every step only moves forward through the text, so the parser is linear in the value's length.
 */
import { VALUE_WORDS } from "./terms.js";
import type { IndicatorValue } from "./value.js";
import { isDateValue } from "./value-date.js";
import { parseQuantity } from "./value-quantity.js";
import { coreRegion, isDigit, normaliseChars } from "./value-text.js";
import { kindOfUnit, moneyFactor, toWanYuan } from "./value-unit.js";

function hasDigit(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (isDigit(text[i])) return true;
  return false;
}

/** 约, 左右, 按实际 … anywhere in a sentence, or 余/多 right after a number (`40余场次`). */
function mentionsApproximation(text: string): boolean {
  const words = [...VALUE_WORDS.approximateSuffix, ...VALUE_WORDS.actualOutcome, "约"];
  if (words.some((w) => text.includes(w))) return true;
  for (let i = 1; i < text.length; i++) {
    if (isDigit(text[i - 1]) && (VALUE_WORDS.approximateAfterNumber as readonly string[]).includes(text[i]!)) return true;
  }
  return false;
}

/** A sentence: kind prose, flagged approximate when it defers to 约/按实际. */
function prose(raw: string, text: string): IndicatorValue {
  return mentionsApproximation(text) ? { raw, kind: "prose", approximate: true } : { raw, kind: "prose" };
}

/**
 * Parse a 指标值 as written into its typed form. `raw` is kept exactly; the other fields are derived.
 * Never throws: a value that fits no notation is prose.
 */
export function parseValue(raw: string): IndicatorValue {
  const norm = normaliseChars(raw);
  const { start, end } = coreRegion(norm);
  if (start >= end) return { raw, kind: "empty" };
  const core = norm.slice(start, end);

  if (core === VALUE_WORDS.yes || core === VALUE_WORDS.no) return { raw, kind: "boolean" };
  if (isDateValue(norm, start, end)) return { raw, kind: "date" };

  if (hasDigit(core)) {
    const q = parseQuantity(raw, norm, start, end);
    if (!q) return prose(raw, core);
    const kind = kindOfUnit(q.unit);
    const value: IndicatorValue = { raw, kind };
    if (q.comparison !== undefined) value.comparison = q.comparison;
    if (q.symbol !== undefined) value.symbol = q.symbol;
    value.numbers = q.numbers;
    if (q.unit !== undefined) value.unit = q.unit;
    if (q.approximate) value.approximate = true;
    const factor = moneyFactor(q.unit);
    // Only amounts are summed against the budget; a rate such as 5万元/人 is not an amount.
    if (kind === "money" && factor !== undefined) value.wanYuan = q.numbers.map((n) => toWanYuan(n, factor));
    return value;
  }

  if (VALUE_WORDS.actualOutcome.some((w) => core.includes(w))) return { raw, kind: "prose", approximate: true };
  if (VALUE_WORDS.gradeMarkers.some((w) => core.includes(w))) return { raw, kind: "grade" };
  return prose(raw, core);
}

const COMPARISON_WORDS: readonly string[] = Object.values(VALUE_WORDS.prefixComparison).flat();

/** `≥`, `>=`, `大于等于` — but not `定性` or `正向`, which some exports write in the same column. */
function isComparisonText(text: string): boolean {
  return /^[<>=≥≤≧≦＞＜＝]+$/.test(text) || COMPARISON_WORDS.includes(text);
}

/**
 * A row's 指标值 parsed together with its separate 指标性质 / 度量单位 columns: when the value cell
 * lacks the comparison or the unit, they are put around the number before parsing; `raw` stays
 * the value cell as written. The extractor and the YAML loader both use this, so a form parsed
 * from Word and the same form loaded from YAML carry the same parsed values.
 */
export function parseRowValue(raw: string, comparison?: string, unit?: string): IndicatorValue {
  const written = parseValue(raw);
  if (comparison === undefined && unit === undefined) return written;
  // Only a quantity can take a comparison or unit from its columns; dates, ranges and prose stay as written.
  if (!["count", "percent", "money", "rate"].includes(written.kind)) return written;
  let composed = raw;
  if (comparison !== undefined && written.comparison === undefined && isComparisonText(comparison) && /^[\d.+-]/.test(raw)) composed = comparison + composed;
  if (unit !== undefined && written.unit === undefined && !raw.includes(unit) && /[\d.]$/.test(raw)) composed = composed + unit;
  if (composed === raw) return written;
  return { ...parseValue(composed), raw };
}
