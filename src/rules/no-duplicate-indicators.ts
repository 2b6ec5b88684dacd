import { indicatorEntries } from "../model/indicator-entries.js";
import { defineRule } from "./types.js";
import { groupBy } from "./helpers/rows.js";
import { canonicalTier2 } from "./helpers/taxonomy.js";
import { normaliseText } from "./helpers/text.js";

export default defineRule({
  meta: {
    id: "no-duplicate-indicators",
    code: "PG009",
    catalogue: "R9",
    severity: "warning",
    description: {
      zh: "同一二级指标下不应重复设置相同的三级指标和指标值",
      en: "No indicator repeated with the same name and value under the same tier-2 category",
    },
    source: {
      zh: "常见审核做法：绩效指标应重点突出，避免重复",
      en: "Common review practice: indicators should be focused, without repetition",
    },
    examples: {
      fail: `indicators:
  annual:
    - { tier1: 产出指标, tier2: 数量指标, tier3: 培训人数, value: "≥100人" }
    - { tier1: 产出指标, tier2: 数量指标, tier3: 培训人数, value: "≥100人" }
`,
      pass: `indicators:
  annual:
    - { tier1: 产出指标, tier2: 数量指标, tier3: 培训人数, value: "≥100人" }
    - { tier1: 产出指标, tier2: 数量指标, tier3: 培训场次, value: "≥4场" }
`,
    },
    messages: {
      duplicate: {
        zh: "“{name}”（{value}）在“{tier2}”下重复出现",
        en: "“{name}” ({value}) appears more than once under “{tier2}”",
      },
      reusedName: {
        zh: "“{name}”同时用作多个二级指标下的三级指标（{tier2s}），请确认各自衡量的内容",
        en: "“{name}” is used as an indicator under several tier-2 categories ({tier2s}); make sure each measures something different",
      },
    },
  },
  check(form, ctx) {
    const entries = indicatorEntries(form);
    const tier2Of = (raw: string) => canonicalTier2(raw).name ?? raw.trim();
    const byName = groupBy(entries, (e) => `${e.table}|${normaliseText(e.row.tier3)}`);
    for (const [, group] of byName) {
      if (group.length < 2) continue;
      const name = group[0]!.row.tier3.trim();
      const seen = new Set<string>();
      for (const e of group) {
        const key = `${tier2Of(e.row.tier2)}|${normaliseText(e.row.value.raw)}`;
        if (seen.has(key)) {
          const data = { name, value: e.row.value.raw.trim(), tier2: e.row.tier2.trim() };
          ctx.report({ messageId: "duplicate", path: `${e.path}.tier3`, data });
        }
        seen.add(key);
      }
      const tier2s = [...new Set(group.map((e) => tier2Of(e.row.tier2)))];
      const second = group.find((e) => tier2Of(e.row.tier2) !== tier2Of(group[0]!.row.tier2));
      if (tier2s.length > 1 && second) {
        ctx.report({ messageId: "reusedName", path: `${second.path}.tier3`, data: { name, tier2s: tier2s.join("、") }, severity: "info" });
      }
    }
  },
});
