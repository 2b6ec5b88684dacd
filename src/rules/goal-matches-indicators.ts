import { indicatorEntries } from "../model/indicator-entries.js";
import { defineRule } from "./types.js";
import { budgetWanYuan } from "./helpers/money.js";
import { quantitiesIn, sameQuantity, type Quantity } from "./helpers/quantities.js";

export default defineRule({
  meta: {
    id: "goal-matches-indicators",
    code: "PG025",
    catalogue: "R25",
    severity: "info",
    description: {
      zh: "年度绩效目标中写明的数量（如“实施营造林8万亩”）应在绩效指标中有对应的指标值",
      en: "Quantities named in the annual goal (实施营造林8万亩 …) appear as indicator targets",
    },
    source: {
      zh: "常见审核做法：对申报的绩效目标设定相关联的绩效指标",
      en: "Common review practice: every stated goal has a related indicator",
    },
    examples: {
      fail: `goals:
  annual: 实施营造林8万亩。
indicators:
  annual:
    - { tier1: 产出指标, tier2: 数量指标, tier3: 苗木采购, value: "≥20000株" }
`,
      pass: `goals:
  annual: 实施营造林8万亩。
indicators:
  annual:
    - { tier1: 产出指标, tier2: 数量指标, tier3: 营造林面积, value: "≥80000亩" }
`,
    },
    messages: {
      goalQuantityMissing: {
        zh: "年度目标中的“{quantity}”在绩效指标中没有对应的指标值",
        en: "“{quantity}” in the annual goal has no matching indicator target",
      },
    },
  },
  check(form, ctx) {
    const goal = form.goals.annual;
    if (!goal) return;
    const known: Quantity[] = indicatorEntries(form).flatMap((e) => quantitiesIn(e.row.value.raw));
    const budget = budgetWanYuan(form);
    if (budget !== undefined) known.push({ text: "", amount: budget, unit: "万元" });
    const reported = new Set<string>();
    for (const q of quantitiesIn(goal)) {
      if (known.some((k) => sameQuantity(k, q)) || reported.has(q.text)) continue;
      reported.add(q.text);
      ctx.report({ messageId: "goalQuantityMissing", path: "goals.annual", data: { quantity: q.text } });
    }
  },
});
