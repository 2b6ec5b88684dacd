import { describe, expect, it } from "vitest";
import { builtinFormat, formatNumber, generalNumber, isDateFormat, serialToParts } from "../../../src/parse/xlsx/number-format.js";

const builtin = (id: number) => builtinFormat(id)!;

describe("numbers as the cell shows them", () => {
  it("General: integers as they are, binary noise cut at 15 significant digits", () => {
    expect(formatNumber(361, undefined)).toBe("361");
    expect(formatNumber(0.1 + 0.2, "General")).toBe("0.3");
    expect(generalNumber(3309840)).toBe("3309840");
    expect(generalNumber(-12.5)).toBe("-12.5");
    // A date serial without a date format is a number, kept as written.
    expect(formatNumber(44561, "General")).toBe("44561");
    expect(formatNumber(44561, undefined)).toBe("44561");
  });

  it("integers, decimals and thousands", () => {
    expect(formatNumber(361, builtin(1))).toBe("361");
    expect(formatNumber(360.6, builtin(1))).toBe("361");
    expect(formatNumber(2.005, builtin(2))).toBe("2.01");
    expect(formatNumber(3309840, builtin(4))).toBe("3,309,840.00");
    expect(formatNumber(1234567, builtin(3))).toBe("1,234,567");
    expect(formatNumber(-1400, "#,##0.00")).toBe("-1,400.00");
    expect(formatNumber(0.5, "#.00")).toBe(".50");
    expect(formatNumber(7, "000")).toBe("007");
    expect(formatNumber(12.5, '0.0"万元"')).toBe("12.5万元");
    expect(formatNumber(1500000, "#,##0,")).toBe("1,500");
  });

  it("percentages 0% and 0.00%", () => {
    expect(formatNumber(1, builtin(9))).toBe("100%");
    expect(formatNumber(0.95, builtin(9))).toBe("95%");
    expect(formatNumber(0.9876, builtin(10))).toBe("98.76%");
    expect(formatNumber(0.005, "0.0%")).toBe("0.5%");
  });

  it("sections: negative numbers in their own section show without a sign of their own", () => {
    expect(formatNumber(-5, "#,##0;(#,##0)")).toBe("(5)");
    expect(formatNumber(-5, "#,##0;[Red]-#,##0")).toBe("-5");
    expect(formatNumber(0, '0;-0;"—"')).toBe("—");
    expect(formatNumber(12, '[$¥-804]#,##0.00')).toBe("¥12.00");
    expect(formatNumber(3, "0_);(0)")).toBe("3");
  });

  it("scientific", () => {
    expect(formatNumber(12345, builtin(11))).toBe("1.23E+04");
  });
});

describe("dates", () => {
  it("the 1900 system, its phantom 29 February included", () => {
    expect(serialToParts(1)).toMatchObject({ y: 1900, m: 1, d: 1 });
    expect(serialToParts(59)).toMatchObject({ y: 1900, m: 2, d: 28 });
    expect(serialToParts(60)).toMatchObject({ y: 1900, m: 2, d: 29 });
    expect(serialToParts(61)).toMatchObject({ y: 1900, m: 3, d: 1 });
    expect(serialToParts(44561)).toMatchObject({ y: 2021, m: 12, d: 31 });
    expect(serialToParts(45291.5)).toMatchObject({ y: 2023, m: 12, d: 31, hh: 12, mi: 0 });
  });

  it("the 1904 system", () => {
    expect(formatNumber(0, builtin(14), { date1904: true })).toBe("1904-01-01");
    expect(formatNumber(43099, builtin(14), { date1904: true })).toBe("2021-12-31");
  });

  it("built-in date formats 14–22 read the same on every machine", () => {
    expect(formatNumber(45291, builtin(14))).toBe("2023-12-31");
    expect(formatNumber(45291, builtin(15))).toBe("2023-12-31");
    expect(formatNumber(45291, builtin(17))).toBe("2023-12");
    expect(formatNumber(45291.75, builtin(20))).toBe("18:00");
    expect(formatNumber(45291.75, builtin(22))).toBe("2023-12-31 18:00");
    expect(formatNumber(45291.75, builtin(18))).toBe("6:00 PM");
    expect(isDateFormat(builtin(14))).toBe(true);
    expect(isDateFormat(builtin(10))).toBe(false);
  });

  it("Chinese built-in and custom date formats as they show", () => {
    expect(formatNumber(45291, builtin(31))).toBe("2023年12月31日");
    expect(formatNumber(45291, builtin(57))).toBe("2023年12月");
    expect(formatNumber(45291, "yyyy.mm")).toBe("2023.12");
    expect(formatNumber(45107, "yyyy/m/d")).toBe("2023/6/30");
    expect(formatNumber(45107, "[$-804]yyyy\"年\"mm\"月\"dd\"日\"")).toBe("2023年06月30日");
    expect(formatNumber(45291.5104166667, "h:mm:ss")).toBe("12:15:00");
    expect(formatNumber(0.5, "mm:ss")).toBe("00:00");
    expect(formatNumber(45291, "mmm d, yyyy")).toBe("Dec 31, 2023");
  });

  it("m is a month unless it follows an hour or comes before seconds", () => {
    expect(formatNumber(45291 + 5 / 1440, "yyyy-m-d h:m")).toBe("2023-12-31 0:5");
    expect(formatNumber(45291 + 65 / 86400, "m:ss")).toBe("1:05");
    expect(formatNumber(45291, "m")).toBe("12");
  });

  it("text format @ and General show the number plainly", () => {
    expect(formatNumber(44561, "@")).toBe("44561");
    expect(isDateFormat("General")).toBe(false);
    expect(isDateFormat('0.00"d"')).toBe(false);
    expect(isDateFormat("#,##0.00_ ")).toBe(false);
  });
});
