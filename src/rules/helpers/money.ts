import type { Form } from "../../model/form.js";

/** 元 per unit of each money unit, to convert amounts to 万元. */
const WAN_YUAN_PER_UNIT: Record<string, number> = {
  元: 1 / 10000,
  千元: 1 / 10,
  万: 1,
  万元: 1,
  亿: 10000,
  亿元: 10000,
};

/** An amount in `unit` (元, 万元, 亿元 …) as 万元; undefined when the unit is not money. */
export function toWanYuan(amount: number, unit: string | undefined): number | undefined {
  if (unit === undefined) return undefined;
  const factor = WAN_YUAN_PER_UNIT[unit.trim()];
  return factor === undefined ? undefined : amount * factor;
}

/** The project's budget (资金总额) in 万元, from the header and the form's 单位 line. */
export function budgetWanYuan(form: Form): number | undefined {
  const total = form.funding.total;
  if (total === undefined) return undefined;
  return toWanYuan(total, form.amountUnit);
}

/** An amount for a message: at most 4 decimals (1 元 = 0.0001 万元), no trailing zeros. */
export function formatAmount(n: number): string {
  return String(Math.round(n * 10000) / 10000);
}

/** Amounts equal within 0.01 万元 (rounding on printed forms). */
export const MONEY_TOLERANCE = 0.01;
