/**
 * One row per 指标值 notation in domain/value-notations.md (sections A, B, C, E and the "not seen
 * but expected" list), then every value of the seed form. Each row states the whole parsed value.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseValue } from "../../src/model/value-parse.js";
import { IndicatorValue } from "../../src/model/value.js";

type Expected = Omit<IndicatorValue, "raw">;
type Row = readonly [raw: string, expected: Expected];

const pct = (n: number, extra: Partial<Expected> = {}): Expected => ({ kind: "percent", ...extra, numbers: [n], unit: "%" });
const cmp = (comparison: Expected["comparison"], symbol: string): Partial<Expected> => ({ comparison, symbol });
const grade: Expected = { kind: "grade" };
const date: Expected = { kind: "date" };
const prose: Expected = { kind: "prose" };
const proseApprox: Expected = { kind: "prose", approximate: true };

/** Build the expected value with keys in the schema's order, so `toEqual` reads naturally. */
function v(kind: Expected["kind"], fields: Partial<Expected>): Expected {
  return { kind, ...fields };
}

// Section A: form of the value, numbered as in the notes.
const sectionA: Record<string, readonly Row[]> = {
  "1 bare percent": [["100%", pct(100)], ["95%", pct(95)], ["60%", pct(60)], ["40%", pct(40)]],
  "2 value column of a system export (operator and unit in their own columns)": [
    ["95", v("count", { numbers: [95] })],
    ["116", v("count", { numbers: [116] })],
    ["3500", v("count", { numbers: [3500] })],
    ["≥95%", pct(95, cmp(">=", "≥"))],
  ],
  "3 qualitative phrase": [
    "常态化", "零发生", "优良", "年度内及时完成", "部门协同、社会共治", "稳步提高", "巩固提高", "持续改善",
    "有所减轻", "有所提升", "长期", "长远", "提升", "增加岗位", "不断提升", "持续", "有效减少", "影响程度明显",
    "生态修复功能提高", "持续发展", "不超预算", "参照政府采购成本控制",
  ].map((raw) => [raw, grade] as const),
  "4 ≥ (U+2265)": [
    ["≥90%", pct(90, cmp(">=", "≥"))],
    ["≥85%", pct(85, cmp(">=", "≥"))],
    ["≥100公里", v("count", { ...cmp(">=", "≥"), numbers: [100], unit: "公里" })],
    ["≥80M", v("count", { ...cmp(">=", "≥"), numbers: [80], unit: "M" })],
    ["≥70村", v("count", { ...cmp(">=", "≥"), numbers: [70], unit: "村" })],
    ["≥100%", pct(100, cmp(">=", "≥"))],
  ],
  "5 ≧ (U+2267)": [
    ["≧90%", pct(90, cmp(">=", "≧"))],
    ["≧95%", pct(95, cmp(">=", "≧"))],
    ["≧99%", pct(99, cmp(">=", "≧"))],
    ["≧40万元", v("money", { ...cmp(">=", "≧"), numbers: [40], unit: "万元", wanYuan: [40] })],
  ],
  "6 bare number and unit": [
    ["10辆", v("count", { numbers: [10], unit: "辆" })],
    ["63人", v("count", { numbers: [63], unit: "人" })],
    ["5万元", v("money", { numbers: [5], unit: "万元", wanYuan: [5] })],
    ["250万", v("money", { numbers: [250], unit: "万元", wanYuan: [250] })],
    ["3500公斤", v("count", { numbers: [3500], unit: "公斤" })],
    ["3份/年", v("count", { numbers: [3], unit: "份/年" })],
    ["2000次/年", v("count", { numbers: [2000], unit: "次/年" })],
    ["5万元/人", v("rate", { numbers: [5], unit: "万元/人" })],
    ["2000 次", v("count", { numbers: [2000], unit: "次" })],
    ["各 1 次", v("count", { numbers: [1], unit: "次" })],
  ],
  "7 >= ASCII": [
    [">=98%", pct(98, cmp(">=", ">="))],
    [">=60亩", v("count", { ...cmp(">=", ">="), numbers: [60], unit: "亩" })],
    [">=2.61万元", v("money", { ...cmp(">=", ">="), numbers: [2.61], unit: "万元", wanYuan: [2.61] })],
    [">=85", v("count", { ...cmp(">=", ">="), numbers: [85] })],
  ],
  "8 ≤ (U+2264)": [
    ["≤35万元", v("money", { ...cmp("<=", "≤"), numbers: [35], unit: "万元", wanYuan: [35] })],
    ["≤65万元", v("money", { ...cmp("<=", "≤"), numbers: [65], unit: "万元", wanYuan: [65] })],
    ["≤28.40/株", v("rate", { ...cmp("<=", "≤"), numbers: [28.4], unit: "/株" })],
  ],
  "9 bare number, no unit (no comparison is implied)": ["1", "2", "7", "168", "80000", "85"].map(
    (raw) => [raw, v("count", { numbers: [Number(raw)] })] as const,
  ),
  "10 prose, several numbers": [
    ["按当年度实际帮扶管控人数，约400人", proseApprox],
    ["按实际查处人数", proseApprox],
    ["检测吸毒人员约3500人次，特殊车辆驾驶员约600人次", proseApprox],
    ["2023年预计在校生:小学600人,初中700人,高中1000人,最后以实际招生人数为准。", proseApprox],
    ["严格按照预算标准1000元/人给补助对象兑付补助", prose],
  ],
  "11 date, period, deadline": [
    "2023.07-2024.01", "2023年12月31日", "2025年12月", "2023年底", "12月底到位", "2021年1月-12月", "2019年12月(计划标准)",
  ].map((raw) => [raw, date] as const),
  "12 range a-b": [
    ["1-2次/年", v("count", { ...cmp("range", "-"), numbers: [1, 2], unit: "次/年" })],
    ["15-20项/年", v("count", { ...cmp("range", "-"), numbers: [15, 20], unit: "项/年" })],
    ["1-2个/年", v("count", { ...cmp("range", "-"), numbers: [1, 2], unit: "个/年" })],
    ["2-4次/年", v("count", { ...cmp("range", "-"), numbers: [2, 4], unit: "次/年" })],
    ["150-400件/年", v("count", { ...cmp("range", "-"), numbers: [150, 400], unit: "件/年" })],
  ],
  "13 ＝ (U+FF1D)": [["＝100%", pct(100, cmp("=", "＝"))]],
  "14 suffix 以上": [
    ["95%以上", pct(95, cmp(">=", "以上"))],
    ["90%以上", pct(90, cmp(">=", "以上"))],
  ],
  "15 mangled by extraction (parsed as written; rules judge plausibility)": [
    ["2280次", v("count", { numbers: [2280], unit: "次" })],
    ["292%", pct(292)],
    ["二100百分比", pct(100, cmp("=", "二"))],
  ],
  "16 <= ASCII": [
    ["<=475元/亩", v("rate", { ...cmp("<=", "<="), numbers: [475], unit: "元/亩" })],
    ["<=3000元/平方米", v("rate", { ...cmp("<=", "<="), numbers: [3000], unit: "元/平方米" })],
  ],
  "17 value with a bracketed 绩效标准": [
    ["100%(历史标准)", pct(100)],
    ["90%(计划标准)", pct(90)],
    ["90%（计划标准）", pct(90)],
  ],
  "18 = ASCII": [
    ["=300天", v("count", { ...cmp("=", "="), numbers: [300], unit: "天" })],
    ["=30000人次", v("count", { ...cmp("=", "="), numbers: [30000], unit: "人次" })],
    ["=100百分比", pct(100, cmp("=", "="))],
  ],
  "19 task description instead of a value": [
    ["生态环境督查、宣传、治理", prose],
    ["营商环境督查", prose],
  ],
  "20 unit before the operator": [["%=99百分比", pct(99, cmp("=", "="))]],
  "21 yes/no": [["否", { kind: "boolean" }], ["是", { kind: "boolean" }]],
  "22 > strict": [[">92%", pct(92, cmp(">", ">"))]],
  "23 word operator": [["大于90%", pct(90, cmp(">", "大于"))]],
};

const notSeenButExpected: readonly Row[] = [
  ["＞90%", pct(90, cmp(">", "＞"))],
  ["＜5%", pct(5, cmp("<", "＜"))],
  ["<5%", pct(5, cmp("<", "<"))],
  ["≯5次", v("count", { ...cmp("<=", "≯"), numbers: [5], unit: "次" })],
  ["≮90%", pct(90, cmp(">=", "≮"))],
  ["不低于90%", pct(90, cmp(">=", "不低于"))],
  ["不高于35万元", v("money", { ...cmp("<=", "不高于"), numbers: [35], unit: "万元", wanYuan: [35] })],
  ["不超过35万元", v("money", { ...cmp("<=", "不超过"), numbers: [35], unit: "万元", wanYuan: [35] })],
  ["35万元以内", v("money", { ...cmp("<=", "以内"), numbers: [35], unit: "万元", wanYuan: [35] })],
  ["≤0", v("count", { ...cmp("<=", "≤"), numbers: [0] })],
  ["0起", v("count", { numbers: [0], unit: "起" })],
  ["0次", v("count", { numbers: [0], unit: "次" })],
  ["达到90%", pct(90, cmp(">=", "达到"))],
  ["完成", grade],
  ["是", { kind: "boolean" }],
  ["2023年12月底前", date],
  ["年底前", date],
  // Other extraction artefacts seen near value cells.
  ["9%0", prose],
  ["LJUI,冈位", prose],
];

// Section B: features that combine with any form.
const sectionB: readonly Row[] = [
  ["=100百分比", pct(100, cmp("=", "="))],
  ["1600元/亩", v("rate", { numbers: [1600], unit: "元/亩" })],
  ["17元/人.每天", v("rate", { numbers: [17], unit: "元/人.每天" })],
  ["1000元/个", v("rate", { numbers: [1000], unit: "元/个" })],
  ["200人/年", v("count", { numbers: [200], unit: "人/年" })],
  ["200 人次", v("count", { numbers: [200], unit: "人次" })],
  ["约400人", v("count", { numbers: [400], unit: "人", approximate: true })],
  ["40余场次", v("count", { numbers: [40], unit: "场次", approximate: true })],
  ["以实际招生人数为准", proseApprox],
  // The template placeholder belongs in 三级 names; left in a value it is no number.
  ["≥**%", prose],
];

// Section C: satisfaction targets.
const sectionC: readonly Row[] = [
  ["≥90%", pct(90, cmp(">=", "≥"))],
  ["≧90%", pct(90, cmp(">=", "≧"))],
  [">=90%", pct(90, cmp(">=", ">="))],
  ["≥95%", pct(95, cmp(">=", "≥"))],
  ["95%以上", pct(95, cmp(">=", "以上"))],
  ["100%", pct(100)],
  ["%=99百分比", pct(99, cmp("=", "="))],
  ["≥85%", pct(85, cmp(">=", "≥"))],
];

// Section E: every symbol of the normalisation map, written before (or after) 90%.
const sectionE: Record<string, readonly string[]> = {
  ">=": ["≥", "≧", ">=", "＞＝", "不低于", "不少于", "达到"],
  "<=": ["≤", "≦", "<=", "＜＝", "不高于", "不超过", "不超"],
  "=": ["＝", "=", "═", "二"],
  ">": [">", "＞", "大于", "高于"],
  "<": ["<", "＜", "小于", "低于"],
};
const sectionESuffix: Record<string, readonly string[]> = { ">=": ["以上"], "<=": ["以内", "以下"] };

function check(rows: readonly Row[]): void {
  it.each(rows.map(([raw, expected]) => ({ raw, expected })))("$raw", ({ raw, expected }) => {
    const parsed = parseValue(raw);
    expect(parsed).toEqual({ raw, ...expected });
    expect(IndicatorValue.safeParse(parsed).success).toBe(true);
  });
}

describe("parseValue: value-notations.md section A", () => {
  for (const [name, rows] of Object.entries(sectionA)) describe(name, () => check(rows));
});

describe("parseValue: not seen but expected", () => check(notSeenButExpected));
describe("parseValue: section B features", () => check(sectionB));
describe("parseValue: section C satisfaction values", () => check(sectionC));

describe("parseValue: section E normalisation map", () => {
  const prefixRows = Object.entries(sectionE).flatMap(([op, symbols]) =>
    symbols.map((s) => [`${s}90%`, pct(90, cmp(op as Expected["comparison"], s))] as const),
  );
  const suffixRows = Object.entries(sectionESuffix).flatMap(([op, symbols]) =>
    symbols.map((s) => [`90%${s}`, pct(90, cmp(op as Expected["comparison"], s))] as const),
  );
  describe("prefix symbols", () => check(prefixRows));
  describe("suffix symbols", () => check(suffixRows));
  describe("控制在…内", () =>
    check([["控制在35万元内", v("money", { ...cmp("<=", "控制在…内"), numbers: [35], unit: "万元", wanYuan: [35] })]]));
  describe("ranges", () =>
    check(
      ["-", "～", "~", "—", "至"].map((sep) => [`1${sep}2次/年`, v("count", { ...cmp("range", sep), numbers: [1, 2], unit: "次/年" })] as const),
    ));
  describe("unit normalisation", () =>
    check([
      ["95百分比", pct(95)],
      ["95％", pct(95)],
      ["30万", v("money", { numbers: [30], unit: "万元", wanYuan: [30] })],
      ["5万/人", v("rate", { numbers: [5], unit: "万元/人" })],
      ["≥80M", v("count", { ...cmp(">=", "≥"), numbers: [80], unit: "M" })],
    ]));
});

describe("parseValue: numbers and money", () =>
  check([
    ["１００％", pct(100)],
    ["≧９０．５％", pct(90.5, cmp(">=", "≧"))],
    ["1,000,000元", v("money", { numbers: [1000000], unit: "元", wanYuan: [100] })],
    ["28.40元", v("money", { numbers: [28.4], unit: "元", wanYuan: [0.00284] })],
    ["1.5亿元", v("money", { numbers: [1.5], unit: "亿元", wanYuan: [15000] })],
    ["-5%", pct(-5)],
    ["≥-5%", pct(-5, cmp(">=", "≥"))],
    ["90%-95%", v("percent", { ...cmp("range", "-"), numbers: [90, 95], unit: "%" })],
    ["10万-20万元", v("money", { ...cmp("range", "-"), numbers: [10, 20], unit: "万元", wanYuan: [10, 20] })],
    ["大约50人", v("count", { numbers: [50], unit: "人", approximate: true })],
    ["近3年", v("count", { numbers: [3], unit: "年", approximate: true })],
    ["90%左右", pct(90, { approximate: true })],
    ["3个月内", v("count", { ...cmp("<=", "内"), numbers: [3], unit: "个月" })],
    [" ≥ 90 % ", pct(90, cmp(">=", "≥"))],
    ["≥90%。", pct(90, cmp(">=", "≥"))],
    ["", { kind: "empty" }],
    ["　 \n", { kind: "empty" }],
    // Two targets in one cell, or a range with an operator, are not one target.
    ["≥90%，≥95%", prose],
    ["≥90%\n≥95%", prose],
    ["100%完成", prose],
    ["2023年度", date],
    ["2023-2025年", date],
    ["2023", v("count", { numbers: [2023] })],
  ]));

// The seed form's values, column 5 of the pipe export, each with its expected parse.
const SEED = "/work/shared/seed/hengdong-2023.pipes.txt";
const money = (symbol: string, n: number): Expected =>
  v("money", { ...cmp(symbol === "≤" ? "<=" : ">=", symbol), numbers: [n], unit: "万元", wanYuan: [n] });
const seedExpected: Record<string, Expected> = {
  "1-2次/年": v("count", { ...cmp("range", "-"), numbers: [1, 2], unit: "次/年" }),
  "15-20项/年": v("count", { ...cmp("range", "-"), numbers: [15, 20], unit: "项/年" }),
  "1-2个/年": v("count", { ...cmp("range", "-"), numbers: [1, 2], unit: "个/年" }),
  "常态化": grade,
  "3份/年": v("count", { numbers: [3], unit: "份/年" }),
  "2-4次/年": v("count", { ...cmp("range", "-"), numbers: [2, 4], unit: "次/年" }),
  "150-400件/年": v("count", { ...cmp("range", "-"), numbers: [150, 400], unit: "件/年" }),
  "打击和防范非法集资宣传印刷及宣传用品1万份/年,媒体宣传3次/年,LED广告车流动宣传6小时/天；政银企对接活动2次/年。": prose,
  "2000次/年": v("count", { numbers: [2000], unit: "次/年" }),
  "生态环境督查、宣传、治理": prose,
  "营商环境督查": prose,
  "按当年度实际帮扶管控人数，约400人": proseApprox,
  "禁毒宣传资料约10万份，禁毒宣传用品约10万份，禁毒宣传活动40余场次，禁毒短信、e信约10万条": proseApprox,
  "检测吸毒人员约3500人次，特殊车辆驾驶员约600人次": proseApprox,
  "先进奖励约40个，涉毒举报奖励按实际情况": proseApprox,
  "无毒创建。重点打造2个无毒乡镇、1个无毒村、1个无毒学校": prose,
  "按实际查处人数": proseApprox,
  "一季度一次，不定时抽检每季度约10次": proseApprox,
  "100%": pct(100),
  "≧90%": pct(90, cmp(">=", "≧")),
  "≧95%": pct(95, cmp(">=", "≧")),
  "≧99%": pct(99, cmp(">=", "≧")),
  "＝100%": pct(100, cmp("=", "＝")),
  "年度内及时完成": grade,
  "≤35万元": money("≤", 35),
  "≤18万元": money("≤", 18),
  "≤8万元": money("≤", 8),
  "≤15万元": money("≤", 15),
  "≤5万元": money("≤", 5),
  "≤10万元": money("≤", 10),
  "≤20万元": money("≤", 20),
  "≤25万元": money("≤", 25),
  "≧40万元": money("≧", 40),
  "≧25万元": money("≧", 25),
  "≧20万元": money("≧", 20),
  "≧7万元": money("≧", 7),
  "≧35万元": money("≧", 35),
  "≧8万元": money("≧", 8),
  "5万元/人": v("rate", { numbers: [5], unit: "万元/人" }),
  "零发生": grade,
  "部门协同、社会共治": grade,
};

/** Column 5 (指标值及单位) of every indicator row of the pipe export. */
function seedValues(): string[] {
  const rows = readFileSync(SEED, "utf8")
    .split("\n")
    .filter((line) => line.startsWith("|"))
    .map((line) => line.split("|").map((cell) => cell.trim()));
  const header = rows.findIndex((cells) => cells[2] === "一级指标");
  return rows.slice(header + 1).map((cells) => cells[5]!);
}

describe("parseValue: every 指标值 of the seed form", () => {
  const values = seedValues();

  it("reads all 61 indicator values", () => {
    expect(values).toHaveLength(61);
  });

  it.each([...new Set(values)])("%s", (raw) => {
    expect(seedExpected).toHaveProperty([raw]);
    expect(parseValue(raw)).toEqual({ raw, ...seedExpected[raw] });
  });

  it("sums the cost rows: ≤ rows 191 万元, ≧ rows 135 万元, and 5万元/人 is a rate", () => {
    const parsed = values.map(parseValue);
    const sum = (comparison: string) =>
      parsed.filter((p) => p.kind === "money" && p.comparison === comparison).reduce((s, p) => s + p.wanYuan![0]!, 0);
    expect(sum("<=")).toBe(191);
    expect(sum(">=")).toBe(135);
    expect(parsed.filter((p) => p.symbol === "≤")).toHaveLength(11);
    expect(parsed.filter((p) => p.kind === "money" && p.symbol === "≧")).toHaveLength(6);
    expect(parsed.filter((p) => p.kind === "rate").map((p) => p.raw)).toEqual(["5万元/人"]);
  });
});
