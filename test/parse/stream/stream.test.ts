import { describe, expect, it } from "vitest";
import { PerfgoalError } from "../../../src/model/errors.js";
import { indicatorEntries } from "../../../src/model/form.js";
import { parseBuffer } from "../../../src/parse/index.js";
import { placeRows } from "../../../src/parse/stream/place.js";
import { findOutlineTemplate, findTemplate } from "../../../src/parse/stream/template.js";
import { joinBrokenLabels, softSplit as split3, SplitBudget, splitFused, type Token } from "../../../src/parse/stream/tokens.js";

const softSplit = (t: Token, mode: "vocabulary" | "header" | "data", slots?: number) => split3(t, mode, new SplitBudget(), slots);
import { classify, isFusedHeader, tierLevel } from "../../../src/parse/stream/vocabulary.js";

const tok = (text: string, extra: Partial<Token> = {}): Token => ({ text, line: 1, col: 1, rowStart: false, rowEnd: false, indent: 0, alone: true, soft: false, ...extra });
const texts = (ts: Token[]) => ts.map((t) => t.text);

describe("vocabulary", () => {
  it("knows tier labels, decorated and regional ones included, and which are both 一级 and 二级", () => {
    expect(tierLevel("产出指标")).toBe(1);
    expect(tierLevel("项目完成指标")).toBe(1);
    expect(tierLevel("成本指标(0-20)分")).toBe(1.5);
    expect(tierLevel("满意度指标")).toBe(1.5);
    expect(tierLevel("数量指标(必填硬性指标)")).toBe(2);
    expect(tierLevel("产出数量指标")).toBe(2);
    expect(tierLevel("产出 指标")).toBe(1);
    expect(tierLevel("服务对象满意度指标")).toBe(2);
    expect(tierLevel("一、产出指标")).toBe(1);
    expect(tierLevel("(二)质量指标")).toBe(2);
  });

  it("is no tier label: column headers, two labels run together, sentences", () => {
    for (const t of ["一级指标", "三级指标", "绩效指标", "产出指标数量指标", "农村义务教育学校改造覆盖率100%", "指标"]) expect(tierLevel(t), t).toBeUndefined();
  });

  it("classifies headers, block labels and what ends a table", () => {
    expect(classify("指标值(长期)")).toMatchObject({ kind: "header", hit: { key: "value", period: "longTerm" } });
    expect(classify("本年度 绩效指标")).toEqual({ kind: "block", period: "annual" });
    for (const t of ["财政部门审核意见", "区扶贫办初审意见", "注:各地请根据实际情况", "填表人: 宋云花", "扫一扫在手机打开当前页", "附件:", "[... excerpt truncated here ...]"]) {
      expect(classify(t).kind, t).toBe("end");
    }
    expect(classify("雾炮车风炮射程").kind).toBe("content");
  });

  it("sees column headers fused into one token", () => {
    expect(isFusedHeader("绩效指标一级指标二级指标指标内容指标值")).toBe(true);
    expect(isFusedHeader("一级指标")).toBe(false);
    expect(isFusedHeader("指标值(包含数字及文字描述)")).toBe(false);
  });
});

describe("tokens", () => {
  it("splits a row line at soft spaces where the vocabulary puts cells, brackets kept whole", () => {
    const row = tok("产出指标 数量指标 贫困地区旅游景点开发数量( ≥**个 ) >=4个", { soft: true });
    expect(texts(softSplit(row, "vocabulary"))).toEqual(["产出指标", "数量指标", "贫困地区旅游景点开发数量( ≥**个 ) >=4个"]);
    expect(texts(softSplit(tok("贫困地区旅游景点开发数量( ≥**个 ) >=4个", { soft: true }), "data", 3))).toEqual(["贫困地区旅游景点开发数量( ≥**个 )", ">=4个"]);
  });

  it("in a data row takes the last clear value as the 指标值, and gives the other cells their columns", () => {
    const split = (text: string, slots: number) => texts(softSplit(tok(text, { soft: true }), "data", slots));
    expect(split("服务周期内 空气质量 ≥ 90% 计划标准", 3)).toEqual(["服务周期内 空气质量", "≥90%", "计划标准"]);
    expect(split("服务周期内空气质量 优良 计划标准", 3)).toEqual(["服务周期内空气质量", "优良", "计划标准"]);
    expect(split("成本控制 严格按照预算标准1000元/人给补助对象兑付补助", 2)).toEqual(["成本控制", "严格按照预算标准1000元/人给补助对象兑付补助"]);
    expect(split("年度资金 2279.048 万元", 2)).toEqual(["年度资金", "2279.048万元"]);
  });

  it("joins labels a rendering broke over cells or lines", () => {
    expect(texts(joinBrokenLabels([tok("经济效益"), tok("指标"), tok("年增粮食")]))).toEqual(["经济效益指标", "年增粮食"]);
    expect(texts(joinBrokenLabels([tok("主管部门"), tok("及编码"), tok("[015001]某局")]))).toEqual(["主管部门及编码", "[015001]某局"]);
    expect(texts(joinBrokenLabels([tok("总体"), tok("目标")]))).toEqual(["总体目标"]);
    // Already whole: nothing to join.
    expect(texts(joinBrokenLabels([tok("数量指标"), tok("指标")]))).toEqual(["数量指标", "指标"]);
  });

  it("splits header labels fused with their values, but leaves `label：value` to the header scan", () => {
    expect(texts(splitFused(tok("项目主管部门青山区教育局项目执行单位化工区学校")))).toEqual(["项目主管部门", "青山区教育局", "项目执行单位", "化工区学校"]);
    expect(texts(splitFused(tok("填报单位：（盖章）衡东县政府办")))).toEqual(["填报单位：（盖章）衡东县政府办"]);
    expect(texts(splitFused(tok("雾炮车降尘抑尘服务")))).toEqual(["雾炮车降尘抑尘服务"]);
  });
});

describe("template and placement", () => {
  const header = ["一级指标", "二级指标", "三级指标", "指标值", "绩效标准"].map((t) => tok(t));

  it("finds the column template wherever its cells are, and places tokens by what they are", () => {
    const data = ["产出指标", "数量指标", "服务车辆数", "10辆", "计划标准", "射程", "≥80M", "计划标准", "质量指标", "空气质量", "优良", "计划标准", "效益指标", "社会效益指标", "满意程度", "≥85%"].map((t) => tok(t));
    const tokens = [tok("项目名称"), tok("某项目"), ...header, ...data];
    const t = findTemplate(tokens)!;
    expect(t.columns.map((c) => c.role)).toEqual(["tier1", "tier2", "content", "content", "content"]);
    expect(t.start).toBe(2);
    const rows = placeRows(t, tokens.slice(t.end)).rows.map((r) => r.map((x) => x?.text ?? ""));
    expect(rows).toEqual([
      ["产出指标", "数量指标", "服务车辆数", "10辆", "计划标准"],
      ["", "", "射程", "≥80M", "计划标准"],
      ["", "质量指标", "空气质量", "优良", "计划标准"],
      ["效益指标", "社会效益指标", "满意程度", "≥85%", ""],
    ]);
  });

  it("a 一级 or 二级 label that finds its column taken starts the next row; empty cells hold their column", () => {
    const t = findTemplate(header)!;
    const rows = placeRows(t, ["产出指标", "", "a", "1个", "", "数量指标", "b", "2个"].map((x) => tok(x))).rows.map((r) => r.map((x) => x?.text ?? ""));
    expect(rows).toEqual([
      ["产出指标", "", "a", "1个", ""],
      ["", "数量指标", "b", "2个", ""],
    ]);
  });

  it("成本指标 is a 一级 when a cost 二级 follows, else a 二级", () => {
    const t = findTemplate(header)!;
    const place = (xs: string[]) => placeRows(t, xs.map((x) => tok(x))).rows.map((r) => r.map((x) => x?.text ?? ""))[0];
    expect(place(["成本指标", "经济成本指标", "建设成本", "≤65万元"])).toEqual(["成本指标", "经济成本指标", "建设成本", "≤65万元", ""]);
    expect(place(["成本指标", "控制在预算成本内", "250万"])).toEqual(["", "成本指标", "控制在预算成本内", "250万", ""]);
  });

  it("side-by-side 长期|年度 halves: a 二级 label goes to the next 二级 column", () => {
    const halves = ["一级指标", "二级指标(长期)", "三级指标(长期)", "指标值(长期)", "二级指标(年度)", "三级指标(年度)", "指标值(年度)"].map((x) => tok(x));
    const t = findTemplate(halves)!;
    expect(t.columns.map((c) => c.period ?? "")).toEqual(["", "longTerm", "longTerm", "longTerm", "annual", "annual", "annual"]);
    const rows = placeRows(t, ["产出指标", "数量指标", "数量指标", "工程数量", "2"].map((x) => tok(x))).rows.map((r) => r.map((x) => x?.text ?? ""));
    expect(rows).toEqual([["产出指标", "数量指标", "", "", "数量指标", "工程数量", "2"]]);
  });

  it("an outline has no header row: a 指标值 header with tier labels under it", () => {
    const tokens = ["项目", "指标值", "绩效金额", "某中心", "某项目", "300", "产出指标", "数量指标", "疫苗使用率", "100%"].map((x) => tok(x));
    expect(findTemplate(tokens)).toBeUndefined();
    expect(findOutlineTemplate(tokens)).toMatchObject({ implicit: true, start: 1, end: 2 });
  });
});

describe("what a text gives: complete, partial, or no table with its reason", () => {
  const form = (rows: string[]) =>
    ["项目名称 |", "测试项目 |", "|||", "一级指标 |", "二级指标 |", "三级指标 |", "指标值 |", "||", ...rows].join("\n");

  it("complete: a table whose rows all fit", async () => {
    const r = await parseBuffer(Buffer.from(form(["产出指标 |", "数量指标 |", "培训人数 |", "≥100人 |", "|||"])), "a.txt");
    expect(r.forms[0]!.form.source?.complete).toBeUndefined();
    expect(indicatorEntries(r.forms[0]!.form)).toHaveLength(1);
  });

  it("partial: a text cut short says so in the model, with the line", async () => {
    const r = await parseBuffer(Buffer.from(form(["产出指标 |", "数量指标 |", "培训人数 |", "≥100人 |", "|||", "[... excerpt truncated here ...]"])), "a.txt");
    expect(r.forms[0]!.form.source).toMatchObject({ complete: false, problems: [expect.stringContaining("第14行中断")] });
  });

  it("partial: cells that fit no column of a flat export are reported, not dropped silently", async () => {
    const text = [
      "| 单位名称 | 项目名称 | 一级指标 | 二级指标 | 三级指标 | 指标值 |",
      "| 某局 | 甲项目 | 产出指标 | 数量指标 | 培训人数 | ≥100人 |",
      "| 多出 | 某局 | 乙项目 | 产出指标 | 质量指标 | 合格率 | 100% |",
    ].join("\n");
    const r = await parseBuffer(Buffer.from(text), "a.txt");
    expect(r.forms.flatMap((f) => f.form.source?.problems ?? [])).toEqual(expect.arrayContaining([expect.stringContaining("无法对应到指标表的列")]));
  });

  it("partial: a cell left out unmarked shifts a row, and a 三级 cell holding a bare target says so", async () => {
    const cells = ["一级指标", "二级指标", "三级指标", "指标值", "绩效标准", "产出指标", "数量指标", "培训人数", "≥100人", "计划标准", "培训天数", "≥3天", "培训场次", "≥5场", "计划标准"];
    const r = await parseBuffer(Buffer.from(cells.join("\n\n")), "a.txt");
    expect(r.forms[0]!.form.source).toMatchObject({ complete: false, problems: [expect.stringContaining("可能错位")] });
  });

  it("a bare budget takes its unit from the 成本 value that names the same amount", async () => {
    const text = ["项目名称 |", "测试项目 |", "|||", "年度资金总额: |", "8000 |", "|||", "一级指标 |", "二级指标 |", "三级指标 |", "指标值 |", "||", "产出指标 |", "成本指标 |", "项目金额 |", "8000元 |", "|||"].join("\n");
    const form = (await parseBuffer(Buffer.from(text), "a.txt")).forms[0]!.form;
    expect([form.funding.total, form.amountUnit]).toEqual([8000, "元"]);
  });

  it("no table: prose with tier names, refused with the reason and the header fields found", async () => {
    const text = ["项目名称：乡村道路硬化项目", "主管部门：某镇人民政府", "一、产出指标", "数量指标：硬化道路10公里；质量指标：验收合格率100%。"].join("\n");
    const e = await parseBuffer(Buffer.from(text), "prose.txt").catch((x: unknown) => x);
    expect(e).toBeInstanceOf(PerfgoalError);
    const err = e as PerfgoalError;
    expect(err.code).toBe("PG-E-NO-TABLE");
    expect(err.detail).toContain("像是叙述文字");
    expect(err.found).toMatchObject({ projectName: "乡村道路硬化项目", department: "某镇人民政府" });
    expect(err.describe("en")).not.toMatch(/\p{Script=Han}/u);
  });

  it("no table: cells fused so that rows cannot be split without guessing", async () => {
    const text = ["项目名称农村学校改造补助资金", "绩效指标一级指标二级指标指标内容指标值", "产出指标数量指标学校改造覆盖率100%"].join("\n");
    const err = (await parseBuffer(Buffer.from(text), "fused.txt").catch((x: unknown) => x)) as PerfgoalError;
    expect(err.code).toBe("PG-E-NO-TABLE");
    expect(err.detail).toContain("粘连");
    expect(err.found?.projectName).toBe("农村学校改造补助资金");
  });
});
