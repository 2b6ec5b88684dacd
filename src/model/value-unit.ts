/** Units of a 指标值: which strings may be a unit, their normal spelling, and what kind they make. */
import { VALUE_WORDS } from "./terms.js";
import type { ValueKind } from "./value.js";

const MONEY: Readonly<Record<string, number>> = VALUE_WORDS.money;

/** Characters that never belong to a unit: a unit that holds one is really a sentence. */
const NOT_IN_UNIT = new Set([..."0123456789 ,，。;；:：、!！?？()（）[]【】<>=≥≤≧≦≯≮~-—–\"'“”‘’*"]);

/** Words that end a target rather than name its unit (以上, 左右, 到位 …). */
const NOT_A_UNIT_WORDS: readonly string[] = [
  ...VALUE_WORDS.suffixComparison[">="],
  ...VALUE_WORDS.suffixComparison["<="].filter((w) => w.length > 1),
  ...VALUE_WORDS.approximateSuffix,
  ...VALUE_WORDS.date.suffix.filter((w) => w.length > 1),
  ...VALUE_WORDS.actualOutcome,
];

/** Longest unit accepted (`个无毒乡镇`, `元/人.每天`); anything longer is prose. */
const MAX_UNIT_LENGTH = 10;

/** Is `unit` (trimmed, as written) plausible as the unit of one number? Empty counts as no unit. */
export function isPlausibleUnit(unit: string): boolean {
  if (unit.length > MAX_UNIT_LENGTH) return false;
  for (const ch of unit) if (NOT_IN_UNIT.has(ch)) return false;
  if (unit.includes("%") && unit !== "%") return false;
  return !NOT_A_UNIT_WORDS.some((w) => unit.includes(w));
}

/** Normal spelling: 百分比 → %, a bare 万 → 万元 (also as the numerator of a rate). */
export function normaliseUnit(unit: string): string | undefined {
  if (unit === "") return undefined;
  if (unit === VALUE_WORDS.percentWord) return "%";
  if (unit === VALUE_WORDS.bareWan) return VALUE_WORDS.wanYuan;
  if (unit.startsWith(`${VALUE_WORDS.bareWan}/`)) return VALUE_WORDS.wanYuan + unit.slice(VALUE_WORDS.bareWan.length);
  return unit;
}

/** Factor from `unit` to 万元, when `unit` is an amount of money. */
export function moneyFactor(unit: string | undefined): number | undefined {
  return unit === undefined ? undefined : MONEY[unit];
}

/**
 * The kind a number with this (normalised) unit makes: percent, money (an amount), rate (money per
 * something, `5万元/人`, `元/亩`, or `/株` with the 元 left out) or count (everything else).
 */
export function kindOfUnit(unit: string | undefined): Extract<ValueKind, "count" | "percent" | "money" | "rate"> {
  if (unit === undefined) return "count";
  if (unit === "%" || unit === "‰" || unit.endsWith(VALUE_WORDS.percentPoint)) return "percent";
  if (moneyFactor(unit) !== undefined) return "money";
  const slash = unit.indexOf("/");
  if (slash >= 0) {
    const numerator = unit.slice(0, slash);
    if (numerator === "" || moneyFactor(numerator) !== undefined) return "rate";
  }
  return "count";
}

/** An amount in `unit` expressed in 万元, rounded to hide binary noise (28.4元 → 0.00284). */
export function toWanYuan(amount: number, factor: number): number {
  return Number((amount * factor).toPrecision(12));
}
