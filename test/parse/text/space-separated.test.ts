import { describe, expect, it } from "vitest";
import { splitSpaced } from "../../../src/parse/text/layouts/space-separated.js";
import { readTextString } from "../../../src/parse/text/read-text.js";
import { paragraphs, tables, texts } from "./helpers.js";

describe("space-separated rows (text copied from PDFs)", () => {
  it("splits at runs of two or more spaces or at U+3000, not at single spaces", () => {
    expect(splitSpaced("  LED 广告车  6小时/天　　≧90%").map((c) => c.text)).toEqual(["LED 广告车", "6小时/天", "≧90%"]);
    expect(splitSpaced("中央：　省级：").map((c) => c.text)).toEqual(["中央：", "省级："]);
  });

  it("places cells of padded columns by position, so empty cells keep their place", () => {
    const text = [
      "2023年度项目支出预算绩效目标申报表",
      "",
      "一级指标  二级指标  三级指标      指标值    绩效标准",
      "产出指标  数量指标  应急处理经费  1-2次/年  及时处理",
      "                    为民办实事    15项/年",
      "          质量指标  到位率        100%      按时",
      "",
      "填表人：          联系电话：",
    ].join("\n");
    const doc = readTextString(text);
    expect(doc.meta.textLayout).toBe("space-separated");
    expect(texts(tables(doc)[0]!)).toEqual([
      ["一级指标", "二级指标", "三级指标", "指标值", "绩效标准"],
      ["产出指标", "数量指标", "应急处理经费", "1-2次/年", "及时处理"],
      ["", "", "为民办实事", "15项/年", ""],
      ["", "质量指标", "到位率", "100%", "按时"],
    ]);
    expect(paragraphs(doc)).toEqual(["2023年度项目支出预算绩效目标申报表", "填表人：          联系电话："]);
  });

  it("takes unaligned cells in order and right-aligns short body rows", () => {
    const text = ["名称  衡东县政府办", "一级指标  二级指标  三级指标  指标值", "产出指标  数量指标  为民办实事  15项", "企业改制  2个"].join("\n");
    expect(texts(tables(readTextString(text))[0]!)).toEqual([
      ["名称", "衡东县政府办", "", ""],
      ["一级指标", "二级指标", "三级指标", "指标值"],
      ["产出指标", "数量指标", "为民办实事", "15项"],
      ["", "", "企业改制", "2个"],
    ]);
  });

  it("reads text whose cells run together as paragraphs only", () => {
    const doc = readTextString("产出指标数量指标农村义务教育学校改造覆盖率100%\n成本指标 流转土地补助标准 <=475元/亩\n");
    expect(doc.meta.textLayout).toBe("plain");
    expect(tables(doc)).toEqual([]);
    expect(paragraphs(doc)).toHaveLength(2);
  });
});
