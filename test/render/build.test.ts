import { describe, expect, it } from "vitest";
import { Form } from "../../src/model/form.js";
import { parseValue } from "../../src/model/value-parse.js";
import { printable, labelLines } from "../../src/render/cells.js";
import { signatureText, titleOf, yearLine } from "../../src/render/document.js";
import { headerRows, packRows, upperLevelText } from "../../src/render/header-fields.js";
import { indicatorColumns } from "../../src/render/indicator-columns.js";
import { resolveLayout } from "../../src/render/layout.js";
import { isBareRow, mergeRuns, tierMerges } from "../../src/render/merges.js";
import { pageGeometry } from "../../src/render/page.js";
import { emWidth, officialPunctuation } from "../../src/render/typography.js";
import { fitColumnWidths, linesIn } from "../../src/render/widths.js";
import { sampleRichForm } from "./helpers/sample-forms.js";
import { seedForm } from "./helpers/seed-form.js";

const minimal = (extra: Partial<Form> = {}): Form =>
  Form.parse({ amountUnit: "万元", project: {}, funding: {}, goals: {}, indicators: { annual: [] }, ...extra });

const labelsOf = (rows: ReturnType<typeof headerRows>) => rows.map((r) => r.map((f) => f.label));

describe("layout", () => {
  it("comes from the option, else the family the form was read from, else L1", () => {
    expect(resolveLayout(minimal(), "L5")).toBe("L5");
    expect(resolveLayout(minimal({ source: { layout: "L2" } }))).toBe("L2");
    expect(resolveLayout(minimal({ source: { layout: "L3" } }))).toBe("L5");
    expect(resolveLayout(minimal({ source: { layout: "L5" } }))).toBe("L5");
    expect(resolveLayout(minimal({ source: { layout: "L6" } }))).toBe("L1");
    expect(resolveLayout(minimal({ source: { layout: "L6" }, funding: { total: 10 } }))).toBe("L5");
    expect(resolveLayout(minimal())).toBe("L1");
    // L1 cannot show a 本级 amount apart from the total: a family without a style of its own takes L5 then.
    expect(resolveLayout(minimal({ source: { layout: "L7" }, funding: { total: 540, ownLevel: 400 } }))).toBe("L5");
    expect(resolveLayout(minimal({ source: { layout: "L1" }, funding: { total: 540, ownLevel: 400 } }))).toBe("L1");
  });
});

describe("header rows", () => {
  it("L1 prints the seed's rows: name | 预算部门, 年度本级预算金额 | 上级资金, then 实施期 and the goals on rows of their own", () => {
    expect(labelsOf(headerRows(seedForm(), "L1"))).toEqual([
      ["项目支出名称", "预算部门"],
      ["年度本级预算金额", "该项目支出上级资金（分级填报）"],
      ["项目支出实施期"],
      ["实施期绩效目标"],
      ["本年度绩效目标"],
    ]);
  });

  it("L1 adds the fields the Hunan form lacks when the form has them, and keeps other fields", () => {
    const labels = labelsOf(headerRows(sampleRichForm(), "L1")).flat();
    for (const l of ["主管部门编码", "实施单位", "项目属性", "项目负责人", "联系电话", "财政拨款", "其他资金", "自有资金", "上年结转", "上级资金", "项目概况", "立项依据"]) {
      expect(labels).toContain(l);
    }
    // 本级 equals the total: 年度本级预算金额 says both.
    expect(labels).not.toContain("本级资金");
  });

  it("L1 prints the 本级 amount as 年度本级预算金额, and a total that differs from it in a cell of its own", () => {
    const form = minimal({ funding: { total: 100, ownLevel: 60 } });
    const fields = headerRows(form, "L1").flat();
    expect(fields.find((f) => f.label === "年度本级预算金额")?.value).toBe("60");
    expect(fields.find((f) => f.label === "资金总额")?.value).toBe("100");
    expect(headerRows(minimal({ funding: { total: 100 } }), "L1").flat().find((f) => f.label === "年度本级预算金额")?.value).toBe("100");
  });

  it("a year the title does not name is printed under it", () => {
    expect(yearLine(minimal({ title: "项目支出绩效目标申报表", year: 2024 }), "L5")).toBe("（2024年度）");
    expect(yearLine(minimal({ title: "2024年度项目支出预算绩效目标申报表", year: 2024 }), "L1")).toBeUndefined();
    expect(yearLine(minimal({ title: "项目支出绩效目标申报表" }), "L5")).toBeUndefined();
  });

  it("L2 prints the MOF-2011 fields, empty ones included; L5 prints 主管部门及代码 as [code]name", () => {
    const l2 = labelsOf(headerRows(minimal(), "L2")).flat();
    expect(l2).toEqual(["项目名称", "主管部门", "主管部门编码", "实施单位", "项目属性", "项目负责人", "联系电话", "项目起止时间", "资金总额", "财政拨款", "自有资金", "其他资金", "长期目标", "年度目标"]);
    const l5 = headerRows(sampleRichForm(), "L5").flat();
    expect(l5.find((f) => f.label === "主管部门及代码")?.value).toBe("[077]某县教育局");
    expect(l5.find((f) => f.label === "总体目标")?.value).toBe("三年内完成全县薄弱学校改造。\n改善办学条件。");
    expect(l5.find((f) => f.label === "年度目标")?.value).toBe("完成12所学校校舍维修改造。");
  });

  it("the 上级资金 cell: the Hunan template lines, the levels given, or a bare total", () => {
    expect(upperLevelText(minimal(), true)).toBe("中央：\n省级：\n市级：");
    expect(upperLevelText(minimal({ funding: { upperLevel: { central: 10, county: 2 } } }), true)).toBe("中央：10\n省级：\n市级：\n县级：2");
    expect(upperLevelText(minimal({ funding: { upperLevel: { central: 10 } } }), false)).toBe("中央：10");
    expect(upperLevelText(minimal({ funding: { upperLevel: { total: 7.5 } } }), true)).toBe("7.5");
  });

  it("pairs short fields two to a row; a wide field or a leftover takes a row", () => {
    const f = (label: string, wide = false) => ({ label, value: "", ...(wide ? { wide } : {}) });
    expect(packRows([f("a"), f("b"), f("c"), f("w", true), f("d")]).map((r) => r.map((x) => x.label))).toEqual([["a", "b"], ["c"], ["w"], ["d"]]);
  });
});

describe("indicator columns", () => {
  const row = (extra: Record<string, unknown> = {}) => ({ tier1: "产出指标", tier2: "数量指标", tier3: "x", value: parseValue("1"), ...extra });

  it("each layout has its own columns", () => {
    const headers = (layout: "L1" | "L2" | "L5") => indicatorColumns([row()], layout).map((c) => c.header);
    expect(headers("L1")).toEqual(["一级指标", "二级指标", "三级指标", "指标值及单位", "绩效标准"]);
    expect(headers("L2")).toEqual(["一级指标", "二级指标", "指标内容", "指标值", "备注"]);
    expect(headers("L5")).toEqual(["一级指标", "二级指标", "三级指标", "指标值"]);
  });

  it("a column some row fills is added in its place, so nothing is dropped", () => {
    const rows = [row({ unit: "个", comparison: "≥" }), row({ weight: 10, note: "n", scoringRule: "s", direction: "正向指标", valueType: "定量" })];
    expect(indicatorColumns(rows, "L5").map((c) => c.header)).toEqual([
      "一级指标", "二级指标", "三级指标", "指标性质", "指标值", "度量单位", "权重", "指标方向性", "指标值类型", "评（扣）分标准", "备注",
    ]);
    expect(indicatorColumns(rows, "L5").find((c) => c.key === "weight")!.text(rows[1]!)).toBe("10");
  });
});

describe("merges", () => {
  it("runs of equal keys", () => {
    expect(mergeRuns(["a", "a", "b", "a"], (x) => x)).toEqual([{ start: 0, span: 2 }, { start: 2, span: 1 }, { start: 3, span: 1 }]);
  });

  it("二级 runs stop at a new 一级, and a bare placeholder row keeps its own 二级 cell", () => {
    const r = (tier1: string, tier2: string, tier3 = "t", raw = "1") => ({ tier1, tier2, tier3, value: parseValue(raw) });
    const rows = [r("产出指标", "数量指标"), r("产出指标", "数量指标"), r("产出指标", "数量指标", "", ""), r("效益指标", "数量指标")];
    expect(isBareRow(rows[2]!)).toBe(true);
    expect(isBareRow(rows[0]!)).toBe(false);
    expect(tierMerges(rows)).toEqual({
      tier1: [{ start: 0, span: 3 }, { start: 3, span: 1 }],
      tier2: [{ start: 0, span: 2 }, { start: 2, span: 1 }, { start: 3, span: 1 }],
    });
  });
});

describe("widths", () => {
  const m = { em: 210, padding: 170 };
  it("add up to the table width and give long texts more room than short ones", () => {
    const widths = fitColumnWidths(
      [
        { sizing: "fixed", texts: [], em: 4 },
        { sizing: "category", texts: ["一级指标", "产出指标", "满意度指标"] },
        { sizing: "text", texts: ["三级指标", "一项相当长的三级指标名称需要换行显示才行", "另一项比较长的指标名称"] },
        { sizing: "text", texts: ["指标值", "≥90%", "100%"] },
      ],
      8845,
      m,
    );
    expect(widths.reduce((a, b) => a + b, 0)).toBe(8845);
    expect(widths[2]!).toBeGreaterThan(widths[3]!);
    // The category column holds four characters a line: 满意度指标 wraps in its merged cell.
    expect(linesIn("产出指标", widths[1]!, m)).toBe(1);
    expect(linesIn("满意度指标", widths[1]!, m)).toBe(2);
  });

  it("counts CJK characters as one em and Latin as half; estimates wrapped lines", () => {
    expect(emWidth("指标ab")).toBe(3);
    expect(linesIn("一二三四五六七八", 4 * 210 + 170, m)).toBe(2);
    expect(linesIn("一\n二", 4 * 210 + 170, m)).toBe(2);
  });
});

describe("words on the page", () => {
  it("the title as given, else the layout's title after the year", () => {
    expect(titleOf(seedForm(), "L2")).toBe("2023年度项目支出预算绩效目标申报表");
    expect(titleOf(minimal({ year: 2024 }), "L1")).toBe("2024年度项目支出预算绩效目标申报表");
    expect(titleOf(minimal({ year: 2024 }), "L2")).toBe("2024年财政支出（项目）绩效目标申报表");
    expect(titleOf(minimal(), "L5")).toBe("项目支出绩效目标申报表");
  });

  it("the signature line names each signer with the values the form has", () => {
    expect(signatureText(minimal({ signatures: { filler: "李某", phone: "138" } }), "L1")).toBe("填表人：李某　　联系电话：138　　单位负责人签字：　　　　");
    expect(signatureText(minimal({ signatures: { date: "2024年1月" } }), "L2")).toContain("填报日期：2024年1月");
  });

  it("text Word cannot hold is cleaned; labels break where the forms break them", () => {
    expect(printable("a\u0001b\tc\r\nd\uD800")).toBe("ab c\nd");
    expect(labelLines("该项目支出上级资金（分级填报）")).toEqual(["该项目支出上级资金", "（分级填报）"]);
    expect(labelLines("本年度绩效指标")).toEqual(["本年度", "绩效指标"]);
    expect(labelLines("项目名称")).toEqual(["项目名称"]);
    expect(officialPunctuation("其中:财政拨款(万元)")).toBe("其中：财政拨款（万元）");
  });

  it("A4 geometry: 174 mm of text width in portrait, 261 mm in landscape", () => {
    expect(pageGeometry().contentWidth).toBe(11906 - 2 * 1020);
    expect(pageGeometry(true).contentWidth).toBe(16838 - 2 * 1020);
  });
});
