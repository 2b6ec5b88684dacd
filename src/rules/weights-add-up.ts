import { indicatorEntries } from "../model/indicator-entries.js";
import { defineRule } from "./types.js";
import { numberListOption } from "./helpers/options.js";
import { groupBy } from "./helpers/rows.js";

/** A 一级 label with its score range, `成本指标(0-20)分`. */
const SCORE_RANGE = /[(（]\s*(\d+(?:\.\d+)?)\s*[-~～—–]\s*(\d+(?:\.\d+)?)\s*[)）]\s*分/;
const TOLERANCE = 0.01;

export default defineRule({
  meta: {
    id: "weights-add-up",
    code: "PG027",
    catalogue: "R27",
    severity: "error",
    description: {
      zh: "有权重（分值）栏时，指标权重合计为100（预算执行率10分单列时为90），各一级指标分值在标明的范围内",
      en: "Where the form has weights, they sum to 100 (90 when budget execution's 10 points sit outside the table), each tier-1 within its stated range",
    },
    source: {
      zh: "常见评分做法：一级指标权重合计100分，预算执行率10分单列时指标合计90分；部分审批表在一级指标旁标明分值范围",
      en: "Common scoring practice: weights total 100, or 90 when budget execution (10 points) is scored separately; some forms print a score range next to each tier-1 category",
    },
    defaultOptions: { totals: [90, 100] },
    examples: {
      fail: `indicators:
  annual:
    - { tier1: 产出指标, tier2: 数量指标, tier3: 培训人数, value: "≥100人", weight: 50 }
    - { tier1: 效益指标, tier2: 社会效益指标, tier3: 就业能力, value: "明显提升", weight: 30 }
`,
      pass: `indicators:
  annual:
    - { tier1: 产出指标, tier2: 数量指标, tier3: 培训人数, value: "≥100人", weight: 50 }
    - { tier1: 效益指标, tier2: 社会效益指标, tier3: 就业能力, value: "明显提升", weight: 30 }
    - { tier1: 满意度指标, tier2: 服务对象满意度指标, tier3: 学员满意度, value: "≥90%", weight: 10 }
`,
    },
    messages: {
      totalMismatch: { zh: "指标权重合计 {sum}，应为 {expected}", en: "Weights add up to {sum}; expected {expected}" },
      tier1OutOfRange: {
        zh: "一级指标“{tier1}”的分值合计 {sum}，不在标明的 {low}–{high} 分之内",
        en: "Weights under “{tier1}” add up to {sum}, outside its stated {low}–{high} points",
      },
      missingWeight: { zh: "“{name}”没有填写权重", en: "“{name}” has no weight" },
    },
  },
  check(form, ctx) {
    const rows = indicatorEntries(form).filter((e) => e.table === "annual");
    const weighted = rows.filter((e) => e.row.weight !== undefined);
    if (weighted.length === 0) return;
    for (const e of rows) {
      if (e.row.weight === undefined) ctx.report({ messageId: "missingWeight", path: `${e.path}.weight`, data: { name: e.row.tier3.trim() }, severity: "warning" });
    }
    const totals = numberListOption(ctx, "totals", [90, 100]);
    const sum = weighted.reduce((acc, e) => acc + (e.row.weight ?? 0), 0);
    if (!totals.some((t) => Math.abs(t - sum) <= TOLERANCE)) {
      ctx.report({ messageId: "totalMismatch", path: "indicators.annual", data: { sum, expected: totals.join(" / ") } });
    }
    for (const [tier1, group] of groupBy(rows, (e) => e.row.tier1.trim())) {
      const range = SCORE_RANGE.exec(tier1);
      if (!range) continue;
      const low = Number(range[1]);
      const high = Number(range[2]);
      const groupSum = group.reduce((acc, e) => acc + (e.row.weight ?? 0), 0);
      if (groupSum < low - TOLERANCE || groupSum > high + TOLERANCE) {
        ctx.report({ messageId: "tier1OutOfRange", path: `${group[0]!.path}.tier1`, data: { tier1, sum: groupSum, low, high } });
      }
    }
  },
});
