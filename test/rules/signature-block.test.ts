import { describe, expect, it } from "vitest";
import rule from "../../src/rules/signature-block.js";
import { makeForm, runRule, seedForm } from "./helpers.js";

describe("signature-block (R29)", () => {
  it("notes the seed's empty 填表人 and 联系电话 (Hunan layout)", () => {
    expect(runRule(rule, seedForm()).map((r) => [r.path, r.severity, r.data?.label])).toEqual([
      ["signatures.filler", "info", "填表人"],
      ["signatures.phone", "info", "联系电话"],
    ]);
  });

  it("passes a filled-in block", () => {
    expect(runRule(rule, makeForm({ source: { layout: "L1" }, signatures: { filler: "张三", phone: "0734-1234567" } }))).toEqual([]);
  });

  it("says nothing for layouts without the block, unless the option requires it", () => {
    const central = makeForm({ source: { layout: "L5" } });
    expect(runRule(rule, central)).toEqual([]);
    expect(runRule(rule, central, { options: { require: true } })).toHaveLength(2);
  });

  it("expects no footer on the 扶贫 / 衔接资金 templates, whose contact is in the header", () => {
    expect(runRule(rule, makeForm({ source: { layout: "L3" }, project: { name: "项目", leader: "张三", phone: "18900000000" } }))).toEqual([]);
    expect(runRule(rule, makeForm({ source: { layout: "L3" } }))).toEqual([]);
  });

  it("takes a phone given in the header for the footer's 联系电话", () => {
    const form = makeForm({ source: { layout: "L2" }, project: { name: "项目", leader: "张三", phone: "0734-1234567" } });
    expect(runRule(rule, form).map((r) => r.path)).toEqual(["signatures.filler"]);
  });
});
