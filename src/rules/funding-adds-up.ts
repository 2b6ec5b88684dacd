import { FIELD_LABELS, FUNDING_LEVELS } from "../model/terms.js";
import { defineRule } from "./types.js";
import { formatAmount, MONEY_TOLERANCE } from "./helpers/money.js";

/** How the parts are named in the message (the form's own labels are longer: 年度本级预算金额 …). */
const OWN_LEVEL = "本级资金";
const UPPER_LEVEL = "上级资金";

export default defineRule({
  meta: {
    id: "funding-adds-up",
    code: "PG019",
    catalogue: "R19",
    severity: "error",
    description: {
      zh: "资金总额等于各资金来源之和，也等于本级资金与上级资金之和；上级资金等于中央、省级、市级、县级之和",
      en: "The budget total equals the sum of its sources, and the own-level plus upper-level funds; upper-level funds equal the central, provincial, municipal and county amounts",
    },
    source: {
      zh: "申报表填报说明：“填写项目资金总额，并按资金来源不同分别填写，包括财政拨款、自有资金、其他等”",
      en: "The form's filling instructions: give the project's total and split it by source (fiscal appropriation, own funds, other …)",
    },
    examples: {
      fail: `funding: { total: 100, fiscal: 80, other: 10 }
`,
      pass: `funding: { total: 100, fiscal: 80, other: 20 }
`,
    },
    messages: {
      totalMismatch: {
        zh: "资金总额 {total} 与各来源之和 {sum}（{parts}）不一致",
        en: "Budget total {total} differs from the sum of its sources {sum} ({parts})",
      },
      levelsMismatch: {
        zh: "资金总额 {total} 与本级资金和上级资金之和 {sum}（{parts}）不一致；成本指标按资金总额审核，请核对两处金额",
        en: "Budget total {total} differs from own-level plus upper-level funds {sum} ({parts}); cost indicators are checked against the total, so check both figures",
      },
      upperMismatch: {
        zh: "上级资金 {total} 与分级金额之和 {sum}（{parts}）不一致",
        en: "Upper-level funds {total} differ from the sum by level {sum} ({parts})",
      },
    },
  },
  check(form, ctx) {
    const f = form.funding;
    const sources: [string, number | undefined][] = [
      [FIELD_LABELS.fiscal[0], f.fiscal],
      [FIELD_LABELS.selfRaised[0], f.selfRaised],
      [FIELD_LABELS.other[0], f.other],
      [FIELD_LABELS.carryOver[0], f.carryOver],
    ];
    const given = sources.filter((s): s is [string, number] => s[1] !== undefined);
    // Only a split that names 财政拨款, or two sources or more, claims to be complete.
    if (f.total !== undefined && (f.fiscal !== undefined || given.length >= 2)) {
      report("totalMismatch", "funding.total", f.total, given);
    }
    const up = f.upperLevel;
    // 本级 + 上级 is the whole budget: a total edited without its 本级 figure (or the reverse) shows here.
    if (f.total !== undefined && f.ownLevel !== undefined) {
      const upper = up?.total ?? sumOfLevels(up);
      report("levelsMismatch", "funding.total", f.total, [[OWN_LEVEL, f.ownLevel], ...(upper !== undefined ? [[UPPER_LEVEL, upper] as [string, number]] : [])]);
    }
    if (up?.total !== undefined) {
      const levels = (Object.keys(FUNDING_LEVELS) as (keyof typeof FUNDING_LEVELS)[])
        .map((k): [string, number | undefined] => [FUNDING_LEVELS[k], up[k]])
        .filter((s): s is [string, number] => s[1] !== undefined);
      if (levels.length > 0) report("upperMismatch", "funding.upperLevel.total", up.total, levels);
    }

    function sumOfLevels(u: typeof up): number | undefined {
      const amounts = (Object.keys(FUNDING_LEVELS) as (keyof typeof FUNDING_LEVELS)[]).map((k) => u?.[k]).filter((n): n is number => n !== undefined);
      return amounts.length > 0 ? amounts.reduce((a, b) => a + b, 0) : undefined;
    }

    function report(messageId: string, path: string, total: number, parts: [string, number][]): void {
      const sum = parts.reduce((acc, [, n]) => acc + n, 0);
      if (Math.abs(sum - total) <= MONEY_TOLERANCE) return;
      const listed = parts.map(([label, n]) => `${label} ${formatAmount(n)}`).join(" + ");
      ctx.report({ messageId, path, data: { total: formatAmount(total), sum: formatAmount(sum), parts: listed } });
    }
  },
});
