import { indicatorEntries } from "../model/indicator-entries.js";
import type { IndicatorRow } from "../model/form.js";
import { defineRule, type RuleContext } from "./types.js";
import { isReverseName } from "./helpers/names.js";
import { CANONICAL_SYMBOL, canonicalComparison, halfWidthNumbers, tidySpaces, valueFix } from "./helpers/notation.js";
import { dimensionOf } from "./helpers/taxonomy.js";
import { excerpt } from "./helpers/text.js";
import { isLowerBound, isMoneyRate, writtenSymbol } from "./helpers/values.js";

export default defineRule({
  meta: {
    id: "comparison-direction",
    code: "PG014",
    catalogue: "R14",
    severity: "error",
    description: {
      zh: "比较符号方向正确（成本上限用≤，反向指标不用≥），指标值统一使用规范写法：符号 ≥ ≤ = > <，半角数字与 %，无多余空格",
      en: "Comparisons point the right way (a cost cap uses ≤, a reverse indicator no ≥), and targets use the standard notation: symbols ≥ ≤ = > <, half-width digits and %, no stray spaces",
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
      fullWidth: {
        zh: "指标值“{value}”含全角数字或百分号，建议写作“{suggested}”",
        en: "Target “{value}” has full-width digits or a full-width percent sign; write “{suggested}”",
      },
      straySpaces: {
        zh: "指标值“{value}”首尾或中间有多余空格",
        en: "Target “{value}” has stray spaces at its ends or doubled inside",
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
      const at = `${path}.value`;
      reportNotation(row, path, ctx);
      const cmp = value.comparison;
      if (cmp === undefined || cmp === "range") continue;
      const symbol = writtenSymbol(value);
      const canonical = CANONICAL_SYMBOL[cmp];
      const name = row.tier3.trim();
      const raw = value.raw.trim();
      if (dimensionOf(row) === "cost" && isLowerBound(value) && (value.kind === "money" || isMoneyRate(value))) {
        // Values reported for their direction are not counted among the spellings: they are to be rewritten anyway.
        const suggested = symbol && raw.includes(symbol) ? raw.replace(symbol, "≤") : `≤${raw}`;
        ctx.report({ messageId: "costLowerBound", path: at, data: { name, value: raw, suggested } });
        continue;
      }
      if (isReverseName(name) && isLowerBound(value)) {
        ctx.report({ messageId: "reverseLowerBound", path: at, data: { name, symbol: symbol ?? canonical }, severity: "warning" });
        continue;
      }
      if (symbol) spellings.set(cmp, (spellings.get(cmp) ?? new Set()).add(symbol));
      if (symbol && symbol !== canonical) {
        const written = canonicalComparison(row);
        const fix = written === undefined ? undefined : valueFix(row, path, written);
        ctx.report({ messageId: "nonCanonical", path: at, data: { value: raw, symbol, canonical }, severity: "info", ...(fix ? { fix } : {}) });
      }
    }
    const mixed = [...spellings.values()].filter((s) => s.size > 1).map((s) => [...s].join(" / "));
    if (mixed.length > 0) ctx.report({ messageId: "mixedSymbols", path: "indicators.annual", data: { symbols: mixed.join("；") }, severity: "info" });
  },
});

/** Full-width digits and stray spaces in any 指标值, each with its correction. */
function reportNotation(row: IndicatorRow, path: string, ctx: RuleContext): void {
  const raw = row.value.raw;
  const at = `${path}.value`;
  const halfWidth = halfWidthNumbers(raw);
  if (halfWidth !== raw) {
    const fix = valueFix(row, path, halfWidth);
    ctx.report({ messageId: "fullWidth", path: at, data: { value: excerpt(raw), suggested: excerpt(halfWidth) }, severity: "info", ...(fix ? { fix } : {}) });
  }
  const tidy = tidySpaces(raw);
  if (tidy !== raw && tidy !== "") {
    const fix = valueFix(row, path, tidy);
    // The spaces are the finding: the value is quoted as written unless it is long.
    ctx.report({ messageId: "straySpaces", path: at, data: { value: raw.length <= 24 ? raw : excerpt(raw) }, severity: "info", ...(fix ? { fix } : {}) });
  }
}
