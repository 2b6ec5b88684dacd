import type { IndicatorValue } from "../../model/value.js";
import { toWanYuan } from "./money.js";

export function isBlank(value: IndicatorValue): boolean {
  return value.raw.trim() === "";
}

export function hasDigit(text: string): boolean {
  return /[0-9０-９]/.test(text);
}

/** Text kinds: a grade or phrase, or prose. */
export function isTextual(value: IndicatorValue): boolean {
  return value.kind === "grade" || value.kind === "prose";
}

/** A qualitative value with no number at all (常态化, 营商环境督查, 按实际查处人数). */
export function isVague(value: IndicatorValue): boolean {
  return isTextual(value) && !hasDigit(value.raw);
}

/** The amount of a money value in 万元 (the upper end of a range); undefined for other kinds. */
export function moneyWanYuan(value: IndicatorValue): number | undefined {
  if (value.kind !== "money") return undefined;
  const amounts = value.wanYuan?.length
    ? value.wanYuan
    : (value.numbers ?? []).map((n) => toWanYuan(n, value.unit)).filter((n): n is number => n !== undefined);
  if (amounts.length === 0) return undefined;
  return value.comparison === "range" ? Math.max(...amounts) : amounts[0];
}

/** A unit rate priced in money: 5万元/人, 1600元/亩. */
export function isMoneyRate(value: IndicatorValue): boolean {
  return value.kind === "rate" || (value.unit !== undefined && /元\s*\//.test(value.unit));
}

/** The rate's amount in 万元 per unit, and what it is per (人, 亩 …). */
export function rateWanYuan(value: IndicatorValue): { amount: number; per: string } | undefined {
  if (!isMoneyRate(value) || !value.unit || value.numbers?.[0] === undefined) return undefined;
  const [moneyUnit = "", per = ""] = value.unit.split("/");
  const amount = value.wanYuan?.[0] ?? toWanYuan(value.numbers[0], moneyUnit);
  return amount === undefined ? undefined : { amount, per: per.trim() };
}

export function isPercent(value: IndicatorValue): boolean {
  return value.kind === "percent" || value.unit === "%";
}

/** The percent figure (the lower end of a range). */
export function percentOf(value: IndicatorValue): number | undefined {
  return isPercent(value) ? value.numbers?.[0] : undefined;
}

/** The comparison as written, or the canonical one when the parser kept no spelling. */
export function writtenSymbol(value: IndicatorValue): string | undefined {
  if (value.symbol !== undefined && value.symbol !== "") return value.symbol;
  return undefined;
}

export function isLowerBound(value: IndicatorValue): boolean {
  return value.comparison === ">=" || value.comparison === ">";
}

/** An amount of money written inside a sentence (“按预算标准800元/人向补助对象发放”): 800元/人. */
// What a price is per: a measure word of several characters, or else one character (人, 亩, 个).
const AMOUNT_IN_TEXT = /\d+(?:\.\d+)?\s*万?元(?:\s*\/\s*(?:平方米|立方米|人次|公里|公斤|\p{Script=Han}))?/u;

/** The first money amount a free-text value names, or undefined. */
export function amountInText(value: IndicatorValue): string | undefined {
  if (!isTextual(value)) return undefined;
  return AMOUNT_IN_TEXT.exec(value.raw)?.[0].replace(/\s+/g, "");
}
