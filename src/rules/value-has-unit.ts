import { indicatorEntries } from "../model/indicator-entries.js";
import { defineRule } from "./types.js";
import { isCountName, isRateName, unitInName } from "./helpers/names.js";
import { isPercent } from "./helpers/values.js";

export default defineRule({
  meta: {
    id: "value-has-unit",
    code: "PG013",
    catalogue: "R13",
    severity: "warning",
    description: {
      zh: "定量指标值要有计量单位，且单位与指标名称相符（“…率”用%，“…数量/人数/面积”用数量单位）",
      en: "Quantitative targets carry a unit that fits the name (a …率 in %, a count or area in its unit)",
    },
    source: {
      zh: "常见审核做法：指标值应写明计量单位，没有单位的数字无法核对",
      en: "Common review practice: a target states its unit; a bare number cannot be checked",
    },
    examples: {
      fail: `indicators:
  annual:
    - { tier1: 产出指标, tier2: 数量指标, tier3: 新建道路, value: "≥12" }
`,
      pass: `indicators:
  annual:
    - { tier1: 产出指标, tier2: 数量指标, tier3: 新建道路, value: "≥12公里" }
`,
    },
    messages: {
      noUnit: { zh: "“{name}”的指标值“{value}”没有计量单位", en: "“{name}” has a target “{value}” without a unit" },
      rateNeedsPercent: {
        zh: "“{name}”是比率，指标值“{value}”应以百分比表示",
        en: "“{name}” is a rate; give “{value}” as a percentage",
      },
      countNotPercent: {
        zh: "“{name}”是数量，指标值“{value}”不应是百分比",
        en: "“{name}” is a count or measure; “{value}” should not be a percentage",
      },
    },
  },
  check(form, ctx) {
    for (const { row, path } of indicatorEntries(form)) {
      const value = row.value;
      const numeric = (value.kind === "count" || value.kind === "percent" || value.kind === "money") && (value.numbers?.length ?? 0) > 0;
      if (!numeric) continue;
      const name = row.tier3.trim();
      const data = { name, value: value.raw.trim() };
      const at = `${path}.value`;
      const unit = value.unit ?? (row.unit?.trim() || undefined) ?? unitInName(name);
      const percent = isPercent(value) || unit === "%";
      if (isRateName(name) && !percent) ctx.report({ messageId: "rateNeedsPercent", path: at, data });
      else if (unit === undefined) ctx.report({ messageId: "noUnit", path: at, data });
      else if (isCountName(name) && percent) ctx.report({ messageId: "countNotPercent", path: at, data });
    }
  },
});
