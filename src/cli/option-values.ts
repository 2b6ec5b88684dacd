import { UsageError } from "./usage-error.js";

/**
 * Parsers for option values: a value that is not one of the allowed ones is a UsageError naming
 * what is allowed, before any input is read.
 */

/** One of `allowed` (compared ignoring case, returned as listed). */
export function oneOf<T extends string>(flag: string, allowed: readonly T[]): (value: string) => T {
  return (value) => {
    const found = allowed.find((a) => a.toLowerCase() === value.toLowerCase());
    if (found !== undefined) return found;
    throw new UsageError({
      zh: `${flag} 应为 ${allowed.join("、")} 之一（收到 ${value}）`,
      en: `${flag} must be one of ${allowed.join(", ")} (got ${value})`,
    });
  };
}

/** A whole number of at least `min`. */
export function integerAtLeast(flag: string, min: number, note?: { zh: string; en: string }): (value: string) => number {
  return (value) => {
    const n = Number(value);
    if (value.trim() !== "" && Number.isInteger(n) && n >= min) return n;
    const what = min === 1 ? { zh: "正整数", en: "a positive integer" } : { zh: `不小于 ${min} 的整数`, en: `an integer ≥ ${min}` };
    throw new UsageError({
      zh: `${flag} 应为${what.zh}${note ? `，${note.zh}` : ""}（收到 ${value}）`,
      en: `${flag} must be ${what.en}${note ? `, ${note.en}` : ""} (got ${value})`,
    });
  };
}

/** A file name ending in one of `extensions` (`.xlsx`): the name says what is written into it. */
export function fileEndingIn(flag: string, extensions: readonly string[]): (value: string) => string {
  return (value) => {
    if (extensions.some((x) => value.toLowerCase().endsWith(x))) return value;
    throw new UsageError({
      zh: `${flag} 的文件名应以 ${extensions.join(" 或 ")} 结尾（收到 ${value}）`,
      en: `${flag} takes a file name ending in ${extensions.join(" or ")} (got ${value})`,
    });
  };
}
