import { describe, expect, it } from "vitest";
import { displayWidth, padEndWidth, padStartWidth, truncateWidth } from "../../src/report/display-width.js";

describe("displayWidth", () => {
  it("counts ASCII as one column each", () => {
    expect(displayWidth("PG014 range-value")).toBe(17);
  });
  it("counts CJK ideographs, full-width punctuation and the ideographic space as two", () => {
    expect(displayWidth("成本指标")).toBe(8);
    expect(displayWidth("（第3行）：")).toBe(11);
    expect(displayWidth("数量　")).toBe(6);
    expect(displayWidth("１２３")).toBe(6);
  });
  it("counts ambiguous-width symbols as one", () => {
    expect(displayWidth("≥90%")).toBe(4);
    expect(displayWidth("≧40万元")).toBe(7);
  });
  it("ignores colour codes, combining marks and zero-width characters", () => {
    expect(displayWidth("\u001b[31m错误\u001b[39m")).toBe(4);
    expect(displayWidth("e\u0301")).toBe(1);
    expect(displayWidth("a\u200bb\ufeff")).toBe(2);
  });
  it("counts characters outside the BMP once, wide ones twice", () => {
    expect(displayWidth("𠀀")).toBe(2);
    expect(displayWidth("😀")).toBe(2);
  });
});

describe("padding and truncation by display width", () => {
  it("pads to the same column whatever the script", () => {
    expect(padEndWidth("错误", 7)).toBe("错误   ");
    expect(padEndWidth("error", 7)).toBe("error  ");
    expect(padStartWidth("12", 4)).toBe("  12");
    expect(padEndWidth("too long", 3)).toBe("too long");
  });
  it("cuts long text to the width, marking the cut", () => {
    expect(truncateWidth("禁毒宣传经费项目", 9)).toBe("禁毒宣传…");
    expect(displayWidth(truncateWidth("禁毒宣传经费项目", 9))).toBeLessThanOrEqual(9);
    expect(truncateWidth("短", 9)).toBe("短");
  });
});
