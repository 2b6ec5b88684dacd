import { z } from "zod";

/** How a 指标值 compares: canonical operators, or a range `a-b`. */
export const Comparison = z.enum([">=", "<=", "=", ">", "<", "range"]);
export type Comparison = z.infer<typeof Comparison>;

/**
 * What a 指标值 measures.
 * count: number + count unit (个, 人, 次/年 …) or a bare number; percent; money (元/万元);
 * rate: a unit rate such as 万元/人 or 元/亩; date: a date, deadline or period;
 * boolean: 是/否; grade: a qualitative grade or phrase (常态化, 零发生, 有所提升);
 * prose: free text or several targets in one cell; empty: nothing written.
 */
export const ValueKind = z.enum(["count", "percent", "money", "rate", "date", "boolean", "grade", "prose", "empty"]);
export type ValueKind = z.infer<typeof ValueKind>;

/** A 指标值 as written and as parsed. `raw` is authoritative; the rest is derived from it. */
export const IndicatorValue = z
  .object({
    raw: z.string().describe("the value exactly as written on the form"),
    kind: ValueKind,
    comparison: Comparison.optional().describe("canonical comparison; absent when none is written or implied"),
    symbol: z.string().optional().describe("the comparison as written (≧, >=, 以上, 不低于 …)"),
    numbers: z.array(z.number()).optional().describe("the number, or both ends of a range"),
    unit: z.string().optional().describe("the unit, normalised (百分比 → %, 万 → 万元)"),
    approximate: z.boolean().optional().describe("约, 余, 左右, 按实际 …"),
    wanYuan: z.array(z.number()).optional().describe("money amounts normalised to 万元, parallel to numbers"),
  })
  .strict();
export type IndicatorValue = z.infer<typeof IndicatorValue>;
