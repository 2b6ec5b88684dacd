import { describe, expect, it } from "vitest";
import { didYouMean, editDistance } from "../../src/util/did-you-mean.js";

describe("editDistance", () => {
  it("counts a Chinese character as one slip", () => {
    expect(editDistance("效益指示", "效益指标")).toBe(1);
    expect(editDistance("满意度", "满意度指标")).toBe(2);
    expect(editDistance("", "abc")).toBe(3);
  });

  it("stops early past the limit", () => {
    expect(editDistance("abcdef", "uvwxyz", 2)).toBe(3);
    expect(editDistance("a", "abcdefgh", 2)).toBe(3);
  });

  it("is symmetric and zero only for equal strings", () => {
    const words = ["数量指标", "质量指标", "时效指标", "no-template-placeholders", "x", ""];
    for (const a of words)
      for (const b of words) {
        expect(editDistance(a, b)).toBe(editDistance(b, a));
        expect(editDistance(a, b) === 0).toBe(a === b);
      }
  });
});

describe("didYouMean", () => {
  const rules = ["cost-within-budget", "satisfaction-target", "no-template-placeholders"];

  it("suggests the one name within reach", () => {
    expect(didYouMean("cost-within-budgt", rules)).toBe("cost-within-budget");
    expect(didYouMean("Satisfaction-Targat", rules)).toBe("satisfaction-target");
  });

  it("says nothing when no name is near or two are equally near", () => {
    expect(didYouMean("weights", rules)).toBeUndefined();
    expect(didYouMean("重量指标", ["数量指标", "质量指标"])).toBeUndefined();
    expect(didYouMean("", rules)).toBeUndefined();
  });
});

describe("a swap of two neighbours", () => {
  it("is one slip, so a mistyped YAML key is recognised", () => {
    expect(editDistance("nmae", "name")).toBe(1);
    expect(editDistance("满度意", "满意度")).toBe(1);
    expect(didYouMean("nmae", ["name", "phone", "leader"])).toBe("name");
    expect(didYouMean("tier3", ["tier1", "tier2", "tier3"])).toBe("tier3");
  });

  it("stops early past the limit without missing a swap", () => {
    expect(editDistance("abcdefgh", "badcfehg", 4)).toBe(4);
    expect(editDistance("abcdefgh", "badcfehg", 3)).toBe(4);
  });
});
