import type { IndicatorValue } from "./value.js";

function sameNumbers(a: readonly number[] | undefined, b: readonly number[] | undefined): boolean {
  const x = a ?? [];
  const y = b ?? [];
  return x.length === y.length && x.every((n, i) => n === y[i]);
}

/**
 * Whether two readings of a 指标值 say the same thing: kind, comparison, numbers, unit, approximation
 * and amounts. Only how it is written (raw, the symbol as written) may differ — the test every
 * notation fix passes before it is applied.
 */
export function sameMeaning(a: IndicatorValue, b: IndicatorValue): boolean {
  return (
    a.kind === b.kind &&
    a.comparison === b.comparison &&
    a.unit === b.unit &&
    Boolean(a.approximate) === Boolean(b.approximate) &&
    sameNumbers(a.numbers, b.numbers) &&
    sameNumbers(a.wanYuan, b.wanYuan)
  );
}
