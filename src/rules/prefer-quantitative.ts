import { indicatorEntries } from "../model/indicator-entries.js";
import { defineRule } from "./types.js";
import { numberOption } from "./helpers/options.js";
import { dimensionOf } from "./helpers/taxonomy.js";
import { isBlank, isTextual, isVague } from "./helpers/values.js";

export default defineRule({
  meta: {
    id: "prefer-quantitative",
    code: "PG010",
    catalogue: "R10",
    severity: "warning",
    description: {
      zh: "指标值应尽量定量；数量和成本指标不能用定性表述，定性指标占比不宜过高",
      en: "Targets should be quantitative where possible: none qualitative under quantity or cost, and few qualitative overall",
    },
    source: {
      zh: "《财政支出绩效评价管理暂行办法》（财预〔2011〕285号）及各地办法：绩效目标应“尽量进行定量表述。不能以量化形式表述的，可以采用定性的分级分档形式表述”",
      en: "Interim Measures for Fiscal Expenditure Performance Evaluation (财预〔2011〕285号) and local measures: targets are “expressed quantitatively as far as possible; where they cannot be quantified, a graded qualitative wording may be used”",
    },
    defaultOptions: { maxQualitativePercent: 30 },
    examples: {
      fail: `indicators:
  annual:
    - { tier1: 产出指标, tier2: 数量指标, tier3: 保卫科维稳, value: "常态化" }
`,
      pass: `indicators:
  annual:
    - { tier1: 产出指标, tier2: 数量指标, tier3: 维稳巡查, value: "≥12次/年" }
`,
    },
    messages: {
      vagueTarget: {
        zh: "“{tier2}”下的“{name}”指标值“{value}”没有可衡量的数字，请给出明确的数量或金额",
        en: "“{name}” under “{tier2}” has no measurable figure (“{value}”); give a definite quantity or amount",
      },
      tooManyQualitative: {
        zh: "定性或文字描述的指标值有 {count} 项，占 {share}%，超过 {limit}%",
        en: "{count} targets ({share}%) are qualitative or prose, more than {limit}%",
      },
      qualitativeShare: {
        zh: "定性或文字描述的指标值有 {count} 项，占 {share}%（上限 {limit}%）",
        en: "{count} targets ({share}%) are qualitative or prose (limit {limit}%)",
      },
    },
  },
  check(form, ctx) {
    const limit = numberOption(ctx, "maxQualitativePercent", 30);
    const filled = indicatorEntries(form).filter((e) => !isBlank(e.row.value));
    for (const { row, path } of filled) {
      const dim = dimensionOf(row);
      if ((dim === "quantity" || dim === "cost") && isVague(row.value)) {
        const data = { name: row.tier3.trim(), tier2: row.tier2.trim(), value: row.value.raw.trim() };
        ctx.report({ messageId: "vagueTarget", path: `${path}.value`, data });
      }
    }
    const count = filled.filter((e) => isTextual(e.row.value)).length;
    if (count === 0) return;
    const share = Math.round((count / filled.length) * 1000) / 10;
    const data = { count, share, limit };
    if (share > limit) ctx.report({ messageId: "tooManyQualitative", path: "indicators.annual", data });
    else ctx.report({ messageId: "qualitativeShare", path: "indicators.annual", data, severity: "info" });
  },
});
