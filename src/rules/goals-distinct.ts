import { indicatorEntries } from "../model/indicator-entries.js";
import { defineRule } from "./types.js";
import { periodSpan } from "./helpers/period.js";
import { normaliseText } from "./helpers/text.js";

/** Months in one budget year. */
const ONE_YEAR_MONTHS = 12;

export default defineRule({
  meta: {
    id: "goals-distinct",
    code: "PG023",
    catalogue: "R23",
    severity: "warning",
    description: {
      zh: "实施期（长期）目标与本年度目标应有区别，年度指标值不应超过长期指标值",
      en: "The implementation-period (long-term) goal differs from the annual goal, and annual targets do not exceed long-term ones",
    },
    source: {
      zh: "常见审核问题：“长期目标与年度目标混淆…将长期目标设置为年度目标”",
      en: "A common review finding: long-term and annual goals confused, the long-term goal set as the annual goal",
    },
    examples: {
      fail: `project:
  period: { text: 2023.07-2024.01, start: 2023-07, end: 2024-01 }
goals:
  longTerm: 完成县城供水管网改造。
  annual: 完成县城供水管网改造。
`,
      pass: `project:
  period: { text: 2023.07-2024.01, start: 2023-07, end: 2024-01 }
goals:
  longTerm: 完成县城供水管网改造。
  annual: 2023年完成一期管网改造12公里。
`,
    },
    messages: {
      identicalMultiYear: {
        zh: "实施期“{period}”跨年度，但实施期目标与本年度目标完全相同，请写出本年度要完成的部分",
        en: "The period “{period}” spans more than a year, yet the long-term and annual goals are identical; state what this year delivers",
      },
      identicalSingleYear: {
        zh: "实施期目标与本年度目标完全相同（实施期为一年，可以接受）",
        en: "The long-term and annual goals are identical (acceptable for a one-year period)",
      },
      annualExceedsLongTerm: {
        zh: "“{name}”的年度指标值“{annual}”超过长期指标值“{longTerm}”",
        en: "The annual target “{annual}” of “{name}” exceeds the long-term target “{longTerm}”",
      },
    },
  },
  check(form, ctx) {
    const { longTerm, annual } = form.goals;
    if (longTerm && annual && normaliseText(longTerm) !== "" && normaliseText(longTerm) === normaliseText(annual)) {
      const span = periodSpan(form.project.period);
      // Longer than a year, or crossing into a second budget year (2023.07-2024.01).
      const multiYear = (span?.months ?? 0) > ONE_YEAR_MONTHS || (span?.startYear !== undefined && span.startYear !== span.endYear);
      if (multiYear) {
        ctx.report({ messageId: "identicalMultiYear", path: "goals.annual", data: { period: form.project.period?.text ?? "" } });
      } else {
        ctx.report({ messageId: "identicalSingleYear", path: "goals.annual", severity: "info" });
      }
    }

    const entries = indicatorEntries(form);
    const longTermRows = entries.filter((e) => e.table === "longTerm");
    for (const { row, path } of entries.filter((e) => e.table === "annual")) {
      const a = row.value;
      if ((a.kind !== "count" && a.kind !== "money") || a.numbers?.[0] === undefined) continue;
      const match = longTermRows.find(
        (l) => normaliseText(l.row.tier3) === normaliseText(row.tier3) && l.row.value.kind === a.kind && l.row.value.unit === a.unit,
      );
      const longValue = match?.row.value.numbers?.[0];
      if (match && longValue !== undefined && a.numbers[0] > longValue) {
        ctx.report({
          messageId: "annualExceedsLongTerm",
          path: `${path}.value`,
          data: { name: row.tier3.trim(), annual: a.raw.trim(), longTerm: match.row.value.raw.trim() },
        });
      }
    }
  },
});
