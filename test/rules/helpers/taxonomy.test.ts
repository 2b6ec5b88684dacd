import { describe, expect, it } from "vitest";
import { canonicalTier1, canonicalTier2, dimensionOf, parentsOf } from "../../../src/rules/helpers/taxonomy.js";
import { row } from "../helpers.js";

describe("taxonomy labels", () => {
  it("keeps standard labels and maps the non-standard ones seen on real forms", () => {
    expect(canonicalTier1("产出指标")).toEqual({ name: "产出指标", alias: false });
    expect(canonicalTier1("项目完成指标")).toEqual({ name: "产出指标", alias: true });
    expect(canonicalTier1("成本指标(0-20)分")).toEqual({ name: "成本指标", alias: false });
    expect(canonicalTier1("产出指标（40-50）分")).toEqual({ name: "产出指标", alias: false });
    expect(canonicalTier2("数量指标（必填硬性指标）")).toEqual({ name: "数量指标", alias: true });
    expect(canonicalTier2("服务对象满意度指标等")).toEqual({ name: "服务对象满意度指标", alias: true });
    expect(canonicalTier2("环境效益指标")).toEqual({ name: "生态效益指标", alias: true });
    expect(canonicalTier2("进度指标")).toEqual({ name: undefined, alias: false });
  });

  it("knows where each 二级 belongs in each era", () => {
    expect(parentsOf("A", "成本指标")).toEqual(["产出指标"]);
    expect(parentsOf("B", "成本指标")).toEqual([]);
    expect(parentsOf("B", "经济成本指标")).toEqual(["成本指标"]);
  });

  it("reads what a row measures in either era", () => {
    expect(dimensionOf(row("产出指标", "成本指标", "a", "≤1万元"))).toBe("cost");
    expect(dimensionOf(row("成本指标", "经济成本指标", "a", "≤1万元"))).toBe("cost");
    expect(dimensionOf(row("满意度指标", "社会公众或服务对象满意度指标", "a", "≥90%"))).toBe("satisfaction");
    expect(dimensionOf(row("效益指标", "社会效益指标", "a", "提升"))).toBe("benefit");
  });
});
