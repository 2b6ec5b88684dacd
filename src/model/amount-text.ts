/**
 * Numbers a clerk typed as text in a YAML field that holds a number: `"361"`, `361万元`,
 * `361 万元`, `3,610,000元`, `３６１` (full-width digits), `-5`.
 */
import { VALUE_WORDS } from "./terms.js";
import { normaliseChars } from "./value-text.js";

export interface AmountText {
  amount: number;
  /** The money unit written after the number (`万` is read as 万元), when one is. */
  unit?: string;
}

/** Digits with optional thousands grouping (`3,610,000`) and decimals, then an optional unit. */
const AMOUNT = /^([-+]?)(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?(.*)$/;

/** `text` as an amount, or undefined when it is no number (`待定`, `三百万`, `361人`). */
export function readAmountText(text: string): AmountText | undefined {
  const t = normaliseChars(text).replace(/ /g, "");
  const m = AMOUNT.exec(t);
  if (!m) return undefined;
  const amount = Number(`${m[1]}${m[2]!.replace(/,/g, "")}${m[3] ?? ""}`);
  if (!Number.isFinite(amount)) return undefined;
  const written = m[4]!;
  if (written === "") return { amount };
  const unit = written === VALUE_WORDS.bareWan ? VALUE_WORDS.wanYuan : written;
  return unit in VALUE_WORDS.money ? { amount, unit } : undefined;
}

/** `text` as a plain number (no unit), or undefined. */
export function readNumberText(text: string): number | undefined {
  const read = readAmountText(text);
  return read && read.unit === undefined ? read.amount : undefined;
}
