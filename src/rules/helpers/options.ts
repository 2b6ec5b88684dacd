import type { RuleContext } from "../types.js";

/** A numeric option from config, or the rule's default when it is missing or not a number. */
export function numberOption(ctx: RuleContext, key: string, fallback: number): number {
  const v = ctx.options[key];
  return typeof v === "number" && Number.isFinite(v) ? v : fallback;
}

export function booleanOption(ctx: RuleContext, key: string, fallback: boolean): boolean {
  const v = ctx.options[key];
  return typeof v === "boolean" ? v : fallback;
}

export function stringListOption(ctx: RuleContext, key: string, fallback: readonly string[] = []): string[] {
  const v = ctx.options[key];
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : [...fallback];
}

export function numberListOption(ctx: RuleContext, key: string, fallback: readonly number[]): number[] {
  const v = ctx.options[key];
  return Array.isArray(v) ? v.filter((x): x is number => typeof x === "number") : [...fallback];
}
