import { indicatorEntries } from "../model/indicator-entries.js";
import type { Comparison } from "../model/value.js";
import { defineRule } from "./types.js";
import { isReverseName } from "./helpers/names.js";
import { dimensionOf } from "./helpers/taxonomy.js";
import { isLowerBound, isMoneyRate, writtenSymbol } from "./helpers/values.js";

/** The symbol each comparison should be written with. */
const CANONICAL: Record<Exclude<Comparison, "range">, string> = { ">=": "≥", "<=": "≤", "=": "=", ">": ">", "<": "<" };

export default defineRule({
  meta: {
    id: "comparison-direction",
    code: "PG014",
    catalogue: "R14",
    severity: "error",
    description: {
      zh: "比较符号方向正确（成本上限用≤，反向指标不用≥），并统一使用规范符号 ≥ ≤ = > <",
      en: "Comparisons point the right way (a cost cap uses ≤, a reverse indicator no ≥) and use the standard symbols ≥ ≤ = > <",
    },
    source: {
      zh: "常见审核做法：成本指标是支出上限，反向指标（发生率、事故、投诉等）越小越好",
      en: "Common review practice: a cost indicator is a spending cap, and reverse indicators (incidents, complaints …) are better when smaller",
    },
    examples: {
      fail: `indicators:
  annual:
    - { tier1: 产出指标, tier2: 成本指标, tier3: 禁毒主题宣传, value: "≧25万元" }
`,
      pass: `indicators:
  annual:
    - { tier1: 产出指标, tier2: 成本指标, tier3: 禁毒主题宣传, value: "≤25万元" }
`,
    },
    messages: {
      costLowerBound: {
        zh: "成本指标“{name}”写作“{value}”是下限；成本应为上限，请改为“{suggested}”",
        en: "Cost indicator “{name}” is written “{value}”, a lower bound; a cost is a cap: write “{suggested}”",
      },
      reverseLowerBound: {
        zh: "“{name}”是反向指标（越小越好），不宜用“{symbol}”",
        en: "“{name}” is a reverse indicator (smaller is better); “{symbol}” points the wrong way",
      },
      nonCanonical: {
        zh: "指标值“{value}”使用了非规范符号“{symbol}”，建议写作“{canonical}”",
        en: "Target “{value}” uses the non-standard symbol “{symbol}”; write “{canonical}”",
      },
      mixedSymbols: {
        zh: "同一比较在表中有多种写法：{symbols}，请统一",
        en: "The same comparison is written in several ways in this form: {symbols}; use one",
      },
    },
  },
  check(form, ctx) {
    const spellings = new Map<string, Set<string>>();
    for (const { row, path } of indicatorEntries(form)) {
      const value = row.value;
      const cmp = value.comparison;
      if (cmp === undefined || cmp === "range") continue;
      const symbol = writtenSymbol(value);
      const canonical = CANONICAL[cmp];
      const name = row.tier3.trim();
      const raw = value.raw.trim();
      const at = `${path}.value`;
      if (symbol) spellings.set(cmp, (spellings.get(cmp) ?? new Set()).add(symbol));

      if (dimensionOf(row) === "cost" && isLowerBound(value) && (value.kind === "money" || isMoneyRate(value))) {
        const suggested = symbol && raw.includes(symbol) ? raw.replace(symbol, "≤") : `≤${raw}`;
        ctx.report({ messageId: "costLowerBound", path: at, data: { name, value: raw, suggested } });
      } else if (isReverseName(name) && isLowerBound(value)) {
        ctx.report({ messageId: "reverseLowerBound", path: at, data: { name, symbol: symbol ?? canonical }, severity: "warning" });
      } else if (symbol && symbol !== canonical) {
        ctx.report({ messageId: "nonCanonical", path: at, data: { value: raw, symbol, canonical }, severity: "info" });
      }
    }
    const mixed = [...spellings.values()].filter((s) => s.size > 1).map((s) => [...s].join(" / "));
    if (mixed.length > 0) ctx.report({ messageId: "mixedSymbols", path: "indicators.annual", data: { symbols: mixed.join("；") }, severity: "info" });
  },
});
