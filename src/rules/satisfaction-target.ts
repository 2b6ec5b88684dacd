import { indicatorEntries } from "../model/indicator-entries.js";
import { defineRule } from "./types.js";
import { numberOption } from "./helpers/options.js";
import { isSatisfactionName } from "./helpers/names.js";
import { dimensionOf } from "./helpers/taxonomy.js";
import { isBlank, isLowerBound, percentOf } from "./helpers/values.js";

export default defineRule({
  meta: {
    id: "satisfaction-target",
    code: "PG018",
    catalogue: "R18",
    severity: "warning",
    description: {
      zh: "满意度目标应为带“≥”的百分比，一般在85%–95%之间",
      en: "A satisfaction target is a percentage with ≥, normally 85–95%",
    },
    source: {
      zh: "常见做法（非正式规定）：已公开的申报表满意度目标均不低于85%，以“≥90%”最常见；阈值可在配置中调整",
      en: "Practice, not a formal rule: published forms set satisfaction at 85% or more, ≥90% being the most common; the thresholds are configurable",
    },
    defaultOptions: { warnBelow: 80, infoBelow: 85 },
    examples: {
      fail: `indicators:
  annual:
    - { tier1: 满意度指标, tier2: 服务对象满意度指标, tier3: 居民满意率, value: "≥75%" }
`,
      pass: `indicators:
  annual:
    - { tier1: 满意度指标, tier2: 服务对象满意度指标, tier3: 居民满意率, value: "≥90%" }
`,
    },
    messages: {
      notPercent: { zh: "满意度指标“{name}”的指标值“{value}”不是百分比", en: "Satisfaction target “{value}” of “{name}” is not a percentage" },
      tooLow: {
        zh: "满意度指标“{name}”的目标“{value}”低于{threshold}%",
        en: "Satisfaction target “{value}” of “{name}” is below {threshold}%",
      },
      low: {
        zh: "满意度指标“{name}”的目标“{value}”低于常见的{threshold}%",
        en: "Satisfaction target “{value}” of “{name}” is below the usual {threshold}%",
      },
      hundred: {
        zh: "满意度指标“{name}”的目标“{value}”难以达到和核实，审核通常建议“≥90%”或“≥95%”",
        en: "Satisfaction target “{value}” of “{name}” is hard to achieve and verify; reviewers prefer ≥90% or ≥95%",
      },
    },
  },
  check(form, ctx) {
    const warnBelow = numberOption(ctx, "warnBelow", 80);
    const infoBelow = numberOption(ctx, "infoBelow", 85);
    for (const { row, path } of indicatorEntries(form)) {
      const name = row.tier3.trim();
      if (dimensionOf(row) !== "satisfaction" && !isSatisfactionName(name)) continue;
      const value = row.value;
      if (isBlank(value)) continue;
      const data = { name, value: value.raw.trim() };
      const at = `${path}.value`;
      const p = percentOf(value);
      if (p === undefined) ctx.report({ messageId: "notPercent", path: at, data });
      else if (p < warnBelow) ctx.report({ messageId: "tooLow", path: at, data: { ...data, threshold: warnBelow } });
      else if (p < infoBelow) ctx.report({ messageId: "low", path: at, data: { ...data, threshold: infoBelow }, severity: "info" });
      // ≥100% is percent-range's finding; a plain 100% target is the one reviewers question.
      else if (p >= 100 && !isLowerBound(value)) ctx.report({ messageId: "hundred", path: at, data, severity: "info" });
    }
  },
});
