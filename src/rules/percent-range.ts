import { indicatorEntries } from "../model/indicator-entries.js";
import { defineRule } from "./types.js";
import { isCappedRateName, isGrowthName } from "./helpers/names.js";
import { isLowerBound, isPercent } from "./helpers/values.js";

export default defineRule({
  meta: {
    id: "percent-range",
    code: "PG015",
    catalogue: "R15",
    severity: "error",
    description: {
      zh: "百分比指标值在 0–100% 之间；比率不宜写“≥100%”",
      en: "Percentages lie within 0–100%; a rate should not be written ≥100%",
    },
    source: {
      zh: "常见审核做法：满意度、合格率、覆盖率等不可能超过100%，超过多为录入或提取错误",
      en: "Common review practice: satisfaction, pass and coverage rates cannot exceed 100%; a larger figure is usually a typing or extraction error",
    },
    examples: {
      fail: `indicators:
  annual:
    - { tier1: 产出指标, tier2: 质量指标, tier3: 验收合格率, value: "292%" }
`,
      pass: `indicators:
  annual:
    - { tier1: 产出指标, tier2: 质量指标, tier3: 验收合格率, value: "≥92%" }
`,
    },
    messages: {
      over100: { zh: "“{name}”的指标值“{value}”超过100%", en: "“{name}” has “{value}”, above 100%" },
      negative: { zh: "“{name}”的指标值“{value}”为负数", en: "“{name}” has a negative target “{value}”" },
      atLeast100: {
        zh: "“{name}”写作“{value}”，比率不可能超过100%，实际等于“=100%”",
        en: "“{name}” is written “{value}”; a rate cannot exceed 100%, so this means “=100%”",
      },
    },
  },
  check(form, ctx) {
    for (const { row, path } of indicatorEntries(form)) {
      const value = row.value;
      if (!isPercent(value) || !value.numbers?.length) continue;
      const name = row.tier3.trim();
      const data = { name, value: value.raw.trim() };
      const at = `${path}.value`;
      if (value.numbers.some((n) => n < 0)) ctx.report({ messageId: "negative", path: at, data });
      else if (value.numbers.some((n) => n > 100) && !isGrowthName(name)) ctx.report({ messageId: "over100", path: at, data });
      else if (value.numbers[0] === 100 && isLowerBound(value) && isCappedRateName(name)) {
        ctx.report({ messageId: "atLeast100", path: at, data, severity: "warning" });
      }
    }
  },
});
