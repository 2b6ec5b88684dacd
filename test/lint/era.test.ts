import { describe, expect, it } from "vitest";
import { detectEra, resolveEra } from "../../src/lint/era.js";
import { makeForm, row } from "./helpers.js";

const formWith = (...rows: ReturnType<typeof row>[]) => makeForm({ indicators: { annual: rows } });

describe("era detection", () => {
  it("says B when 成本指标 is a 一级", () => {
    expect(detectEra(formWith(row("成本指标", "其他", "印刷费", "≤2万元")))).toBe("B");
  });

  it("says B for a 101号 cost 二级, even on an empty placeholder row", () => {
    expect(detectEra(formWith(row("产出指标", "数量指标", "人数", "≥1人"), row("", "社会成本指标", "", "")))).toBe("B");
  });

  it("says A when 成本指标 sits under 产出指标", () => {
    expect(detectEra(formWith(row("产出指标", "成本指标", "印刷费", "≤2万元")))).toBe("A");
  });

  it("ignores a parenthetical remark and spaces in labels", () => {
    expect(detectEra(formWith(row("成本 指标（必填）", "经济成本指标", "x", "≤1万元")))).toBe("B");
  });

  it("says nothing when the rows show neither", () => {
    expect(detectEra(formWith(row("产出指标", "数量指标", "人数", "≥1人")))).toBeUndefined();
  });

  it("falls back to the configured era, then A", () => {
    const plain = makeForm();
    expect(resolveEra(plain, {})).toEqual({ era: "A", source: "default" });
    expect(resolveEra(plain, { era: "B" })).toEqual({ era: "B", source: "config" });
  });

  it("prefers what the form shows over the configured era, unless detection is off", () => {
    const a = formWith(row("产出指标", "成本指标", "印刷费", "≤2万元"));
    expect(resolveEra(a, { era: "B" })).toEqual({ era: "A", source: "detected" });
    expect(resolveEra(a, { era: "B", detectEra: false })).toEqual({ era: "B", source: "forced" });
  });
});
