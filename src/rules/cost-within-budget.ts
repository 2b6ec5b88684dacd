import { defineRule } from "./types.js";
import { annualCosts } from "./helpers/cost-sum.js";
import { budgetWanYuan, formatAmount, MONEY_TOLERANCE } from "./helpers/money.js";
import { dimensionOf } from "./helpers/taxonomy.js";
import { normaliseText } from "./helpers/text.js";
import { rateWanYuan } from "./helpers/values.js";

export default defineRule({
  meta: {
    id: "cost-within-budget",
    code: "PG020",
    catalogue: "R20",
    severity: "error",
    description: {
      zh: "以金额表示的成本指标（折合万元）合计不得超过项目年度预算",
      en: "Money-valued cost indicators (in 万元) add up to no more than the project's budget",
    },
    source: {
      zh: "常见审核做法：资金规模与绩效目标相匹配；中发〔2018〕34号要求“绩效目标不仅要包括产出、成本”",
      en: "Common review practice: the targets match the funds; 中发〔2018〕34号 requires goals to cover “outputs and costs”",
    },
    examples: {
      fail: `funding: { total: 300 }
indicators:
  annual:
    - { tier1: 产出指标, tier2: 成本指标, tier3: 工作经费, value: "≤191万元" }
    - { tier1: 产出指标, tier2: 成本指标, tier3: 禁毒经费, value: "≤135万元" }
`,
      pass: `funding: { total: 361 }
indicators:
  annual:
    - { tier1: 产出指标, tier2: 成本指标, tier3: 工作经费, value: "≤191万元" }
    - { tier1: 产出指标, tier2: 成本指标, tier3: 禁毒经费, value: "≤135万元" }
`,
    },
    messages: {
      overBudget: {
        zh: "成本指标金额合计 {sum} 万元，超过年度预算 {budget} 万元",
        en: "Money-valued cost indicators add up to {sum} 万元, more than the budget of {budget} 万元",
      },
      unitRate: {
        zh: "“{name}”的“{value}”是单价，不计入成本合计；预算 {budget} 万元扣除已列成本 {sum} 万元后余 {room} 万元",
        en: "“{value}” for “{name}” is a unit rate and is not summed; the budget of {budget} 万元 less the listed costs of {sum} 万元 leaves {room} 万元",
      },
      unitRateNoRoom: {
        zh: "“{name}”的“{value}”是单价，不计入成本合计；已列成本 {sum} 万元已超过预算 {budget} 万元，没有余额",
        en: "“{value}” for “{name}” is a unit rate and is not summed; the listed costs of {sum} 万元 already exceed the budget of {budget} 万元",
      },
      rateTimesCount: {
        zh: "“{name}”单价 {rate} 万元/{per} × 数量 {count} = {product} 万元，超过年度预算 {budget} 万元",
        en: "“{name}”: {rate} 万元/{per} × {count} = {product} 万元, more than the budget of {budget} 万元",
      },
      noMoneyCost: {
        zh: "没有以金额表示的成本指标，无法与预算核对",
        en: "No cost indicator is given as an amount, so costs cannot be checked against the budget",
      },
    },
  },
  check(form, ctx) {
    const { annual, costs, amounts, sum } = annualCosts(form);
    const budget = budgetWanYuan(form);

    if (amounts.length === 0) {
      ctx.report({ messageId: "noMoneyCost", path: costs[0] ? `${costs[0].path}.value` : "indicators.annual", severity: "info" });
    } else if (budget !== undefined && sum > budget + MONEY_TOLERANCE) {
      ctx.report({ messageId: "overBudget", path: "funding.total", data: { sum: formatAmount(sum), budget: formatAmount(budget) } });
    }
    if (budget === undefined) return;

    const quantities = annual.filter((e) => dimensionOf(e.row) === "quantity");
    for (const { row, path } of costs) {
      const rate = rateWanYuan(row.value);
      if (!rate) continue;
      const name = row.tier3.trim();
      const data = { name, value: row.value.raw.trim(), budget: formatAmount(budget), sum: formatAmount(sum), room: formatAmount(budget - sum) };
      const messageId = budget - sum >= 0 ? "unitRate" : "unitRateNoRoom";
      ctx.report({ messageId, path: `${path}.value`, data, severity: "info" });
      // A 数量 row with the same name gives the count the rate applies to.
      const match = quantities.find((q) => normaliseText(q.row.tier3) === normaliseText(name) && q.row.value.kind === "count");
      const count = match?.row.value.numbers?.[0];
      if (count === undefined) continue;
      const product = rate.amount * count;
      if (product > budget + MONEY_TOLERANCE) {
        const detail = { name, rate: formatAmount(rate.amount), per: rate.per, count, product: formatAmount(product), budget: formatAmount(budget) };
        ctx.report({ messageId: "rateTimesCount", path: `${path}.value`, data: detail, severity: "warning" });
      }
    }
  },
});
