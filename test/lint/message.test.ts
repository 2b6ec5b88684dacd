import { describe, expect, it } from "vitest";
import { fillMessage } from "../../src/lint/message.js";

describe("fillMessage", () => {
  it("fills every placeholder from data, numbers included", () => {
    expect(fillMessage("成本合计 {sum} 万元超过预算 {budget} 万元", { sum: 326, budget: "300" })).toBe("成本合计 326 万元超过预算 300 万元");
  });
  it("leaves a placeholder without data visible", () => {
    expect(fillMessage("缺少 {field}", {})).toBe("缺少 {field}");
  });
  it("does not treat a value's braces as placeholders a second time", () => {
    expect(fillMessage("{a}", { a: "{b}", b: "x" })).toBe("{b}");
  });
  it("fills the same template again with other data (it is compiled once)", () => {
    const template = "第{row}行：{a}{b}";
    expect(fillMessage(template, { row: 1, a: "x", b: "y" })).toBe("第1行：xy");
    expect(fillMessage(template, { row: 2, a: "", b: "z" })).toBe("第2行：z");
    expect(fillMessage("没有占位符")).toBe("没有占位符");
  });
  it("takes only the data's own keys, not inherited ones", () => {
    expect(fillMessage("{toString}{constructor}", {})).toBe("{toString}{constructor}");
  });
});
