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

  it("agrees with a title that holds the whole name, even where the name has a word of the form's own (…代表…)", () => {
    const form = makeForm({ title: "2019年县级专项资金基础设施(人大代表联络站)绩效目标申报表", project: project("2019年县级专项资金基础设施(人大代表联络站)") });
    expect(runRule(rule, form)).toEqual([]);
  });

  it("agrees with a unit's title (its 批复表 names the department, not the project)", () => {
    const form = makeForm({
      title: "某市疾病预防控制中心2020年项目绩效目标批复表",
      project: { name: "疫苗及药物采购", department: { name: "某市疾病预防控制中心" } },
    });
    expect(runRule(rule, form)).toEqual([]);
  });

  it("agrees with a template title whose bracketed part names the project's kind, and not with one naming another", () => {
    const title = "乡村振兴衔接资金绩效目标申报表(高标准农田建设)";
    expect(runRule(rule, makeForm({ title, project: project("某县2022年高标准农田建设项目") }))).toEqual([]);
    expect(runRule(rule, makeForm({ title, project: project("某县农村公路养护") })).map((r) => r.data?.titleName)).toEqual(["乡村振兴衔接资金高标准农田建设"]);
  });

  it("notes a unit line that does not fit the budget", () => {
    expect(runRule(rule, makeForm({ amountUnit: "元", funding: { total: 6.3 } })).map((r) => [r.messageId, r.path])).toEqual([["unitLooksWan", "amountUnit"]]);
    expect(runRule(rule, makeForm({ funding: { total: 3309840 } })).map((r) => r.messageId)).toEqual(["unitLooksYuan"]);
    expect(runRule(rule, makeForm({ amountUnit: "元", funding: { total: 3309840 } }))).toEqual([]);
  });
});
