import { indicatorEntries } from "../model/indicator-entries.js";
import { defineRule } from "./types.js";
import { numberOption } from "./helpers/options.js";
import { groupBy } from "./helpers/rows.js";
import { tier1Of } from "./helpers/tiers.js";

export default defineRule({
  meta: {
    id: "indicator-count",
    code: "PG024",
    catalogue: "R24",
    severity: "warning",
    description: {
      zh: "指标数量适中：一般不少于3项、不多于40项，单个一级指标不超过20项",
      en: "A reasonable number of indicators: 3 to 40, no tier-1 category with more than 20",
    },
    source: {
      zh: "常见审核做法：绩效指标应重点突出；多数申报表有7–20项指标（阈值为经验值，可配置）",
      en: "Common review practice: indicators should be focused; most forms have 7–20 (thresholds are rules of thumb, configurable)",
    },
    defaultOptions: { min: 3, max: 40, maxPerTier1: 20 },
    examples: {
      fail: `indicators:
  annual:
    - { tier1: 产出指标, tier2: 数量指标, tier3: 培训人数, value: "≥100人" }
    - { tier1: 满意度指标, tier2: 服务对象满意度指标, tier3: 学员满意度, value: "≥90%" }
`,
      pass: `indicators:
  annual:
    - { tier1: 产出指标, tier2: 数量指标, tier3: 培训人数, value: "≥100人" }
    - { tier1: 效益指标, tier2: 社会效益指标, tier3: 就业能力, value: "明显提升" }
    - { tier1: 满意度指标, tier2: 服务对象满意度指标, tier3: 学员满意度, value: "≥90%" }
`,
    },
    messages: {
      tooFew: { zh: "只有 {count} 项绩效指标，少于 {min} 项", en: "Only {count} indicators, fewer than {min}" },
      tooMany: { zh: "共有 {count} 项绩效指标，超过 {max} 项，请突出重点", en: "{count} indicators, more than {max}: keep the key ones" },
      tier1TooMany: {
        zh: "一级指标“{tier1}”下有 {count} 项指标，超过 {max} 项",
        en: "{count} indicators under “{tier1}”, more than {max}",
      },
    },
  },
  check(form, ctx) {
    const min = numberOption(ctx, "min", 3);
    const max = numberOption(ctx, "max", 40);
    const maxPerTier1 = numberOption(ctx, "maxPerTier1", 20);
    const rows = indicatorEntries(form).filter((e) => e.table === "annual");
    const count = rows.length;
    if (count < min) ctx.report({ messageId: "tooFew", path: "indicators.annual", data: { count, min } });
    else if (count > max) ctx.report({ messageId: "tooMany", path: "indicators.annual", data: { count, max } });
    for (const [tier1, group] of groupBy(rows, (e) => tier1Of(e.row, ctx.era) ?? e.row.tier1.trim())) {
      if (group.length <= maxPerTier1) continue;
      const data = { tier1, count: group.length, max: maxPerTier1 };
      ctx.report({ messageId: "tier1TooMany", path: `${group[0]!.path}.tier1`, data, severity: "info" });
    }
  },
});
