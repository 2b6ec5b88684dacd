import { indicatorEntries } from "../model/indicator-entries.js";
import { defineRule } from "./types.js";

/** `1-2次/年`, `15～20项` written without the parser's range marking. */
const RANGE_TEXT = /^\s*(\d+(?:\.\d+)?)\s*[-~～—–]\s*\d+(?:\.\d+)?\s*(.*)$/;

export default defineRule({
  meta: {
    id: "range-lower-bound",
    code: "PG016",
    catalogue: "R16",
    severity: "info",
    description: {
      zh: "区间值（如“1-2次/年”）可以接受，但最好写成下限（“≥1次/年”）",
      en: "A range (1-2次/年) is acceptable, but a lower bound (≥1次/年) is clearer",
    },
    source: {
      zh: "常见审核做法：年终按完成值与指标值之比打分，区间使目标不明确",
      en: "Common review practice: the year-end score uses the ratio of achieved to target value, which a range leaves ambiguous",
    },
    examples: {
      fail: `indicators:
  annual:
    - { tier1: 产出指标, tier2: 数量指标, tier3: 应急处理, value: "1-2次/年" }
`,
      pass: `indicators:
  annual:
    - { tier1: 产出指标, tier2: 数量指标, tier3: 应急处理, value: "≥1次/年" }
`,
    },
    messages: {
      range: {
        zh: "指标值“{value}”是区间，建议写明下限，如“≥{low}{unit}”",
        en: "Target “{value}” is a range; state a lower bound such as “≥{low}{unit}”",
      },
    },
  },
  check(form, ctx) {
    for (const { row, path } of indicatorEntries(form)) {
      const value = row.value;
      if (value.kind === "date") continue;
      const text = RANGE_TEXT.exec(value.raw);
      if (value.comparison !== "range" && !text) continue;
      const low = value.numbers?.[0] ?? Number(text?.[1]);
      const unit = value.unit ?? text?.[2]?.trim() ?? "";
      ctx.report({ messageId: "range", path: `${path}.value`, data: { value: value.raw.trim(), low, unit } });
    }
  },
});
