import { parseValue } from "../../src/model/value-parse.js";
import type { Form, IndicatorRow } from "../../src/model/form.js";
import { defineRule, type Rule, type RuleMeta } from "../../src/rules/types.js";

/** An indicator row from its three names and the value as written. */
export function row(tier1: string, tier2: string, tier3: string, value: string): IndicatorRow {
  return { tier1, tier2, tier3, value: parseValue(value) };
}

/** A small valid form; tests override what they are about. */
export function makeForm(overrides: Partial<Form> = {}): Form {
  return {
    amountUnit: "万元",
    project: { name: "测试项目" },
    funding: { total: 100 },
    goals: { annual: "完成培训" },
    indicators: { annual: [row("产出指标", "数量指标", "培训人数", "≥100人")] },
    ...overrides,
  };
}

/** A rule for engine tests: meta defaults filled in, `check` given. */
export function testRule(meta: Partial<RuleMeta> & { id: string }, check: Rule["check"]): Rule {
  return defineRule({
    meta: {
      code: "PG900",
      severity: "warning",
      description: { zh: `测试规则 ${meta.id}`, en: `test rule ${meta.id}` },
      source: { zh: "测试", en: "test" },
      messages: { found: { zh: "发现 {what}", en: "found {what}" } },
      ...meta,
    },
    check,
  });
}
