import { indicatorEntries } from "../model/indicator-entries.js";
import { STANDARD_TYPES } from "../model/terms.js";
import { defineRule } from "./types.js";
import { excerpt } from "./helpers/text.js";

const TYPES: readonly string[] = Object.values(STANDARD_TYPES);

export default defineRule({
  meta: {
    id: "performance-standard-type",
    code: "PG026",
    catalogue: "R26",
    severity: "info",
    description: {
      zh: `绩效标准栏应注明标准类型（${TYPES.join("、")}）`,
      en: `The 绩效标准 column names a standard type (${TYPES.join(", ")})`,
    },
    source: {
      zh: "常见审核做法：绩效标准分为历史标准、行业标准、计划标准和其他标准",
      en: "Common review practice: performance standards are historical, industry, planned or other standards",
    },
    examples: {
      fail: `indicators:
  annual:
    - { tier1: 产出指标, tier2: 数量指标, tier3: 应急处理, value: "≥1次/年", standard: 及时处理 }
`,
      pass: `indicators:
  annual:
    - { tier1: 产出指标, tier2: 数量指标, tier3: 应急处理, value: "≥1次/年", standard: 计划标准 }
`,
    },
    messages: {
      freeText: {
        zh: "“{name}”的绩效标准“{standard}”未注明标准类型（如计划标准）",
        en: "The standard “{standard}” of “{name}” names no standard type (e.g. 计划标准)",
      },
    },
  },
  check(form, ctx) {
    for (const { row, path } of indicatorEntries(form)) {
      const standard = row.standard?.trim();
      if (!standard || TYPES.some((t) => standard.includes(t))) continue;
      ctx.report({ messageId: "freeText", path: `${path}.standard`, data: { name: row.tier3.trim(), standard: excerpt(standard, 30) } });
    }
  },
});
