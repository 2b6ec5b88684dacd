import { indicatorEntries } from "../model/indicator-entries.js";
import { TIER2 } from "../model/terms.js";
import { defineRule } from "./types.js";
import { isSatisfactionName } from "./helpers/names.js";
import { dimensionOf } from "./helpers/taxonomy.js";
import { amountInText, isBlank, isMoneyRate, isPercent } from "./helpers/values.js";

export default defineRule({
  meta: {
    id: "indicator-fits-tier2",
    code: "PG008",
    catalogue: "R8",
    severity: "warning",
    description: {
      zh: "三级指标应衡量其二级指标所指的维度（数量、质量、时效、成本、满意度）",
      en: "A 三级 indicator measures the dimension its tier-2 category names (quantity, quality, timeliness, cost, satisfaction)",
    },
    source: {
      zh: "常见审核问题：“质量指标与效益指标混淆”“将满意度指标代替效益指标”；各二级指标的含义为常见审核做法",
      en: "Common review findings: quality mixed up with benefit indicators, satisfaction used in place of benefits; the meaning of each tier-2 category is common review practice",
    },
    examples: {
      fail: `indicators:
  annual:
    - { tier1: 产出指标, tier2: 质量指标, tier3: 居民满意率, value: "≥90%" }
`,
      pass: `indicators:
  annual:
    - { tier1: 满意度指标, tier2: 服务对象满意度指标, tier3: 居民满意率, value: "≥90%" }
`,
    },
    messages: {
      satisfactionElsewhere: {
        zh: `“{name}”衡量满意度，应移至${TIER2.beneficiarySatisfaction}`,
        en: `“{name}” measures satisfaction: move it to ${TIER2.beneficiarySatisfaction}`,
      },
      notSatisfaction: {
        zh: "满意度指标下的“{name}”既不是满意度名称，指标值也不是百分比",
        en: "“{name}” under satisfaction is neither named as a satisfaction measure nor given as a percentage",
      },
      timelinessCount: {
        zh: `${TIER2.timeliness}“{name}”的指标值“{value}”是数量，时效指标应为日期、期限或及时率`,
        en: `Timeliness indicator “{name}” has a count “{value}”; expected a date, deadline or on-time rate`,
      },
      costNotMoney: {
        zh: "成本指标“{name}”的指标值“{value}”不是金额、单价或成本控制率",
        en: "Cost indicator “{name}” has “{value}”, which is not an amount, unit price or cost-control rate",
      },
      costAmountInText: {
        zh: "成本指标“{name}”的金额“{amount}”写在文字“{value}”中，请把金额单独作为指标值（如“≤{amount}”）",
        en: "Cost indicator “{name}” gives its amount “{amount}” inside the text “{value}”: give the amount alone as the target (e.g. “≤{amount}”)",
      },
      quantityPercent: {
        zh: `${TIER2.quantity}“{name}”的指标值是百分比“{value}”，数量指标应为带计量单位的数量`,
        en: `Quantity indicator “{name}” has a percentage “{value}”; expected a count with a unit`,
      },
    },
  },
  check(form, ctx) {
    for (const { row, path } of indicatorEntries(form)) {
      const name = row.tier3.trim();
      const value = row.value;
      const data = { name, value: value.raw.trim() };
      const dim = dimensionOf(row);
      if (isSatisfactionName(name) && dim !== "satisfaction") {
        ctx.report({ messageId: "satisfactionElsewhere", path: `${path}.tier3`, data });
        continue;
      }
      if (isBlank(value)) continue;
      if (dim === "satisfaction" && !/满意/.test(name) && !isPercent(value)) {
        ctx.report({ messageId: "notSatisfaction", path: `${path}.tier3`, data });
      } else if (dim === "timeliness" && value.kind === "count") {
        ctx.report({ messageId: "timelinessCount", path: `${path}.value`, data });
      } else if (dim === "cost" && value.kind !== "money" && !isMoneyRate(value) && !isPercent(value)) {
        // An amount in a sentence is money all the same: the fault is the wording, not the measure.
        const amount = amountInText(value);
        if (amount) ctx.report({ messageId: "costAmountInText", path: `${path}.value`, data: { ...data, amount } });
        else ctx.report({ messageId: "costNotMoney", path: `${path}.value`, data });
      } else if (dim === "quantity" && isPercent(value) && !/率$/.test(name)) {
        ctx.report({ messageId: "quantityPercent", path: `${path}.value`, data });
      }
    }
  },
});
