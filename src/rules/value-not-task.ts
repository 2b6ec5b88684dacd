import { indicatorEntries } from "../model/indicator-entries.js";
import { defineRule } from "./types.js";
import { numberOption } from "./helpers/options.js";
import { normaliseText, sharedCharRatio } from "./helpers/text.js";
import { isVague } from "./helpers/values.js";
import { isGradedWording } from "./helpers/vocabulary.js";

export default defineRule({
  meta: {
    id: "value-not-task",
    code: "PG017",
    catalogue: "R17",
    severity: "warning",
    description: {
      zh: "指标值不能只是复述任务（如“优化营商环境工作经费”的指标值写“营商环境督查”）",
      en: "A target must not just restate the task (营商环境督查 as the target of 优化营商环境工作经费)",
    },
    source: {
      zh: "常见审核做法：指标值应指向明确、可衡量",
      en: "Common review practice: a target is specific and measurable",
    },
    defaultOptions: { minSharedRatio: 0.5 },
    examples: {
      fail: `indicators:
  annual:
    - { tier1: 产出指标, tier2: 数量指标, tier3: 优化营商环境工作经费, value: "营商环境督查" }
`,
      pass: `indicators:
  annual:
    - { tier1: 产出指标, tier2: 数量指标, tier3: 营商环境督查次数, value: "≥12次/年" }
`,
    },
    messages: {
      restatesTask: {
        zh: "“{name}”的指标值“{value}”只是复述任务，没有给出可衡量的目标",
        en: "The target “{value}” of “{name}” restates the task instead of giving a measurable target",
      },
    },
  },
  check(form, ctx) {
    const minShared = numberOption(ctx, "minSharedRatio", 0.5);
    for (const { row, path } of indicatorEntries(form)) {
      const value = row.value;
      if (!isVague(value) || isGradedWording(value.raw)) continue;
      const v = normaliseText(value.raw);
      const n = normaliseText(row.tier3);
      if (v === "" || n === "") continue;
      const restates = n.includes(v) || v.includes(n) || sharedCharRatio(v, n) >= minShared;
      if (restates) ctx.report({ messageId: "restatesTask", path: `${path}.value`, data: { name: row.tier3.trim(), value: value.raw.trim() } });
    }
  },
});
