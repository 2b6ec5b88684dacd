/**
 * Property tests for parseValue: any comparison, number and unit written in any notation parses
 * back to the same comparison, number and unit; arbitrary text never throws and always yields a
 * valid IndicatorValue; very long values come back (the parser is linear, no regex backtracking).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseValue } from "../../src/model/value-parse.js";
import { IndicatorValue } from "../../src/model/value.js";

type Op = ">=" | "<=" | "=" | ">" | "<";

/** Every way a comparison is written before the number. */
const PREFIX: Record<Op, readonly string[]> = {
  ">=": ["≥", "≧", ">=", "＞＝", "≮", "不低于", "不少于", "达到", "大于等于"],
  "<=": ["≤", "≦", "<=", "＜＝", "≯", "不高于", "不超过", "不超", "不大于"],
  "=": ["=", "＝", "═", "等于"],
  ">": [">", "＞", "大于", "高于"],
  "<": ["<", "＜", "小于", "低于"],
};
/** …and after the number and unit. */
const SUFFIX: Partial<Record<Op, readonly string[]>> = { ">=": ["以上", "及以上"], "<=": ["以下", "以内"] };

/** Units as written → as normalised. */
const UNITS: readonly (readonly [string, string | undefined])[] = [
  ["", undefined],
  ["%", "%"],
  ["％", "%"],
  ["百分比", "%"],
  ["万元", "万元"],
  ["万", "万元"],
  ["元", "元"],
  ["亿元", "亿元"],
  ["次/年", "次/年"],
  ["人", "人"],
  ["人次", "人次"],
  ["个", "个"],
  ["亩", "亩"],
  ["元/亩", "元/亩"],
  ["万元/人", "万元/人"],
  ["公里", "公里"],
  ["M", "M"],
];

/** Digits as ASCII or full-width (０-９, ．). */
function fullWidth(text: string): string {
  return text.replace(/[0-9.]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) + 0xfee0));
}

/** Group the integer part in threes: 1234567.5 → 1,234,567.5. */
function withThousands(text: string): string {
  const [int, frac] = text.split(".");
  const grouped = int!.replace(/\B(?=(\d{3})+$)/g, ",");
  return frac === undefined ? grouped : `${grouped}.${frac}`;
}

const number = fc.oneof(
  fc.integer({ min: 0, max: 1_000_000_000 }),
  fc.integer({ min: 0, max: 10_000_000 }).map((n) => n / 100),
);

const notation = fc.record({
  op: fc.constantFrom<Op>(">=", "<=", "=", ">", "<"),
  n: number,
  unit: fc.constantFrom(...UNITS),
  suffix: fc.boolean(),
  pick: fc.nat(),
  digits: fc.constantFrom("ascii", "full-width", "thousands"),
  spaces: fc.boolean(),
});

describe("parseValue properties", () => {
  it("recovers comparison, number and unit from every notation", () => {
    fc.assert(
      fc.property(notation, ({ op, n, unit: [unitText, unit], suffix, pick, digits, spaces }) => {
        let num = String(n);
        if (digits === "full-width") num = fullWidth(num);
        if (digits === "thousands") num = withThousands(num);
        const gap = spaces ? " " : "";
        const suffixes = SUFFIX[op];
        const useSuffix = suffix && suffixes !== undefined;
        const symbol = useSuffix ? suffixes[pick % suffixes.length]! : PREFIX[op][pick % PREFIX[op].length]!;
        const raw = useSuffix ? `${num}${gap}${unitText}${symbol}` : `${symbol}${gap}${num}${gap}${unitText}`;

        const parsed = parseValue(raw);
        expect(parsed.raw).toBe(raw);
        expect(parsed.comparison).toBe(op);
        expect(parsed.symbol).toBe(symbol);
        expect(parsed.numbers).toEqual([n]);
        expect(parsed.unit).toBe(unit);
      }),
      { numRuns: 2000 },
    );
  });

  it("recovers both ends and the unit of a range", () => {
    fc.assert(
      fc.property(number, number, fc.constantFrom("-", "～", "~", "—", "至"), fc.constantFrom(...UNITS), (a, b, sep, [unitText, unit]) => {
        const raw = `${a}${sep}${b}${unitText}`;
        const parsed = parseValue(raw);
        // 2023.07-2024.01 reads as a period; those numbers are dates, not a range.
        fc.pre(parsed.kind !== "date");
        expect(parsed.comparison).toBe("range");
        expect(parsed.symbol).toBe(sep);
        expect(parsed.numbers).toEqual([a, b]);
        expect(parsed.unit).toBe(unit);
      }),
      { numRuns: 1000 },
    );
  });

  it("normalises money to 万元 only for amounts, never for a rate", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000 }), fc.constantFrom("元", "万元", "亿元", "万元/人", "元/亩"), (n, unit) => {
        const parsed = parseValue(`≤${n}${unit}`);
        if (unit.includes("/")) {
          expect(parsed.kind).toBe("rate");
          expect(parsed.wanYuan).toBeUndefined();
        } else {
          expect(parsed.kind).toBe("money");
          const factor: Record<string, number> = { 元: 1e-4, 万元: 1, 亿元: 1e4 };
          expect(parsed.wanYuan![0]).toBeCloseTo(n * factor[unit]!, 8);
        }
      }),
    );
  });

  it("never throws, keeps raw, and always returns a valid IndicatorValue", () => {
    const pieces = fc.constantFrom(
      "≥", "≧", "≤", "＝", "=", ">", "<", "-", "～", "至", "约", "余", "以上", "以内", "左右", "二", "各", "百分比",
      "%", "万", "元", "/", ".", ",", "，", "年", "月", "日", "底", "前", "(", ")", "（", "）", " ", "\n", "　",
      "0", "1", "9", "2023", "12", "１", "常态化", "是", "否", "按实际",
    );
    const text = fc.oneof(
      fc.string({ unit: "binary", maxLength: 60 }),
      fc.array(pieces, { maxLength: 20 }).map((xs) => xs.join("")),
    );
    fc.assert(
      fc.property(text, (raw) => {
        const parsed = parseValue(raw);
        expect(parsed.raw).toBe(raw);
        expect(IndicatorValue.safeParse(parsed).success).toBe(true);
        for (const n of parsed.numbers ?? []) expect(Number.isFinite(n)).toBe(true);
        if (parsed.wanYuan) expect(parsed.wanYuan).toHaveLength(parsed.numbers!.length);
      }),
      { numRuns: 3000 },
    );
  });
});

describe("parseValue on very long values", () => {
  // Each shape targets one loop of the parser; a quadratic step would not return within the timeout.
  const MB = 1 << 20;
  const shapes: Record<string, string> = {
    digits: "9".repeat(MB),
    "operator then digits": `≥${"1".repeat(MB)}%`,
    "range separators": "1-".repeat(MB / 2),
    "separators and spaces": "- ".repeat(MB / 2),
    "thousands groups": `1${",000".repeat(MB / 4)}元`,
    approximations: "约".repeat(MB),
    "years and months": "2023年12月".repeat(MB / 8),
    "opening brackets": "(".repeat(MB),
    "closing brackets": ")".repeat(MB),
    spaces: `${" ".repeat(MB)}1`,
    "one long unit": `1${"元".repeat(MB)}`,
    prose: "禁毒宣传资料约10万份，".repeat(MB / 12),
  };
  it.each(Object.entries(shapes))("returns on %s", (_, raw) => {
    const parsed = parseValue(raw);
    expect(parsed.raw).toBe(raw);
    expect(IndicatorValue.safeParse(parsed).success).toBe(true);
  }, 60_000);
});
