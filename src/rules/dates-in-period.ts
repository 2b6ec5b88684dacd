import { indicatorEntries } from "../model/indicator-entries.js";
import { defineRule } from "./types.js";
import { periodSpan, yearsIn } from "./helpers/period.js";
import { dimensionOf } from "./helpers/taxonomy.js";

export default defineRule({
  meta: {
    id: "dates-in-period",
    code: "PG022",
    catalogue: "R22",
    severity: "warning",
    description: {
      zh: "标题年度即预算年度，预算年度和时效指标中的日期应在项目实施期内",
      en: "The title year is the budget year; the budget year and the dates in timeliness targets fall within the implementation period",
    },
    source: {
      zh: "申报表填报说明：“年度：填写编制部门预算所属年份”；时效目标与实施期相对应为常见审核做法",
      en: "The form's filling instructions: the year is the budget year being prepared; timeliness targets within the period is common review practice",
    },
    examples: {
      fail: `year: 2023
indicators:
  annual:
    - { tier1: 产出指标, tier2: 时效指标, tier3: 完工时间, value: "2024年3月底" }
`,
      pass: `year: 2023
indicators:
  annual:
    - { tier1: 产出指标, tier2: 时效指标, tier3: 完工时间, value: "2023年12月底" }
`,
    },
    messages: {
      titleYear: { zh: "标题年度 {titleYear} 与预算年度 {year} 不一致", en: "The title says {titleYear} but the budget year is {year}" },
      yearOutsidePeriod: {
        zh: "预算年度 {year} 不在实施期“{period}”内",
        en: "Budget year {year} lies outside the implementation period “{period}”",
      },
      dateOutsidePeriod: {
        zh: "时效指标“{name}”的“{value}”超出实施期“{period}”",
        en: "Timeliness target “{value}” of “{name}” lies outside the implementation period “{period}”",
      },
    },
  },
  check(form, ctx) {
    const titleYear = form.title ? yearsIn(form.title)[0] : undefined;
    if (titleYear !== undefined && form.year !== undefined && titleYear !== form.year) {
      ctx.report({ messageId: "titleYear", path: "title", data: { titleYear, year: form.year } });
    }
    const period = form.project.period;
    const span = periodSpan(period);
    if (!period || span?.startYear === undefined || span.endYear === undefined) return;
    const { startYear, endYear } = span;
    const inside = (y: number) => y >= startYear && y <= endYear;
    const year = form.year ?? titleYear;
    if (year !== undefined && !inside(year)) {
      ctx.report({ messageId: "yearOutsidePeriod", path: "project.period", data: { year, period: period.text } });
    }
    for (const { row, path } of indicatorEntries(form)) {
      if (row.value.kind !== "date" && dimensionOf(row) !== "timeliness") continue;
      if (yearsIn(row.value.raw).every(inside)) continue;
      ctx.report({ messageId: "dateOutsidePeriod", path: `${path}.value`, data: { name: row.tier3.trim(), value: row.value.raw.trim(), period: period.text } });
    }
  },
});
