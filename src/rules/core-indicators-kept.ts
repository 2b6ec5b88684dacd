import { indicatorEntries } from "../model/indicator-entries.js";
import { defineRule } from "./types.js";
import { booleanOption, stringListOption } from "./helpers/options.js";
import { normaliseText } from "./helpers/text.js";
import { isBlank } from "./helpers/values.js";
import { holdsPlaceholder } from "./helpers/vocabulary.js";
import { PROFILES } from "./helpers/profiles.js";

/** The profile of 衔接资金 / 扶贫 project forms. */
const PROFILE = PROFILES.xianjie;
/** ★★★ marks a core (mandatory) indicator in those templates. */
const CORE_MARK = /★{3}|☆{3}/;

export default defineRule({
  meta: {
    id: "core-indicators-kept",
    code: "PG028",
    catalogue: "R28",
    severity: "warning",
    description: {
      zh: "衔接资金（扶贫）项目须保留并填写模板中标★★★的核心绩效指标",
      en: "衔接资金 (poverty-alleviation) forms keep and fill in the template's ★★★ core indicators",
    },
    source: {
      zh: "衔接资金绩效目标模板说明：“其中三颗星为必填的核心绩效指标”（模板依据财办农〔2019〕68号）",
      en: "The 衔接资金 template notes: “three stars mark the mandatory core indicators” (templates based on 财办农〔2019〕68号)",
    },
    defaultOptions: { coreIndicators: [], always: false },
    examples: {
      fail: `# profile: xianjie
indicators:
  annual:
    - { tier1: 产出指标, tier2: 数量指标, tier3: ★★★新建道路长度, value: "≥**公里" }
`,
      pass: `# profile: xianjie
indicators:
  annual:
    - { tier1: 产出指标, tier2: 数量指标, tier3: ★★★新建道路长度, value: "≥5公里" }
`,
    },
    messages: {
      coreEmpty: { zh: "核心指标“{name}”（★★★）没有填写实际指标值", en: "Core indicator “{name}” (★★★) has no real target value" },
      coreMissing: { zh: "缺少核心指标“{name}”", en: "Core indicator “{name}” is missing" },
    },
  },
  check(form, ctx) {
    if (ctx.profile !== PROFILE && !booleanOption(ctx, "always", false)) return;
    const rows = indicatorEntries(form);
    for (const { row, path } of rows) {
      if (!CORE_MARK.test(`${row.tier3}${row.note ?? ""}`)) continue;
      if (isBlank(row.value) || holdsPlaceholder(row.value.raw)) {
        ctx.report({ messageId: "coreEmpty", path: `${path}.value`, data: { name: row.tier3.replace(/[★☆]/g, "").trim() } });
      }
    }
    const names = rows.map((e) => normaliseText(e.row.tier3.replace(/[★☆]/g, "")));
    for (const core of stringListOption(ctx, "coreIndicators")) {
      const wanted = normaliseText(core);
      if (wanted !== "" && !names.some((n) => n.includes(wanted))) {
        ctx.report({ messageId: "coreMissing", path: "indicators.annual", data: { name: core } });
      }
    }
  },
});
