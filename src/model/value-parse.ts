import type { IndicatorValue } from "./value.js";

/**
 * Parse a 指标值 as written into its typed form.
 * (Interim version: the full notation table lands with the value-notation work.)
 */
export function parseValue(raw: string): IndicatorValue {
  const text = raw.trim();
  if (text === "") return { raw, kind: "empty" };
  return { raw, kind: "prose" };
}
