/**
 * Notation-only corrections of a 指标值 (the text `perfgoal fix` may write instead): canonical
 * comparison symbols, half-width digits and %, and spaces. Each is offered only when the value read
 * from the new text means exactly what the old one did (sameMeaning).
 */
import type { IndicatorRow } from "../../model/form.js";
import type { Comparison } from "../../model/value.js";
import { parseRowValue } from "../../model/value-parse.js";
import { sameMeaning } from "../../model/value-same.js";
import type { Fix } from "../types.js";

/** The symbol each comparison is written with. */
export const CANONICAL_SYMBOL: Record<Exclude<Comparison, "range">, string> = { ">=": "≥", "<=": "≤", "=": "=", ">": ">", "<": "<" };

/** Characters of a comparison written as symbols (≧, >=, ＞＝ …); the OCR reading 二 is a guess, not a symbol. */
const SYMBOL_CHARS = /^[<>=≥≤≧≦≮≯⩾⩽＜＞＝]+$/;

/**
 * Comparison words that say exactly one of ≥ ≤ > < =, written before the number or after number and
 * unit. Words that can mean something else (达到, 控制在, 内, 最多) are left as written.
 */
const PREFIX_WORDS: readonly string[] = ["大于或等于", "大于等于", "不低于", "不少于", "不小于", "小于或等于", "小于等于", "不高于", "不超过", "不大于", "不多于", "等于", "大于", "高于", "小于", "低于"];
const SUFFIX_WORDS: readonly string[] = ["及以上", "以上", "及以下", "以下", "以内"];

/** One number then its unit, nothing else (no second number, no note, no punctuation). */
const NUMBER_AND_UNIT = /^[0-9０-９]+(?:[.．][0-9０-９]+)?[ \u3000]*[^\s0-9０-９.．,，。;；:：、()（）[\]【】<>＜＞=＝≥≤~～\-－—]*$/;

const QUANTITY_KINDS = new Set(["count", "percent", "money", "rate"]);

/** A fix replacing the row's 指标值 text, when the new text reads the same (else none). */
export function valueFix(row: IndicatorRow, path: string, to: string): Fix | undefined {
  const from = row.value.raw;
  if (to === from) return undefined;
  if (!sameMeaning(parseRowValue(to, row.comparison, row.unit), row.value)) return undefined;
  return { edits: [{ path: `${path}.value.raw`, from, to }] };
}

/**
 * The value with its comparison written canonically: a symbol replaced where it stands (`≧90%` →
 * `≥90%`), a word only when the value is one number with its unit and nothing else (`90%以上`,
 * `不低于90%` → `≥90%`). Undefined when the comparison cannot be rewritten safely.
 */
export function canonicalComparison(row: IndicatorRow): string | undefined {
  const value = row.value;
  const symbol = value.symbol;
  const cmp = value.comparison;
  if (symbol === undefined || cmp === undefined || cmp === "range") return undefined;
  const canonical = CANONICAL_SYMBOL[cmp];
  const raw = value.raw;
  if (SYMBOL_CHARS.test(symbol)) {
    const at = raw.indexOf(symbol);
    return at < 0 ? undefined : raw.slice(0, at) + canonical + raw.slice(at + symbol.length);
  }
  if (!QUANTITY_KINDS.has(value.kind) || value.approximate || value.numbers?.length !== 1) return undefined;
  const text = raw.trim();
  let rest: string | undefined;
  if (PREFIX_WORDS.includes(symbol) && text.startsWith(symbol)) rest = text.slice(symbol.length);
  else if (SUFFIX_WORDS.includes(symbol) && text.endsWith(symbol)) rest = text.slice(0, -symbol.length);
  if (rest === undefined) return undefined;
  rest = rest.trim();
  return NUMBER_AND_UNIT.test(rest) ? canonical + rest : undefined;
}

/** Full-width digits, ％ and the decimal point between digits, as half-width. */
export function halfWidthNumbers(raw: string): string {
  return raw
    .replace(/[０-９％]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0))
    .replace(/(?<=[0-9])．(?=[0-9０-９])/g, ".");
}

/**
 * The value without spaces before or after it, and with each run of several spaces inside made one
 * (line breaks inside are left: they may separate targets).
 */
export function tidySpaces(raw: string): string {
  return raw.replace(/^[ \t\u3000\u00a0\r\n]+|[ \t\u3000\u00a0\r\n]+$/g, "").replace(/[ \t\u3000\u00a0]{2,}/g, " ");
}
