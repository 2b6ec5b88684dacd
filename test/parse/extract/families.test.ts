/**
 * Layout families over hand-built documents: each fixture spec read as a .docx reader would give
 * it (merges known) and as a text reader would (merged cells empty) must give the golden Form.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseAllDocuments } from "yaml";
import { canonicalForm } from "../../../src/model/yaml-write.js";
import { indicatorEntries, isPlaceholder, type Form } from "../../../src/model/form.js";
import { extractForms } from "../../../src/parse/extract/extract.js";
import { specToDocument, type FormSpec } from "../../fixtures/grid-spec.js";
import { FAMILY_SPECS } from "../../fixtures/specs/index.js";

const LAYOUTS = path.resolve(import.meta.dirname, "../../fixtures/layouts");

/** The golden forms without `source.file` / `source.format`, which depend on the reader. */
function golden(spec: FormSpec): unknown[] {
  const text = readFileSync(path.join(LAYOUTS, `${spec.name}.yaml`), "utf8");
  return parseAllDocuments(text).map((d) => {
    const form = d.toJS() as Form;
    return { ...form, source: { layout: form.source?.layout } };
  });
}

function extracted(spec: FormSpec, mergesKnown: boolean): Form[] {
  return extractForms(specToDocument(spec, { mergesKnown })).map(({ form }) => {
    const c = JSON.parse(JSON.stringify(canonicalForm(form))) as Form;
    return { ...c, source: { layout: c.source?.layout } } as Form;
  });
}

function bySpec(name: string): FormSpec {
  return FAMILY_SPECS.find((s) => s.name === name)!;
}

describe.each(FAMILY_SPECS.map((s) => [s.name, s] as const))("%s", (_name, spec) => {
  it("matches its golden YAML with merges known (as from .docx)", () => {
    expect(extracted(spec, true)).toEqual(golden(spec));
  });

  it("matches its golden YAML with merged cells left empty (as from text or .doc)", () => {
    expect(extracted(spec, false)).toEqual(golden(spec));
  });

  it("has between 8 and 25 indicators per form", () => {
    for (const form of extracted(spec, true)) {
      const n = indicatorEntries(form).length;
      expect(n).toBeGreaterThanOrEqual(8);
      expect(n).toBeLessThanOrEqual(25);
    }
  });
});

describe("what each family shows", () => {
  it("L1: upper-level funds by level in one cell, placeholders kept, review row not an indicator", () => {
    const [form] = extracted(bySpec("l1-hunan-2024"), false);
    expect(form!.source?.layout).toBe("L1");
    expect(form!.funding).toEqual({ total: 85, ownLevel: 85, upperLevel: { central: 20, provincial: 10 } });
    const placeholders = form!.indicators.annual.filter(isPlaceholder).map((r) => `${r.tier1}/${r.tier2}`);
    expect(placeholders).toEqual(["效益指标/经济效益指标", "效益指标/生态效益指标"]);
    expect(form!.indicators.annual.some((r) => r.tier3.includes("审核"))).toBe(false);
    expect(form!.indicators.annual.find((r) => r.tier3.startsWith("经常参加"))!.tier3).toBe("经常参加体育锻炼人数比例\n（含老年人群体）");
    expect(form!.signatures).toEqual({ filler: "李晓梅", phone: "0739-5212345", head: "王建国" });
    expect(form!.project.period).toEqual({ text: "2024.03-2024.12", start: "2024-03", end: "2024-12" });
  });

  it("L2: check box, department code, funding sources, side-by-side goals, two indicator tables", () => {
    const [form] = extracted(bySpec("l2-mof-2011"), true);
    expect(form!.source?.layout).toBe("L2");
    expect(form!.year).toBe(2024);
    expect(form!.project).toMatchObject({ attribute: "延续项目", department: { name: "石桥市农业农村局", code: "213" }, implementingUnit: "石桥市农田建设服务中心", leader: "周文涛", phone: "0736-7212345" });
    expect(form!.funding).toEqual({ total: 1200, ownLevel: 400, upperLevel: { total: 600 }, fiscal: 1000, other: 200, selfRaised: 0 });
    expect(form!.goals.longTerm).toMatch(/^建成高标准农田2万亩/);
    expect(form!.goals.annual).toMatch(/^完成1.2万亩/);
    expect(form!.indicators.longTerm).toHaveLength(7);
    expect(form!.indicators.annual).toHaveLength(10);
    expect(form!.indicators.longTerm![5]).toMatchObject({ tier1: "效益指标", tier2: "环境效益指标", tier3: "农田灌溉水有效利用系数" });
    expect(form!.indicators.longTerm![3]!.note).toBe("参照省定标准");
    expect(form!.otherFields?.map((o) => o.label)).toEqual(["单位职能概述", "项目概况", "其他说明的问题"]);
    expect(form!.signatures).toEqual({ filler: "周文涛", head: "陈志刚", date: "2024年1月15日" });
  });

  it("L3: name and phone in one cell, coded 实施单位, ★ and placeholders kept in names", () => {
    const [form] = extracted(bySpec("l3-xianjie-2024"), true);
    expect(form!.source?.layout).toBe("L3");
    expect(form!.project).toMatchObject({ leader: "吴海燕", phone: "13907461234", implementingUnit: "[610001]蓝山湾县柳塘镇人民政府" });
    expect(form!.funding).toEqual({ total: 150, fiscal: 120, other: 30 });
    expect(form!.indicators.annual.filter((r) => r.tier3.startsWith("★★★"))).toHaveLength(4);
    expect(form!.indicators.annual[2]!.tier3).toBe("★★★项目（工程）验收合格率(≥**%)");
    expect(form!.indicators.annual).toHaveLength(12);
  });

  it("L4: the 区县 department wins, the others are kept; the 单位 column completes bare values", () => {
    const [form] = extracted(bySpec("l4-region-2023"), true);
    expect(form!.source?.layout).toBe("L4");
    expect(form!.project.department).toEqual({ name: "青山区农业农村局" });
    expect(form!.otherFields?.map((o) => o.label).sort()).toEqual(["中央主管部门", "区县财政部门", "省级主管部门", "省级财政部门"].sort());
    expect(form!.funding).toEqual({ total: 860, ownLevel: 360, upperLevel: { central: 500 } });
    const toilets = form!.indicators.annual[1]!;
    expect(toilets.unit).toBe("户");
    expect(toilets.value).toMatchObject({ raw: "≥3000", comparison: ">=", numbers: [3000], unit: "户" });
    const rate = form!.indicators.annual.find((r) => r.tier3 === "农村生活污水治理率")!;
    expect(rate.value).toMatchObject({ raw: "≥40%", unit: "%" });
    const mechanism = form!.indicators.annual.find((r) => r.tier3 === "长效管护机制建立")!;
    expect(mechanism.unit).toBeUndefined();
  });

  it("L5: coded department, 项目期 as text, 上年结转, 中期/年度 goals", () => {
    const [form] = extracted(bySpec("l5-central-2023"), false);
    expect(form!.source?.layout).toBe("L5");
    expect(form!.project).toMatchObject({ department: { code: "077", name: "淮川市文化旅游体育局" }, implementingUnit: "淮川市图书馆", attribute: "新增项目", period: { text: "1年" } });
    expect(form!.funding).toEqual({ total: 260, fiscal: 230, other: 20, carryOver: 10 });
    expect(form!.goals.longTerm).toMatch(/^建成覆盖主城区/);
    expect(form!.goals.annual).toMatch(/^新建城市书房5处/);
  });

  it("L6: two projects → two Forms in 元, with weights summing to 90 and operators from 指标性质", () => {
    const forms = extracted(bySpec("l6-flat-2023"), true);
    expect(forms).toHaveLength(2);
    expect(forms.map((f) => [f.project.name, f.funding.total, f.amountUnit, f.project.department?.code])).toEqual([
      ["学生资助补助经费", 2106000, "元", "901001"],
      ["校园安全保障经费", 1203840, "元", "901001"],
    ]);
    for (const form of forms) {
      expect(form.source?.layout).toBe("L6");
      expect(form.indicators.annual.reduce((s, r) => s + (r.weight ?? 0), 0)).toBe(90);
    }
    const first = forms[0]!.indicators.annual[0]!;
    expect(first).toMatchObject({ comparison: "≥", unit: "人", direction: "正向指标", weight: 20 });
    expect(first.value).toMatchObject({ raw: "1500", comparison: ">=", numbers: [1500], unit: "人" });
    // Rows keep their order in the table, which is not grouped by 一级.
    expect(forms[0]!.indicators.annual.map((r) => r.tier1).slice(0, 3)).toEqual(["产出指标", "效益指标", "产出指标"]);
  });

  it("era B: 成本指标 is a 一级 of its own, also when merged 一级 cells come out empty", () => {
    const [form] = extracted(bySpec("l7-eraB-chongqing-2022"), false);
    expect(form!.source?.layout).toBe("L7");
    const costs = form!.indicators.annual.filter((r) => r.tier1 === "成本指标").map((r) => r.tier2);
    expect(costs).toEqual(["经济成本指标", "经济成本指标", "社会成本指标", "生态环境成本指标"]);
    expect(form!.funding).toEqual({ total: 540, ownLevel: 400, upperLevel: { central: 0, municipal: 120 }, other: 20 });
    const timing = form!.indicators.annual.find((r) => r.tier2 === "时效指标")!;
    expect(timing).toMatchObject({ comparison: "定性", value: { raw: "2022年11月底前" } });
    expect(timing.unit).toBeUndefined();
    expect(form!.signatures).toEqual({ filler: "谭明", phone: "023-68123456", date: "2022年1月10日" });
    expect(form!.project.phone).toBe("023-68123456");
  });
});
