import { describe, expect, it } from "vitest";
import rule from "../../src/rules/funding-adds-up.js";
import { makeForm, runRule, seedForm } from "./helpers.js";

describe("funding-adds-up (R19)", () => {
  it("passes the seed (no itemised sources)", () => {
    expect(runRule(rule, seedForm())).toEqual([]);
  });

  it("accepts sources that add up within 0.01 万元", () => {
    expect(runRule(rule, makeForm({ funding: { total: 100, fiscal: 80.005, other: 20 } }))).toEqual([]);
  });

  it("errors when the sources do not add up, naming both sums", () => {
    const reports = runRule(rule, makeForm({ funding: { total: 100, fiscal: 80, other: 10 } }));
    expect(reports).toEqual([
      { messageId: "totalMismatch", path: "funding.total", data: { total: "100", sum: "90", parts: "财政拨款 80 + 其他资金 10" }, severity: "error" },
    ]);
  });

  it("errors when the levels of upper-level funds do not add up", () => {
    const reports = runRule(rule, makeForm({ funding: { total: 50, upperLevel: { total: 50, central: 20, provincial: 20 } } }));
    expect(reports.map((r) => [r.messageId, r.path, r.data?.sum])).toEqual([["upperMismatch", "funding.upperLevel.total", "40"]]);
  });
});
