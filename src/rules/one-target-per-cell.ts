import { indicatorEntries } from "../model/indicator-entries.js";
import { defineRule } from "./types.js";
import { excerpt } from "./helpers/text.js";
import { hasDigit } from "./helpers/values.js";
import { APPROXIMATE_PATTERN, TARGET_SEPARATOR } from "./helpers/vocabulary.js";

export default defineRule({
  meta: {
    id: "one-target-per-cell",
    code: "PG012",
    catalogue: "R12",
    severity: "warning",
    description: {
      zh: "一个指标值只写一个可衡量的目标，不用“约”“余”“按实际”等不确定表述",
      en: "One measurable target per cell, without 约 / 余 / 按实际 (approximate or open-ended wording)",
    },
    source: {
      zh: "常见审核做法：年终以一个完成值对照一个指标值，多个目标写在一格或目标不确定都无法评价",
      en: "Common review practice: the year-end review compares one achieved value with one target, so several targets in one cell or an open target cannot be scored",
    },
    examples: {
      fail: `indicators:
  annual:
    - { tier1: 产出指标, tier2: 数量指标, tier3: 毛发毒品检测, value: "检测吸毒人员约3500人次，特殊车辆驾驶员约600人次" }
`,
      pass: `indicators:
  annual:
    - { tier1: 产出指标, tier2: 数量指标, tier3: 吸毒人员检测, value: "≥3500人次" }
    - { tier1: 产出指标, tier2: 数量指标, tier3: 特殊车辆驾驶员检测, value: "≥600人次" }
`,
    },
    messages: {
      compound: {
        zh: "指标值“{value}”含 {count} 个目标，请拆分为多个三级指标",
        en: "Target “{value}” holds {count} targets; split it into separate indicators",
      },
      approximate: {
        zh: "指标值“{value}”不确定（约、余、按实际），请给出明确的数字",
        en: "Target “{value}” is approximate or open-ended (约, 余, 按实际); give a definite figure",
      },
    },
  },
  check(form, ctx) {
    for (const { row, path } of indicatorEntries(form)) {
      const raw = row.value.raw.trim();
      if (raw === "") continue;
      const targets = raw.split(TARGET_SEPARATOR).filter(hasDigit).length;
      const data = { value: excerpt(raw, 40) };
      if (targets >= 2) ctx.report({ messageId: "compound", path: `${path}.value`, data: { ...data, count: targets } });
      else if (row.value.approximate || APPROXIMATE_PATTERN.test(raw)) ctx.report({ messageId: "approximate", path: `${path}.value`, data });
    }
  },
});
