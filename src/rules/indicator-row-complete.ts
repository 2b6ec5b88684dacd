import { defineRule } from "./types.js";
import { allRows } from "./helpers/rows.js";
import { isBlank } from "./helpers/values.js";

export default defineRule({
  meta: {
    id: "indicator-row-complete",
    code: "PG002",
    catalogue: "R2",
    severity: "error",
    description: {
      zh: "每个三级指标都要有指标值；有指标值的行要有三级指标名称",
      en: "Every 三级 indicator has a value, and every value has an indicator name",
    },
    source: {
      zh: "常见审核做法：年终自评以完成值对照指标值打分，没有指标值的指标无法评价",
      en: "Common review practice: the year-end self-evaluation scores the achieved value against the target, so a row without a target cannot be scored",
    },
    examples: {
      fail: `indicators:
  annual:
    - { tier1: 产出指标, tier2: 数量指标, tier3: 培训人数, value: "" }
`,
      pass: `indicators:
  annual:
    - { tier1: 产出指标, tier2: 数量指标, tier3: 培训人数, value: "≥100人" }
`,
    },
    messages: {
      noValue: { zh: "三级指标“{name}”没有指标值", en: "Indicator “{name}” has no target value" },
      noName: { zh: "指标值“{value}”没有对应的三级指标名称", en: "Target value “{value}” has no indicator name" },
      notApplicable: {
        zh: "二级指标“{tier2}”下没有填写三级指标（视为不适用）",
        en: "No indicator under “{tier2}” (taken as not applicable)",
      },
    },
  },
  check(form, ctx) {
    for (const { row, path } of allRows(form)) {
      const hasName = row.tier3.trim() !== "";
      const hasValue = !isBlank(row.value);
      if (hasName && !hasValue) ctx.report({ messageId: "noValue", path: `${path}.value`, data: { name: row.tier3.trim() } });
      else if (!hasName && hasValue) ctx.report({ messageId: "noName", path: `${path}.tier3`, data: { value: row.value.raw.trim() } });
      else if (!hasName && !hasValue && row.tier2.trim() !== "") {
        ctx.report({ messageId: "notApplicable", path, data: { tier2: row.tier2.trim() }, severity: "info" });
      }
    }
  },
});
