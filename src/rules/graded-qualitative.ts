import { indicatorEntries } from "../model/indicator-entries.js";
import { defineRule } from "./types.js";
import { isVague } from "./helpers/values.js";
import { isGradedWording } from "./helpers/vocabulary.js";
import { dimensionOf } from "./helpers/taxonomy.js";

/**
 * Quantities and costs can always be quantified, so a graded wording is no answer there (the
 * number is what prefer-quantitative asks for); grading is for what cannot be put in numbers.
 */
const MUST_BE_NUMBERS = new Set(["quantity", "cost"]);

export default defineRule({
  meta: {
    id: "graded-qualitative",
    code: "PG011",
    catalogue: "R11",
    severity: "info",
    description: {
      zh: "定性指标值应采用分级分档的表述（如“明显提升”“达到”“零发生”），而不是任意文字；数量和成本指标应为数字，不以分级表述代替",
      en: "Qualitative targets use a graded wording (明显提升, 达到, 零发生 …), not free text; quantities and costs are due as numbers, not grades",
    },
    source: {
      zh: "《财政支出绩效评价管理暂行办法》（财预〔2011〕285号）及各地办法：“不能以量化形式表述的，可以采用定性的分级分档形式表述”",
      en: "Interim Measures for Fiscal Expenditure Performance Evaluation (财预〔2011〕285号) and local measures: “where targets cannot be quantified, a graded qualitative wording may be used”",
    },
    examples: {
      fail: `indicators:
  annual:
    - { tier1: 效益指标, tier2: 社会效益指标, tier3: 社会治安, value: "常态化" }
`,
      pass: `indicators:
  annual:
    - { tier1: 效益指标, tier2: 社会效益指标, tier3: 肇事肇祸事件, value: "零发生" }
`,
    },
    messages: {
      useGradedWording: {
        zh: "“{name}”的指标值“{value}”不是分级分档的表述，年终难以判断是否达成",
        en: "“{name}” has “{value}”, which is not a graded wording; achievement will be hard to judge at year end",
      },
    },
  },
  check(form, ctx) {
    for (const { row, path } of indicatorEntries(form)) {
      if (!isVague(row.value) || isGradedWording(row.value.raw) || MUST_BE_NUMBERS.has(dimensionOf(row) ?? "")) continue;
      ctx.report({ messageId: "useGradedWording", path: `${path}.value`, data: { name: row.tier3.trim(), value: row.value.raw.trim() } });
    }
  },
});
