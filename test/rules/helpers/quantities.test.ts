import { describe, expect, it } from "vitest";
import { quantitiesIn, sameQuantity } from "../../../src/rules/helpers/quantities.js";

describe("quantities in text", () => {
  it("reads number and unit, scaling 万 and converting money to 万元", () => {
    expect(quantitiesIn("实施营造林8万亩，修建作业道30公里，投入3610000元")).toEqual([
      { text: "8万亩", amount: 80000, unit: "亩" },
      { text: "30公里", amount: 30, unit: "公里" },
      { text: "3610000元", amount: 361, unit: "万元" },
    ]);
  });

  it("ignores years and bare numbers", () => {
    expect(quantitiesIn("2023年完成第3批")).toEqual([{ text: "3批", amount: 3, unit: "批" }]);
  });

  it("compares quantities by unit and amount", () => {
    const [a, b] = [...quantitiesIn("8万亩"), ...quantitiesIn("≥80000亩")];
    expect(sameQuantity(a!, b!)).toBe(true);
    expect(sameQuantity(a!, quantitiesIn("80000株")[0]!)).toBe(false);
  });
});
