import { describe, expect, it } from "vitest";
import { parseCheckboxChoice, parseDepartment, splitNamePhone, withoutStamp } from "../../../src/parse/extract/field-values.js";
import { lookupLabel, splitSegments } from "../../../src/parse/extract/labels.js";
import { parseAmount, parseWeight } from "../../../src/parse/extract/numbers.js";
import { parseDatePoint, parsePeriod } from "../../../src/parse/extract/period.js";
import { cleanText, normaliseLabel } from "../../../src/parse/extract/text.js";
import { inferTier1, normaliseTier } from "../../../src/parse/extract/tiers.js";
import { lookupColumn } from "../../../src/parse/extract/columns.js";

describe("labels", () => {
  it.each([
    ["年度本级\n\n预算金额", "年度本级预算金额"],
    ["  项目支出名称\u3000", "项目支出名称"],
    ["该项目支出上级资金（分级填报）", "该项目支出上级资金(分级填报)"],
    ["*联系人：", "联系人"],
    ["填报单位（盖章）：", "填报单位(盖章)"],
  ])("normalises %j", (raw, expected) => {
    expect(normaliseLabel(raw)).toBe(expected);
  });

  it.each([
    ["项目支出名称", "projectName"],
    ["年度本级\n预算金额", "total"],
    ["其中：财政拨款", "fiscal"],
    ["资金总额（万元）", "total"],
    ["主管部门及代码", "department"],
    ["项目负责人及电话", "leader"],
    ["4.其他资金", "other"],
    ["*年度目标", "annualGoal"],
  ])("finds the field %j names", (text, key) => {
    const hit = lookupLabel(text);
    expect(hit?.target.kind).toBe("field");
    if (hit?.target.kind === "field") expect(hit.target.fields.map((f) => f.key)).toContain(key);
  });

  it("gives 年度本级预算金额 to both the total and the own-level amount", () => {
    const hit = lookupLabel("年度本级预算金额");
    expect(hit?.target.kind === "field" && hit.target.fields.map((f) => f.key)).toEqual(["total", "ownLevel"]);
  });

  it("knows funding levels, the amount unit label and other labels, and nothing else", () => {
    expect(lookupLabel("2.市级资金")?.target).toEqual({ kind: "level", level: "municipal" });
    expect(lookupLabel("单位")?.target).toEqual({ kind: "amountUnit" });
    expect(lookupLabel("项目概况")?.target.kind).toBe("other");
    expect(lookupLabel("应急处理经费")).toBeUndefined();
    expect(lookupLabel("衡东县政府办")).toBeUndefined();
  });

  it("splits a line of inline labels, the longest label first", () => {
    const segs = splitSegments("填报单位：（盖章）衡东县政府办                         单位：万元");
    expect(segs?.map((s) => [s.hit.label, s.value.trim()])).toEqual([
      ["填报单位", "（盖章）衡东县政府办"],
      ["单位", "万元"],
    ]);
    const sig = splitSegments("填表人：                 联系电话：                     单位负责人签字：");
    expect(sig?.map((s) => [s.hit.label, s.value.trim()])).toEqual([
      ["填表人", ""],
      ["联系电话", ""],
      ["单位负责人签字", ""],
    ]);
    expect(splitSegments("中央：\n省级：20\n市级：")?.map((s) => [s.hit.label, s.value.trim()])).toEqual([
      ["中央", ""],
      ["省级", "20"],
      ["市级", ""],
    ]);
  });

  it("splits only text that starts with a label", () => {
    expect(splitSegments("确保各项工作落实到位，其他：略")).toBeUndefined();
    expect(splitSegments("（单位：万元）")?.[0]?.hit.label).toBe("单位");
  });
});

describe("column headers", () => {
  it.each([
    ["指标值及单位", "value", undefined],
    ["指标内容", "tier3", undefined],
    ["度量单位", "unit", undefined],
    ["指标性质", "comparison", undefined],
    ["二级指标（长期）", "tier2", "longTerm"],
    ["指标值(年度)", "value", "annual"],
    ["实施周期目标值", "value", "longTerm"],
    ["年度目标值", "value", "annual"],
  ])("%j → %s %s", (text, key, period) => {
    const hit = lookupColumn(text);
    expect(hit?.kind).toBe("indicator");
    if (hit?.kind === "indicator") {
      expect(hit.key).toBe(key);
      expect(hit.period).toBe(period);
    }
  });

  it("tells block labels and flat-export columns apart from indicator columns", () => {
    expect(lookupColumn("本年度\n绩效指标")).toEqual({ kind: "block", period: "annual" });
    expect(lookupColumn("长期绩效指标")).toEqual({ kind: "block", period: "longTerm" });
    expect(lookupColumn("单位名称")).toEqual({ kind: "flat", key: "department" });
    expect(lookupColumn("预算数（元）")).toEqual({ kind: "flat", key: "total" });
    expect(lookupColumn("项目支出名称")).toBeUndefined();
  });
});

describe("amounts", () => {
  it.each([
    ["361", 361],
    ["3,309,840.00", 3309840],
    ["\u3000361\u3000", 361],
    ["１２０．５", 120.5],
    ["120万元", 120],
    ["0", 0],
  ])("%j → %d", (text, n) => expect(parseAmount(text)).toBe(n));

  it.each(["", "—", "详见附表", "约100"])("%j is no amount", (text) => expect(parseAmount(text)).toBeUndefined());

  it("reads weights", () => {
    expect(parseWeight("20")).toBe(20);
    expect(parseWeight("10分")).toBe(10);
    expect(parseWeight("")).toBeUndefined();
  });
});

describe("periods", () => {
  it.each([
    ["2023年度", "2023-01", "2023-12"],
    ["2023年", "2023-01", "2023-12"],
    ["2023.07-2024.01", "2023-07", "2024-01"],
    ["2022年3月-2023年11月", "2022-03", "2023-11"],
    ["202001-202012", "2020-01", "2020-12"],
    ["2023-01-01", "2023-01-01", "2023-01-01"],
    ["2023年1月1日至2023年12月31日", "2023-01-01", "2023-12-31"],
    ["2023-2025年", "2023-01", "2025-12"],
    ["2021.1", "2021-01", "2021-01"],
    [" 2024年1月 — 2025年12月 ", "2024-01", "2025-12"],
  ])("%j → %s … %s", (text, start, end) => {
    expect(parsePeriod(text)).toEqual({ text, start, end });
  });

  it.each(["1年", "长期", "3年", "2023年13月", "按合同约定"])("%j keeps only the text", (text) => {
    expect(parsePeriod(text)).toEqual({ text });
  });

  it("reads a single date", () => {
    expect(parseDatePoint("2023-01-01")).toEqual({ start: "2023-01-01", end: "2023-01-01" });
    expect(parseDatePoint("2021.12")).toEqual({ start: "2021-12", end: "2021-12" });
    expect(parseDatePoint("年底")).toBeUndefined();
  });
});

describe("header values", () => {
  it.each([
    ["[077]淮北市文化旅游体育局", { code: "077", name: "淮北市文化旅游体育局" }],
    ["【015001】某某局", { code: "015001", name: "某某局" }],
    ["820001-井研县教育局", { code: "820001", name: "井研县教育局" }],
    ["衡东县政府办", { name: "衡东县政府办" }],
  ])("department %j", (text, expected) => expect(parseDepartment(text)).toEqual(expected));

  it.each([
    ["张三 13800000000", { name: "张三", phone: "13800000000" }],
    ["吴海燕13907461234", { name: "吴海燕", phone: "13907461234" }],
    ["李四/0734-5221234", { name: "李四", phone: "0734-5221234" }],
    ["王五", { name: "王五" }],
  ])("name and phone %j", (text, expected) => expect(splitNamePhone(text)).toEqual(expected));

  it.each([
    ["新增项目□    延续项目√", "延续项目"],
    ["新增项目√ 延续项目□", "新增项目"],
    ["□新增项目 ☑延续项目", "延续项目"],
    ["新增项目□ 延续项目R", "延续项目"],
    ["新增项目□ 延续项目□", undefined],
    ["延续", "延续"],
    ["滚动项目", "滚动项目"],
  ])("check boxes %j → %s", (text, expected) => expect(parseCheckboxChoice(text)).toBe(expected));

  it("drops the stamp mark", () => {
    expect(withoutStamp("（盖章）衡东县政府办")).toBe("衡东县政府办");
    expect(withoutStamp("(盖章) 某局")).toBe("某局");
    expect(withoutStamp("某（集团）公司")).toBe("某（集团）公司");
  });

  it("keeps paragraphs, drops blank ones and surrounding spaces", () => {
    expect(cleanText("\u3000居民满意率\n\n\n")).toBe("居民满意率");
    expect(cleanText("经常参加锻炼比例\n\n（含老年人）\u3000")).toBe("经常参加锻炼比例\n（含老年人）");
  });
});

describe("tiers", () => {
  it("normalises 一级/二级 labels", () => {
    expect(normaliseTier("满意度\n\n指标")).toBe("满意度指标");
    expect(normaliseTier("\u3000产出指标 ")).toBe("产出指标");
  });

  it.each([
    ["产出指标", "社会效益指标", "效益指标"],
    ["产出指标", "成本指标", "产出指标"],
    ["产出指标", "经济成本指标", "成本指标"],
    ["效益指标", "服务对象满意度指标", "满意度指标"],
    ["效益指标", "社会公众或服务对象满意度指标", "满意度指标"],
    ["效益指标", "可持续影响指标", "效益指标"],
    ["项目完成指标", "质量指标", "项目完成指标"],
    ["项目完成指标", "社会效益指标", "效益指标"],
    ["", "数量指标", "产出指标"],
    ["投入指标", "资金到位率", "投入指标"],
  ])("carried %j with 二级 %j → %j", (carried, tier2, expected) => {
    expect(inferTier1(carried, tier2)).toBe(expected);
  });
});
