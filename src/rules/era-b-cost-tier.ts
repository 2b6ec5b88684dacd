import { TIER1, TIER2 } from "../model/terms.js";
import { defineRule } from "./types.js";
import { allRows } from "./helpers/rows.js";
import { canonicalTier1, canonicalTier2 } from "./helpers/taxonomy.js";
import { isBlank } from "./helpers/values.js";
import { PROFILES } from "./helpers/profiles.js";

/** The profile under which the 2021 central taxonomy is mandatory. */
const STRICT_PROFILE = PROFILES.central2021;

export default defineRule({
  meta: {
    id: "era-b-cost-tier",
    code: "PG004",
    catalogue: "R4",
    severity: "warning",
    description: {
      zh: `采用2021年起指标体系的表（${TIER1.cost}为一级）须有${TIER2.economicCost}`,
      en: `Forms on the 2021 taxonomy (cost as a tier-1 category) need at least one ${TIER2.economicCost}`,
    },
    source: {
      zh: `常见审核做法：2021年起中央部门及多数预算管理一体化系统以成本、产出、效益、满意度为四类一级指标，${TIER1.cost}下设${TIER2.economicCost}、${TIER2.socialCost}、${TIER2.ecologicalCost}`,
      en: "Common review practice: since 2021 central units and most integrated budget systems use cost, output, benefit and satisfaction as the four tier-1 categories, cost split into economic, social and ecological cost",
    },
    examples: {
      fail: `indicators:
  annual:
    - { tier1: 成本指标, tier2: 社会成本指标, tier3: 噪声影响, value: "无明显影响" }
    - { tier1: 产出指标, tier2: 数量指标, tier3: 培训人数, value: "≥100人" }
`,
      pass: `indicators:
  annual:
    - { tier1: 成本指标, tier2: 经济成本指标, tier3: 培训费, value: "≤10万元" }
    - { tier1: 产出指标, tier2: 数量指标, tier3: 培训人数, value: "≥100人" }
`,
    },
    messages: {
      noCostTier1: {
        zh: `按2021年起的指标体系，应设一级指标“${TIER1.cost}”`,
        en: `Under the 2021 taxonomy the form needs a tier-1 “${TIER1.cost}” block`,
      },
      noEconomicCost: {
        zh: `${TIER1.cost}下至少要有一项填写了指标值的${TIER2.economicCost}`,
        en: `The cost block needs at least one ${TIER2.economicCost} with a target value`,
      },
    },
  },
  check(form, ctx) {
    if (ctx.era !== "B") return;
    const severity = ctx.profile === STRICT_PROFILE ? "error" : undefined;
    const rows = allRows(form).filter((e) => e.table === "annual");
    const costRows = rows.filter((e) => canonicalTier1(e.row.tier1).name === TIER1.cost);
    const firstCost = costRows[0];
    if (!firstCost) {
      ctx.report({ messageId: "noCostTier1", path: "indicators.annual", ...(severity && { severity }) });
      return;
    }
    const hasEconomic = costRows.some(
      (e) => canonicalTier2(e.row.tier2).name === TIER2.economicCost && e.row.tier3.trim() !== "" && !isBlank(e.row.value),
    );
    if (!hasEconomic) ctx.report({ messageId: "noEconomicCost", path: `${firstCost.path}.tier1`, ...(severity && { severity }) });
  },
});
