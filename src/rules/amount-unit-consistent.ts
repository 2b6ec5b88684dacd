import { indicatorEntries } from "../model/indicator-entries.js";
import { defineRule } from "./types.js";
import { budgetWanYuan, formatAmount } from "./helpers/money.js";
import { dimensionOf } from "./helpers/taxonomy.js";
import { moneyWanYuan } from "./helpers/values.js";

/** 1 元 is 0.0001 万元: a 万元 amount never needs more than 4 decimals. */
const MAX_WAN_DECIMALS = 4;
/** A cost this many times the budget was almost surely written in 元. */
const YUAN_FACTOR = 1000;

function decimals(n: number): number {
  const s = String(n);
  return s.includes(".") && !s.includes("e") ? s.split(".")[1]!.length : 0;
}

export default defineRule({
  meta: {
    id: "amount-unit-consistent",
    code: "PG021",
    catalogue: "R21",
    severity: "warning",
    description: {
      zh: "金额单位与表头“单位：万元”一致，金额写明“万元”或“元”",
      en: "Amounts agree with the form's unit line (单位：万元) and name their unit (万元 or 元)",
    },
    source: {
      zh: "常见问题：金额只写“万”、按元填报却标注万元",
      en: "Common problems: amounts written with a bare 万, or in 元 on a form whose unit line says 万元",
    },
    examples: {
      fail: `funding: { total: 250 }
indicators:
  annual:
    - { tier1: 产出指标, tier2: 成本指标, tier3: 控制在预算成本内, value: "250万" }
`,
      pass: `funding: { total: 250 }
indicators:
  annual:
    - { tier1: 产出指标, tier2: 成本指标, tier3: 控制在预算成本内, value: "≤250万元" }
`,
    },
    messages: {
      costLooksLikeYuan: {
        zh: "成本指标“{name}”的 {amount} 万元是预算 {budget} 万元的千倍以上，疑似按元填写",
        en: "Cost “{name}” of {amount} 万元 is over a thousand times the budget of {budget} 万元: probably written in 元",
      },
      bareWan: { zh: "金额“{value}”只写了“万”，请写明“万元”", en: "Amount “{value}” says 万 only; write 万元" },
      tooManyDecimals: {
        zh: "表头金额 {amount} 超过4位小数，按万元计不合理，疑似按元填写",
        en: "Header amount {amount} has more than 4 decimals, which makes no sense in 万元: probably written in 元",
      },
    },
  },
  check(form, ctx) {
    const budget = budgetWanYuan(form);
    for (const { row, path } of indicatorEntries(form)) {
      if (row.value.kind !== "money") continue;
      const at = `${path}.value`;
      if (/[0-9０-９]\s*万(?!元)/.test(row.value.raw)) ctx.report({ messageId: "bareWan", path: at, data: { value: row.value.raw.trim() } });
      const amount = moneyWanYuan(row.value);
      if (dimensionOf(row) === "cost" && budget && amount !== undefined && amount >= YUAN_FACTOR * budget) {
        ctx.report({ messageId: "costLooksLikeYuan", path: at, data: { name: row.tier3.trim(), amount: formatAmount(amount), budget: formatAmount(budget) } });
      }
    }
    if (form.amountUnit !== "万元") return;
    const f = form.funding;
    const header: [string, number | undefined][] = [
      ["funding.total", f.total],
      ["funding.ownLevel", f.ownLevel],
      ["funding.fiscal", f.fiscal],
      ["funding.other", f.other],
      ["funding.selfRaised", f.selfRaised],
      ["funding.carryOver", f.carryOver],
    ];
    for (const [path, amount] of header) {
      if (amount !== undefined && decimals(amount) > MAX_WAN_DECIMALS) ctx.report({ messageId: "tooManyDecimals", path, data: { amount } });
    }
  },
});
