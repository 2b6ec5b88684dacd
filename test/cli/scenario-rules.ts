import { TIER2 } from "../../src/model/terms.js";
import type { Rule } from "../../src/rules/types.js";
import { testRule } from "../lint/helpers.js";

/** Small rules for CLI scenarios, so they do not depend on the rule catalogue. */
export const scenarioRules: Rule[] = [
  testRule(
    {
      id: "cost-not-lower-bound",
      code: "PG901",
      severity: "error",
      messages: { lowerBound: { zh: "成本指标不应写成下限：{value}", en: "a cost cap must not be a lower bound: {value}" } },
    },
    (form, ctx) =>
      form.indicators.annual.forEach((r, i) => {
        if (r.tier2 === TIER2.cost && /^[≥≧]/.test(r.value.raw.trim())) {
          ctx.report({ messageId: "lowerBound", path: `indicators.annual[${i}].value`, data: { value: r.value.raw } });
        }
      }),
  ),
  testRule(
    { id: "range-value", code: "PG902", severity: "warning", messages: { range: { zh: "指标值是区间：{value}", en: "the value is a range: {value}" } } },
    (form, ctx) =>
      form.indicators.annual.forEach((r, i) => {
        if (/^\d+\s*-\s*\d+/.test(r.value.raw.trim())) ctx.report({ messageId: "range", path: `indicators.annual[${i}].value`, data: { value: r.value.raw } });
      }),
  ),
  testRule(
    { id: "same-goals", code: "PG903", severity: "info", messages: { same: { zh: "实施期目标与年度目标相同", en: "the long-term and annual goals are the same" } } },
    (form, ctx) => {
      if (form.goals.longTerm && form.goals.longTerm === form.goals.annual) ctx.report({ messageId: "same", path: "goals.annual" });
    },
  ),
  testRule(
    { id: "profile-note", code: "PG904", severity: "info", messages: { profile: { zh: "按 {profile} 口径审核", en: "reviewed under {profile}" } } },
    (_form, ctx) => {
      if (ctx.profile) ctx.report({ messageId: "profile", path: "project", data: { profile: ctx.profile } });
    },
  ),
];
