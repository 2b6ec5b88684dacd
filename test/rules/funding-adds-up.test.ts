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

  it("errors when the total is not the own-level plus the upper-level funds (one of the two edited alone)", () => {
    const seed = seedForm();
    const edited = (funding: object) => runRule(rule, { ...seed, funding: { ...seed.funding, ...funding } });
    expect(edited({ total: 300 }).map((r) => [r.messageId, r.path, r.data?.total, r.data?.sum])).toEqual([["levelsMismatch", "funding.total", "300", "361"]]);
    expect(edited({ ownLevel: 300 }).map((r) => [r.messageId, r.data?.parts])).toEqual([["levelsMismatch", "本级资金 300"]]);
    // Upper-level funds by level count too.
    expect(edited({ total: 400, ownLevel: 361, upperLevel: { central: 30, provincial: 9 } })).toEqual([]);
    expect(edited({ total: 400, ownLevel: 361, upperLevel: { central: 30 } }).map((r) => r.data?.parts)).toEqual(["本级资金 361 + 上级资金 30"]);
  });
});
