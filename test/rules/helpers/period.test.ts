import { describe, expect, it } from "vitest";
import { periodSpan, spanFromText, yearsIn } from "../../../src/rules/helpers/period.js";

describe("period spans", () => {
  it.each([
    ["2023年度", { startYear: 2023, endYear: 2023, months: 12 }],
    ["2023", { startYear: 2023, endYear: 2023, months: 12 }],
    ["2023.07-2024.01", { startYear: 2023, endYear: 2024, months: 7 }],
    ["2022年3月-2023年11月", { startYear: 2022, endYear: 2023, months: 21 }],
    ["202001-202012", { startYear: 2020, endYear: 2020, months: 12 }],
    ["2023-2025年", { startYear: 2023, endYear: 2025, months: 36 }],
    ["3年", { months: 36 }],
    ["长期", { months: Infinity }],
  ])("reads %s", (text, span) => {
    expect(spanFromText(text)).toEqual(span);
  });

  it("prefers the start and end fields over the text", () => {
    expect(periodSpan({ text: "2023年度", start: "2023-07", end: "2024-06" })).toEqual({ startYear: 2023, endYear: 2024, months: 12 });
  });

  it("returns nothing for text it cannot read", () => {
    expect(spanFromText("见附件")).toBeUndefined();
    expect(periodSpan(undefined)).toBeUndefined();
  });

  it("finds four-digit years but not other numbers", () => {
    expect(yearsIn("2023年12月31日前完成3500人次")).toEqual([2023]);
  });
});
