/**
 * One quantitative target: `[unit] [comparison] [约] number [余] [unit] [以上|以内|左右]`, or a range
 * `a[unit] - b[unit]`. Anything else (two targets, a sentence around the number) is not one target.
 */
import { VALUE_WORDS } from "./terms.js";
import type { Comparison } from "./value.js";
import { Cursor, isDigit, takeNumber } from "./value-text.js";
import { isPlausibleUnit, normaliseUnit } from "./value-unit.js";

export interface Quantity {
  comparison?: Comparison;
  /** The comparison as written in the raw text. */
  symbol?: string;
  numbers: number[];
  /** Normalised unit. */
  unit?: string;
  approximate: boolean;
}

type Op = Exclude<Comparison, "range">;

/** Comparison symbols after character normalisation (＞＝ is already >=, ＝ is =), longest first. */
const SYMBOLS: readonly (readonly [string, Op])[] = [
  [">=", ">="], ["=>", ">="], ["<=", "<="], ["=<", "<="],
  ["≥", ">="], ["≧", ">="], ["≮", ">="], ["⩾", ">="],
  ["≤", "<="], ["≦", "<="], ["≯", "<="], ["⩽", "<="],
  ["=", "="], [">", ">"], ["<", "<"],
];

/** Every prefix comparison (symbols and words), longest first so `大于等于` beats `大于`. */
const PREFIXES: readonly (readonly [string, Op])[] = [
  ...SYMBOLS,
  ...Object.entries(VALUE_WORDS.prefixComparison).flatMap(([op, words]) => words.map((w) => [w, op as Op] as const)),
].sort((a, b) => b[0].length - a[0].length);

const SUFFIXES: readonly (readonly [string, Op])[] = Object.entries(VALUE_WORDS.suffixComparison)
  .flatMap(([op, words]) => words.map((w) => [w, op as Op] as const))
  .sort((a, b) => b[0].length - a[0].length);

/** Range separators after normalisation (～ is ~, － is -). */
const RANGE_SEPARATORS = ["-", "~", "—", "–", "至", "到"];

/** A unit written before the comparison (`%=99百分比`). */
const LEAD_UNITS = ["%", VALUE_WORDS.percentWord];

function takePrefixOp(c: Cursor): { op: Op; start: number; end: number } | undefined {
  const start = c.pos;
  if (c.at(VALUE_WORDS.ocrEquals) && isDigit(c.peek(VALUE_WORDS.ocrEquals.length))) {
    c.pos += VALUE_WORDS.ocrEquals.length;
    return { op: "=", start, end: c.pos };
  }
  for (const [word, op] of PREFIXES) if (c.take(word)) return { op, start, end: c.pos };
  return undefined;
}

/** Is a range separator next, followed by a number? */
function atRangeSeparator(c: Cursor): string | undefined {
  for (const sep of RANGE_SEPARATORS) {
    if (!c.at(sep)) continue;
    let i = sep.length;
    while (c.peek(i) === " ") i++;
    if (isDigit(c.peek(i))) return sep;
  }
  return undefined;
}

/** The run up to the region's end or a range separator: the unit candidate. */
function takeUnitRun(c: Cursor): string | undefined {
  c.skipSpaces();
  const start = c.pos;
  while (!c.done && atRangeSeparator(c) === undefined) c.pos++;
  const unit = c.text.slice(start, c.pos).trimEnd();
  return isPlausibleUnit(unit) ? unit : undefined;
}

/**
 * Parse `norm[start, end)` (normalised text; `raw` gives symbols as written) as one target.
 * Returns undefined when the region is not exactly one target.
 */
export function parseQuantity(raw: string, norm: string, start: number, end: number): Quantity | undefined {
  let approximate = false;
  let suffix: { op: Op; symbol: string } | undefined;

  // Words at the end: 以上/以内 (comparison) and 左右 (approximation), in either order.
  for (let round = 0; round < 2; round++) {
    while (end > start && norm[end - 1] === " ") end--;
    const tail = norm.slice(Math.max(start, end - 3), end);
    const approx = VALUE_WORDS.approximateSuffix.find((w) => tail.endsWith(w));
    if (approx) {
      approximate = true;
      end -= approx.length;
      continue;
    }
    const found = suffix ? undefined : SUFFIXES.find(([w]) => tail.endsWith(w));
    if (found) {
      suffix = { op: found[1], symbol: raw.slice(end - found[0].length, end) };
      end -= found[0].length;
    }
  }

  const c = new Cursor(norm, start, end);
  c.skipSpaces();
  let leadUnit: string | undefined;
  for (const u of LEAD_UNITS) {
    const save = c.pos;
    if (c.take(u)) {
      c.skipSpaces();
      if (takePrefixOp(c)) {
        c.pos = save + u.length;
        leadUnit = u;
        break;
      }
      c.pos = save;
    }
  }

  let prefix: { op: Op; symbol: string } | undefined;
  for (let round = 0; round < 4; round++) {
    c.skipSpaces();
    if (!prefix) {
      const p = takePrefixOp(c);
      if (p) {
        prefix = { op: p.op, symbol: raw.slice(p.start, p.end) };
        continue;
      }
    }
    if (c.takeAny(VALUE_WORDS.approximatePrefix)) {
      approximate = true;
      continue;
    }
    if (c.take(VALUE_WORDS.distributive)) continue;
    break;
  }

  c.skipSpaces();
  const first = takeNumber(c);
  if (!first) return undefined;
  if (c.takeAny(VALUE_WORDS.approximateAfterNumber)) approximate = true;
  let unit = takeUnitRun(c);
  if (unit === undefined) return undefined;
  const numbers = [first.value];

  let rangeSymbol: string | undefined;
  const sep = atRangeSeparator(c);
  if (sep !== undefined) {
    rangeSymbol = raw.slice(c.pos, c.pos + sep.length);
    c.pos += sep.length;
    c.skipSpaces();
    const second = takeNumber(c);
    if (!second) return undefined;
    if (c.takeAny(VALUE_WORDS.approximateAfterNumber)) approximate = true;
    const unit2 = takeUnitRun(c);
    if (unit2 === undefined) return undefined;
    // `90%-95%` and `1-2次/年` both name the unit once; two different units are two targets.
    if (unit !== "" && unit2 !== "" && normaliseUnit(unit) !== normaliseUnit(unit2)) return undefined;
    unit = unit2 || unit;
    numbers.push(second.value);
  }
  if (!c.done) return undefined;
  // A range already says how it compares; `≥1-2次` is not one target.
  if (rangeSymbol !== undefined && (prefix || suffix)) return undefined;

  const q: Quantity = { numbers, approximate };
  if (rangeSymbol !== undefined) {
    q.comparison = "range";
    q.symbol = rangeSymbol;
  } else if (prefix && suffix) {
    q.comparison = prefix.op;
    q.symbol = `${prefix.symbol}…${suffix.symbol}`;
  } else if (prefix || suffix) {
    const only = (prefix ?? suffix)!;
    q.comparison = only.op;
    q.symbol = only.symbol;
  }
  const normalised = normaliseUnit(unit !== "" ? unit : (leadUnit ?? ""));
  if (normalised !== undefined) q.unit = normalised;
  return q;
}
