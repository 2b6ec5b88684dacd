import { describe, expect, it } from "vitest";
import { isCountName, isRateName, isReverseName, isSatisfactionName, unitInName } from "../../../src/rules/helpers/names.js";
import { isGradedWording } from "../../../src/rules/helpers/vocabulary.js";

describe("name heuristics", () => {
  it("recognises satisfaction, rate and count names", () => {
    expect(isSatisfactionName("提案办理群众满意率")).toBe(true);
    expect(isSatisfactionName("居民满意度")).toBe(true);
    expect(isSatisfactionName("满意度调查次数")).toBe(false);
    expect(isSatisfactionName("帮扶管控率")).toBe(false);
    expect(isRateName("帮扶管控率")).toBe(true);
    expect(isRateName("2023年度")).toBe(false);
    expect(isCountName("培训人数")).toBe(true);
    expect(isCountName("切实提高人民群众幸福指数。")).toBe(false);
  });

  it("tells reverse indicators from the handling of them", () => {
    expect(isReverseName("安全事故发生率")).toBe(true);
    expect(isReverseName("投诉处理率")).toBe(false);
  });

  it("reads a unit from the end of a name", () => {
    expect(unitInName("实施营造林总面积（亩）")).toBe("亩");
    expect(unitInName("培训人数")).toBeUndefined();
  });

  it("accepts graded wordings; one-character grades only on their own", () => {
    expect(isGradedWording("有所提升")).toBe(true);
    expect(isGradedWording("年度内及时完成")).toBe(true);
    expect(isGradedWording("好")).toBe(true);
    expect(isGradedWording("好转中")).toBe(false);
    expect(isGradedWording("常态化")).toBe(false);
  });
});
