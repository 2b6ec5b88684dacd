import { indicatorEntries } from "../model/indicator-entries.js";
import { TIER1, TIER2 } from "../model/terms.js";
import { defineRule } from "./types.js";
import { stringListOption } from "./helpers/options.js";
import { allRows } from "./helpers/rows.js";
import { canonicalTier2 } from "./helpers/taxonomy.js";
import { tier1Of } from "./helpers/tiers.js";
import { PROFILES } from "./helpers/profiles.js";

/** Regional profiles that mark 二级 as mandatory (Ningxia prints 必填 on these). */
const PROFILE_REQUIRED: Record<string, readonly string[]> = {
  [PROFILES.ningxia]: [
    TIER2.quantity,
    TIER2.quality,
    TIER2.timeliness,
    TIER2.cost,
    TIER2.socialBenefit,
    TIER2.sustainableImpact,
    TIER2.beneficiarySatisfaction,
  ],
};

export default defineRule({
  meta: {
    id: "core-tier2-coverage",
    code: "PG005",
    catalogue: "R5",
    severity: "warning",
    description: {
      zh: `${TIER1.output}下应有${TIER2.quantity}及${TIER2.quality}或${TIER2.timeliness}；${TIER1.benefit}下至少有一项二级指标`,
      en: `Outputs include a ${TIER2.quantity} and a ${TIER2.quality} or ${TIER2.timeliness}; benefits include at least one tier-2 category`,
    },
    source: {
      zh: "常见审核做法；部分地区模板将数量、质量、时效、成本、社会效益、可持续影响、服务对象满意度标为必填",
      en: "Common review practice; some regional templates mark quantity, quality, timeliness, cost, social benefit, sustainable impact and satisfaction as mandatory",
    },
    defaultOptions: { requiredTier2: [] },
    examples: {
      fail: `indicators:
  annual:
    - { tier1: 产出指标, tier2: 数量指标, tier3: 培训人数, value: "≥100人" }
    - { tier1: 效益指标, tier2: 社会效益指标, tier3: 就业能力, value: "明显提升" }
`,
      pass: `indicators:
  annual:
    - { tier1: 产出指标, tier2: 数量指标, tier3: 培训人数, value: "≥100人" }
    - { tier1: 产出指标, tier2: 时效指标, tier3: 完成时间, value: "2023年12月底" }
    - { tier1: 效益指标, tier2: 社会效益指标, tier3: 就业能力, value: "明显提升" }
`,
    },
    messages: {
      noQuantity: { zh: `${TIER1.output}下没有${TIER2.quantity}`, en: `No ${TIER2.quantity} under ${TIER1.output}` },
      noQualityOrTimeliness: {
        zh: `${TIER1.output}下既没有${TIER2.quality}也没有${TIER2.timeliness}`,
        en: `Neither ${TIER2.quality} nor ${TIER2.timeliness} under ${TIER1.output}`,
      },
      noBenefitTier2: { zh: `${TIER1.benefit}下没有填写任何二级指标`, en: `No tier-2 indicator filled in under ${TIER1.benefit}` },
      requiredMissing: {
        zh: "按所选地区要求，必填的二级指标“{tier2}”没有填写",
        en: "The profile makes “{tier2}” mandatory, but it has no indicator",
      },
    },
  },
  check(form, ctx) {
    const rows = indicatorEntries(form).filter((e) => e.table === "annual");
    const present = new Set(rows.map((e) => canonicalTier2(e.row.tier2).name ?? e.row.tier2.trim()));
    const tier1s = new Set(rows.map((e) => tier1Of(e.row, ctx.era)));
    const path = "indicators.annual";
    if (tier1s.has(TIER1.output)) {
      if (!present.has(TIER2.quantity)) ctx.report({ messageId: "noQuantity", path });
      if (!present.has(TIER2.quality) && !present.has(TIER2.timeliness)) ctx.report({ messageId: "noQualityOrTimeliness", path });
    }
    // A 效益 block with only blank rows; a form with no 效益 block at all is tier1-coverage's finding.
    const blockWritten = allRows(form).some((e) => e.table === "annual" && tier1Of(e.row, ctx.era) === TIER1.benefit);
    if (blockWritten && !tier1s.has(TIER1.benefit)) ctx.report({ messageId: "noBenefitTier2", path });
    const required = [...(PROFILE_REQUIRED[ctx.profile ?? ""] ?? []), ...stringListOption(ctx, "requiredTier2")];
    for (const tier2 of new Set(required)) {
      const name = canonicalTier2(tier2).name ?? tier2;
      // Era B has no 成本指标 under 产出: its cost block satisfies a required 成本指标.
      const satisfied = present.has(name) || (name === TIER2.cost && tier1s.has(TIER1.cost));
      if (!satisfied) ctx.report({ messageId: "requiredMissing", path, data: { tier2: name }, severity: "error" });
    }
  },
});
