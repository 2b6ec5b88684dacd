import { describe, expect, it } from "vitest";
import rule from "../../src/rules/header-consistency.js";
import { makeForm, runRule, seedForm } from "./helpers.js";

const project = (name: string) => ({ name, department: { name: "局" }, period: { text: "2023年度" } });

describe("header-consistency (R30)", () => {
  it("passes the seed (generic title, 万元 amounts)", () => {
    expect(runRule(rule, seedForm())).toEqual([]);
  });

  it("notes a title naming a different project", () => {
    const form = makeForm({ title: "2023年度农村公路养护项目绩效目标申报表", project: project("城区绿化提质工程") });
    expect(runRule(rule, form)).toEqual([
      { messageId: "titleNameDiffers", path: "title", data: { titleName: "农村公路养护", name: "城区绿化提质工程" }, severity: "info" },
    ]);
    const same = makeForm({ title: "2023年度农村公路养护项目绩效目标申报表", project: project("农村公路养护") });
    expect(runRule(rule, same)).toEqual([]);
  });

  it("notes a unit line that does not fit the budget", () => {
    expect(runRule(rule, makeForm({ amountUnit: "元", funding: { total: 6.3 } })).map((r) => [r.messageId, r.path])).toEqual([["unitLooksWan", "amountUnit"]]);
    expect(runRule(rule, makeForm({ funding: { total: 3309840 } })).map((r) => r.messageId)).toEqual(["unitLooksYuan"]);
    expect(runRule(rule, makeForm({ amountUnit: "元", funding: { total: 3309840 } }))).toEqual([]);
  });
});
