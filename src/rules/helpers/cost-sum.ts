import type { Form } from "../../model/form.js";
import { indicatorEntries } from "../../model/indicator-entries.js";
import { dimensionOf } from "./taxonomy.js";
import { moneyWanYuan } from "./values.js";

type Entry = ReturnType<typeof indicatorEntries>[number];

export interface AnnualCosts {
  /** The annual table's indicators (placeholders excluded). */
  annual: Entry[];
  /** Its 成本 indicators. */
  costs: Entry[];
  /** The money-valued ones, in 万元. */
  amounts: number[];
  /** Σ amounts in 万元 (0 when there are none). */
  sum: number;
}

/**
 * The cost sum the cost-within-budget rule checks against the budget: the money-valued 成本
 * indicators of the annual table, in 万元. One definition, so the reports show the figure the rule judged.
 */
export function annualCosts(form: Form): AnnualCosts {
  const annual = indicatorEntries(form).filter((e) => e.table === "annual");
  const costs = annual.filter((e) => dimensionOf(e.row) === "cost");
  const amounts = costs.map((e) => moneyWanYuan(e.row.value)).filter((n): n is number => n !== undefined);
  return { annual, costs, amounts, sum: amounts.reduce((a, b) => a + b, 0) };
}
