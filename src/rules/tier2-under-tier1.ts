import { defineRule, type Fix } from "./types.js";
import { allRows, groupBy, type RowEntry } from "./helpers/rows.js";
import { canonicalTier1, canonicalTier2, isRespelling, isSingleSlip, LEGACY_IN_ERA_B, parentsOf, suggestTier1, suggestTier2, TAXONOMY } from "./helpers/taxonomy.js";

/** The label rewritten in every row of the group: one cell of the form, filled down its rows. */
function labelFix(group: readonly RowEntry[], field: "tier1" | "tier2", to: string): Fix {
  return { edits: group.map((e) => ({ path: `${e.path}.${field}`, from: e.row[field], to })) };
}

/** How a message names each taxonomy era. */
const ERA_NAMES = { A: "2015+", B: "2021+" } as const;

export default defineRule({
  meta: {
    id: "tier2-under-tier1",
    code: "PG007",
    catalogue: "R7",
    severity: "error",
    description: {
      zh: "二级指标须归属正确的一级指标（按表单采用的指标体系）",
      en: "Each tier-2 category sits under the right tier-1 category (for the form's taxonomy era)",
    },
    source: {
      zh: "常见审核做法：产出（数量、质量、时效、成本）、效益（经济、社会、生态、可持续影响）、满意度（服务对象满意度）的分类；2021年起的体系将成本列为一级",
      en: "Common review practice: outputs (quantity, quality, timeliness, cost), benefits (economic, social, ecological, sustainable impact), satisfaction; the 2021 taxonomy makes cost a tier-1 category",
    },
    examples: {
      fail: `indicators:
  annual:
    - { tier1: 效益指标, tier2: 成本指标, tier3: 培训费, value: "≤10万元" }
`,
      pass: `indicators:
  annual:
    - { tier1: 产出指标, tier2: 成本指标, tier3: 培训费, value: "≤10万元" }
`,
    },
    messages: {
      wrongParent: {
        zh: "二级指标“{tier2}”不应放在“{tier1}”下（应属于：{expected}）",
        en: "“{tier2}” does not belong under “{tier1}” (it belongs under: {expected})",
      },
      unknownTier2: { zh: "无法识别的二级指标“{tier2}”", en: "Unknown tier-2 category “{tier2}”" },
      unknownTier1: { zh: "无法识别的一级指标“{tier1}”", en: "Unknown tier-1 category “{tier1}”" },
      tier1Typo: { zh: "一级指标“{tier1}”写法有误，是否应为“{suggestion}”？", en: "Tier-1 category “{tier1}” is misspelt: did you mean “{suggestion}”?" },
      tier2Typo: { zh: "二级指标“{tier2}”写法有误，是否应为“{suggestion}”？", en: "Tier-2 category “{tier2}” is misspelt: did you mean “{suggestion}”?" },
      tier1NotInEra: {
        zh: "一级指标“{tier1}”不属于本表采用的指标体系（{era}）",
        en: "Tier-1 category “{tier1}” is not part of the taxonomy this form follows ({era})",
      },
      tier1Alias: { zh: "一级指标“{written}”按“{canonical}”理解，建议使用规范名称", en: "Tier-1 label “{written}” read as “{canonical}”; use the standard name" },
      tier2Alias: { zh: "二级指标“{written}”按“{canonical}”理解，建议使用规范名称", en: "Tier-2 label “{written}” read as “{canonical}”; use the standard name" },
      legacyTier2: {
        zh: "二级指标“{tier2}”在2021年起的体系中已不单列，地方系统仍接受",
        en: "“{tier2}” is no longer a separate category in the 2021 taxonomy; local systems still accept it",
      },
    },
  },
  check(form, ctx) {
    const rows = allRows(form).filter((e) => e.row.tier1.trim() !== "");
    const taxonomy = TAXONOMY[ctx.era];
    const eraName = ERA_NAMES[ctx.era];

    for (const [, group] of groupBy(rows, (e) => `${e.table}|${e.row.tier1.trim()}`)) {
      const first = group[0]!;
      const written = first.row.tier1.trim();
      const t1 = canonicalTier1(written);
      const at = `${first.path}.tier1`;
      if (!t1.name) {
        // A near miss of one canonical name is a slip to correct, not a category of its own.
        const suggestion = suggestTier1(written);
        if (suggestion) {
          const fix = isSingleSlip(written, suggestion) ? { fix: labelFix(group, "tier1", suggestion) } : {};
          ctx.report({ messageId: "tier1Typo", path: at, data: { tier1: written, suggestion }, ...fix });
        }
        else ctx.report({ messageId: "unknownTier1", path: at, data: { tier1: written }, severity: "warning" });
      }
      else if (!taxonomy[t1.name]) ctx.report({ messageId: "tier1NotInEra", path: at, data: { tier1: written, era: eraName }, severity: "warning" });
      else if (t1.alias) {
        const fix = isRespelling(written, t1.name) ? { fix: labelFix(group, "tier1", t1.name) } : {};
        ctx.report({ messageId: "tier1Alias", path: at, data: { written, canonical: t1.name }, severity: "info", ...fix });
      }
    }

    const withTier2 = rows.filter((e) => e.row.tier2.trim() !== "");
    for (const [, group] of groupBy(withTier2, (e) => `${e.table}|${e.row.tier1.trim()}|${e.row.tier2.trim()}`)) {
      const first = group[0]!;
      const written = first.row.tier2.trim();
      const at = `${first.path}.tier2`;
      const t2 = canonicalTier2(written);
      if (!t2.name) {
        const suggestion = suggestTier2(written);
        if (suggestion) {
          const fix = isSingleSlip(written, suggestion) ? { fix: labelFix(group, "tier2", suggestion) } : {};
          ctx.report({ messageId: "tier2Typo", path: at, data: { tier2: written, suggestion }, ...fix });
        }
        else ctx.report({ messageId: "unknownTier2", path: at, data: { tier2: written }, severity: "warning" });
        continue;
      }
      const t1 = canonicalTier1(first.row.tier1).name;
      const allowed = t1 ? taxonomy[t1] : undefined;
      if (!allowed) continue;
      if (!allowed.includes(t2.name)) {
        const otherEra = ctx.era === "A" ? "B" : "A";
        const expected =
          parentsOf(ctx.era, t2.name).join("、") || `${parentsOf(otherEra, t2.name).join("、")} (${ERA_NAMES[otherEra]})`;
        ctx.report({ messageId: "wrongParent", path: at, data: { tier2: written, tier1: first.row.tier1.trim(), expected } });
      } else if (ctx.era === "B" && LEGACY_IN_ERA_B.includes(t2.name)) {
        ctx.report({ messageId: "legacyTier2", path: at, data: { tier2: written }, severity: "info" });
      } else if (t2.alias) {
        const fix = isRespelling(written, t2.name) ? { fix: labelFix(group, "tier2", t2.name) } : {};
        ctx.report({ messageId: "tier2Alias", path: at, data: { written, canonical: t2.name }, severity: "info", ...fix });
      }
    }
  },
});
