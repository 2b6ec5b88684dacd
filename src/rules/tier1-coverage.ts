import { indicatorEntries } from "../model/indicator-entries.js";
import { TIER1 } from "../model/terms.js";
import { defineRule } from "./types.js";
import { tier1Of } from "./helpers/tiers.js";

export default defineRule({
  meta: {
    id: "tier1-coverage",
    code: "PG003",
    catalogue: "R3",
    severity: "error",
    description: {
      zh: `至少有一项${TIER1.output}和一项${TIER1.benefit}；有直接受益对象时应设${TIER1.satisfaction}`,
      en: "At least one output and one benefit indicator; a satisfaction indicator where there are direct beneficiaries",
    },
    source: {
      zh: "中共中央 国务院《关于全面实施预算绩效管理的意见》（中发〔2018〕34号）：“绩效目标不仅要包括产出、成本，还要包括经济效益、社会效益、生态效益、可持续影响和服务对象满意度等绩效指标”",
      en: "Opinions on Fully Implementing Budget Performance Management (中发〔2018〕34号): performance goals cover outputs and costs, and also economic, social and ecological benefits, sustainable impact and beneficiary satisfaction",
    },
    examples: {
      fail: `indicators:
  annual:
    - { tier1: 产出指标, tier2: 数量指标, tier3: 培训人数, value: "≥100人" }
`,
      pass: `indicators:
  annual:
    - { tier1: 产出指标, tier2: 数量指标, tier3: 培训人数, value: "≥100人" }
    - { tier1: 效益指标, tier2: 社会效益指标, tier3: 就业能力, value: "明显提升" }
    - { tier1: 满意度指标, tier2: 服务对象满意度指标, tier3: 学员满意度, value: "≥90%" }
`,
    },
    messages: {
      noOutput: { zh: `没有${TIER1.output}`, en: `No output indicator (${TIER1.output})` },
      noBenefit: { zh: `没有${TIER1.benefit}`, en: `No benefit indicator (${TIER1.benefit})` },
      noSatisfaction: {
        zh: `没有${TIER1.satisfaction}；项目有直接服务对象时应设满意度指标`,
        en: `No satisfaction indicator (${TIER1.satisfaction}); add one when the project has direct beneficiaries`,
      },
    },
  },
  check(form, ctx) {
    const present = new Set(
      indicatorEntries(form)
        .filter((e) => e.table === "annual")
        .map((e) => tier1Of(e.row, ctx.era)),
    );
    const path = "indicators.annual";
    if (!present.has(TIER1.output)) ctx.report({ messageId: "noOutput", path });
    if (!present.has(TIER1.benefit)) ctx.report({ messageId: "noBenefit", path });
    if (!present.has(TIER1.satisfaction)) ctx.report({ messageId: "noSatisfaction", path, severity: "warning" });
  },
});
