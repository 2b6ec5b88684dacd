/** Extractor behaviour over small hand-built documents ("^" = merged with the cell above, "<" = with the cell to the left). */
import { describe, expect, it } from "vitest";
import { PerfgoalError } from "../../../src/model/errors.js";
import { indicatorEntries, isPlaceholder } from "../../../src/model/form.js";
import { extractForms } from "../../../src/parse/extract/extract.js";
import { LEFT as L, UP as U, specToDocument, type BlockSpec } from "../../fixtures/grid-spec.js";

const both = [true, false] as const;
const extract = (blocks: BlockSpec[], mergesKnown = true) => extractForms(specToDocument(blocks, { mergesKnown }));
const one = (blocks: BlockSpec[], mergesKnown = true) => {
  const forms = extract(blocks, mergesKnown);
  expect(forms).toHaveLength(1);
  return forms[0]!;
};

const HEADER: BlockSpec = { table: [["项目名称", "测试项目"], ["预算部门", "测试局"]] };

describe("no indicator table", () => {
  it("is an error, even when the header fields are all there", () => {
    expect(() => extract([{ p: "2024年度项目支出绩效目标申报表" }, HEADER])).toThrowError(PerfgoalError);
    try {
      extract([HEADER]);
    } catch (e) {
      expect((e as PerfgoalError).code).toBe("PG-E-NO-TABLE");
    }
  });

  it("needs a value column, not just tier names", () => {
    const blocks: BlockSpec[] = [{ table: [["一级指标", "二级指标", "三级指标"], ["产出指标", "数量指标", "培训人数"]] }];
    expect(() => extract(blocks)).toThrowError(/no indicator table/);
  });

  it("is an error for an empty document", () => {
    expect(() => extract([])).toThrowError(PerfgoalError);
  });
});

describe.each(both)("indicator tables (merges known: %s)", (mergesKnown) => {
  it("reads side-by-side 长期 and 年度 column groups into two tables", () => {
    const { form } = one(
      [
        {
          table: [
            ["一级指标", "长期绩效指标", L, L, "年度绩效指标", L, L],
            [U, "二级指标", "三级指标", "指标值", "二级指标", "三级指标", "指标值"],
            ["产出指标", "数量指标", "建成书房", "20处", "数量指标", "新建书房", "5处"],
            ["产出指标", "", "", "", "质量指标", "验收合格率", "100%"],
            ["效益指标", "社会效益指标", "阅读率", "逐年提高", "社会效益指标", "接待读者", "≥20万人次"],
          ],
        },
      ],
      mergesKnown,
    );
    expect(form.indicators.longTerm?.map((r) => [r.tier1, r.tier2, r.tier3, r.value.raw])).toEqual([
      ["产出指标", "数量指标", "建成书房", "20处"],
      ["效益指标", "社会效益指标", "阅读率", "逐年提高"],
    ]);
    expect(form.indicators.annual.map((r) => [r.tier1, r.tier2, r.tier3, r.value.raw])).toEqual([
      ["产出指标", "数量指标", "新建书房", "5处"],
      ["产出指标", "质量指标", "验收合格率", "100%"],
      ["效益指标", "社会效益指标", "接待读者", "≥20万人次"],
    ]);
  });

  it("leaves out an empty 长期 half (one 一级 repeated on every row)", () => {
    const { form } = one(
      [
        {
          table: [
            ["一级指标", "二级指标(长期)", "三级指标(长期)", "指标值(长期)", "二级指标(年度)", "三级指标(年度)", "指标值(年度)"],
            ["产出指标", "", "", "", "数量指标", "新建书房", "5处"],
            ["产出指标", "", "", "", "时效指标", "完成时间", "2023年底前"],
          ],
        },
      ],
      mergesKnown,
    );
    expect(form.indicators.longTerm).toBeUndefined();
    expect(form.indicators.annual).toHaveLength(2);
  });

  it("puts a table after a 长期绩效指标 paragraph into the long-term indicators", () => {
    const table = (name: string) => [
      ["一级指标", "二级指标", "指标内容", "指标值"],
      ["产出指标", "数量指标", name, "1个"],
    ];
    const { form } = one([{ p: "长期绩效指标" }, { table: table("甲") }, { p: "年度绩效指标" }, { table: table("乙") }], mergesKnown);
    expect(form.indicators.longTerm?.map((r) => r.tier3)).toEqual(["甲"]);
    expect(form.indicators.annual.map((r) => r.tier3)).toEqual(["乙"]);
    expect(form.source?.layout).toBe("L2");
  });

  it("switches table at a new block label in the left column without a new header", () => {
    const { form } = one(
      [
        {
          table: [
            ["长期绩效指标", "一级指标", "二级指标", "指标内容", "指标值"],
            [U, "产出指标", "数量指标", "甲", "1个"],
            ["年度绩效指标", "产出指标", "数量指标", "乙", "2个"],
            [U, U, U, "丙", "3个"],
          ],
        },
      ],
      mergesKnown,
    );
    expect(form.indicators.longTerm?.map((r) => r.tier3)).toEqual(["甲"]);
    expect(form.indicators.annual.map((r) => [r.tier2, r.tier3])).toEqual([
      ["数量指标", "乙"],
      ["数量指标", "丙"],
    ]);
  });

  it("goes on with the same block after a repeated header (a table broken over pages)", () => {
    const header = ["一级指标", "二级指标", "指标内容", "指标值"];
    const { form } = one(
      [
        { p: "长期绩效指标" },
        { table: [header, ["产出指标", "数量指标", "甲", "1个"]] },
        { table: [header, ["", "", "乙", "2个"], ["", "质量指标", "丙", "100%"]] },
      ],
      mergesKnown,
    );
    expect(form.indicators.annual).toHaveLength(0);
    expect(form.indicators.longTerm?.map((r) => [r.tier1, r.tier2, r.tier3])).toEqual([
      ["产出指标", "数量指标", "甲"],
      ["产出指标", "数量指标", "乙"],
      ["产出指标", "质量指标", "丙"],
    ]);
  });

  it("skips a 绩效指标 block-label column that looks like a 三级 header", () => {
    const { form } = one(
      [
        {
          table: [
            ["绩效指标", "一级指标", "二级指标", "三级指标", "指标值"],
            [U, "产出指标", "数量指标", "培训人数", "≥200人"],
            [U, U, U, "培训场次", "4场"],
          ],
        },
      ],
      mergesKnown,
    );
    expect(form.indicators.annual.map((r) => [r.tier1, r.tier2, r.tier3])).toEqual([
      ["产出指标", "数量指标", "培训人数"],
      ["产出指标", "数量指标", "培训场次"],
    ]);
  });

  it("reads both value columns of a 年度目标值 / 实施周期目标值 table", () => {
    const { form } = one(
      [
        {
          table: [
            ["一级指标", "二级指标", "三级指标", "年度目标值", "实施周期目标值"],
            ["产出指标", "数量指标", "建设公里数", "10公里", "30公里"],
          ],
        },
      ],
      mergesKnown,
    );
    expect(form.indicators.annual.map((r) => r.value.raw)).toEqual(["10公里"]);
    expect(form.indicators.longTerm?.map((r) => r.value.raw)).toEqual(["30公里"]);
  });

  it("ends the block at a review row, and keeps its text as an other field", () => {
    const { form } = one(
      [
        {
          table: [
            ["一级指标", "二级指标", "三级指标", "指标值"],
            ["产出指标", "数量指标", "培训人数", "200人"],
            ["主管部门审核意见", "同意", L, L],
          ],
        },
      ],
      mergesKnown,
    );
    expect(form.indicators.annual).toHaveLength(1);
    expect(form.otherFields).toEqual([{ label: "主管部门审核意见", value: "同意" }]);
  });

  it("ends the block at a footnote row", () => {
    const { form } = one(
      [
        {
          table: [
            ["一级指标", "二级指标", "三级指标", "指标值"],
            ["产出指标", "数量指标", "培训人数", "200人"],
            ["注：其中三颗星为必填的核心绩效指标。", L, L, L],
          ],
        },
      ],
      mergesKnown,
    );
    expect(form.indicators.annual).toHaveLength(1);
  });

  it("keeps placeholder rows as rows but not as indicators", () => {
    const { form } = one(
      [
        {
          table: [
            ["一级指标", "二级指标", "三级指标", "指标值"],
            ["产出指标", "数量指标", "培训人数", "200人"],
            ["效益指标", "经济效益指标", "", ""],
            [U, "生态效益指标", "", ""],
            [U, "社会效益指标", "群众知晓率", "≥90%"],
          ],
        },
      ],
      mergesKnown,
    );
    expect(form.indicators.annual).toHaveLength(4);
    expect(form.indicators.annual.filter(isPlaceholder).map((r) => r.tier2)).toEqual(["经济效益指标", "生态效益指标"]);
    expect(indicatorEntries(form)).toHaveLength(2);
    expect(form.indicators.annual[3]!.tier1).toBe("效益指标");
  });

  it("never carries 产出指标 into 效益 or 满意度 rows whose 一级 is lost", () => {
    const { form } = one(
      [
        {
          table: [
            ["一级指标", "二级指标", "三级指标", "指标值"],
            ["产出指标", "成本指标", "经费", "≤5万元"],
            ["", "社会效益指标", "知晓率", "≥90%"],
            ["", "服务对象满意度指标", "满意度", "≥90%"],
            ["", "", "居民满意率", "≥85%"],
          ],
        },
      ],
      mergesKnown,
    );
    expect(form.indicators.annual.map((r) => [r.tier1, r.tier2])).toEqual([
      ["产出指标", "成本指标"],
      ["效益指标", "社会效益指标"],
      ["满意度指标", "服务对象满意度指标"],
      ["满意度指标", "服务对象满意度指标"],
    ]);
  });

  it("builds the parsed value from 指标性质 and 度量单位 columns, keeping the value cell as raw", () => {
    const { form } = one(
      [
        {
          table: [
            ["一级指标", "二级指标", "三级指标", "指标性质", "指标值", "度量单位", "权重"],
            ["产出指标", "数量指标", "培训人数", "≥", "200", "人", "20"],
            ["产出指标", "质量指标", "合格率", "≥", "≥95%", "%", "10分"],
            ["产出指标", "时效指标", "完成时间", "定性", "2023年底前", "-", ""],
          ],
        },
      ],
      mergesKnown,
    );
    const [people, rate, time] = form.indicators.annual;
    expect(people).toMatchObject({ comparison: "≥", unit: "人", weight: 20, value: { raw: "200", comparison: ">=", numbers: [200], unit: "人" } });
    expect(rate).toMatchObject({ weight: 10, value: { raw: "≥95%", comparison: ">=", numbers: [95], unit: "%" } });
    expect(time!.unit).toBeUndefined();
    expect(time!.value.raw).toBe("2023年底前");
    expect(time!.value.comparison).toBeUndefined();
  });
});

describe("header fields", () => {
  const INDICATORS: BlockSpec = { table: [["一级指标", "二级指标", "三级指标", "指标值"], ["产出指标", "数量指标", "培训人数", "200人"]] };

  it("takes a value from the next row when a text export split the row after the label", () => {
    const { form } = one([{ table: [["项目名称", "测试项目", "项目支出实施期"], ["2023年度", "", ""], ["预算部门", "测试局", ""]] }, INDICATORS], false);
    expect(form.project.period).toEqual({ text: "2023年度", start: "2023-01", end: "2023-12" });
    expect(form.project.department).toEqual({ name: "测试局" });
  });

  it("does not take a label as a value: an empty value stays empty", () => {
    const { form } = one([{ table: [["项目负责人", "", "联系电话", "0734-1234567"], ["项目名称", "测试项目", "", ""]] }, INDICATORS]);
    expect(form.project.leader).toBeUndefined();
    expect(form.project.phone).toBe("0734-1234567");
    expect(form.project.name).toBe("测试项目");
  });

  it("reads 开始日期 / 结束日期 as the period, and the amount unit in brackets", () => {
    const { form } = one([{ p: "（单位：元）" }, { table: [["开始日期", "2023-01-01", "结束日期", "2023-12-31"], ["资金总额", "1,250,000.00", "", ""]] }, INDICATORS]);
    expect(form.project.period).toEqual({ text: "2023-01-01至2023-12-31", start: "2023-01-01", end: "2023-12-31" });
    expect(form.amountUnit).toBe("元");
    expect(form.funding.total).toBe(1250000);
  });

  it("takes the year from the title, else from a year line, else from a one-year period", () => {
    expect(one([{ p: "2024年度项目支出绩效目标申报表" }, INDICATORS]).form.year).toBe(2024);
    expect(one([{ p: "项目支出绩效目标表" }, { p: "（2022年度）" }, INDICATORS]).form.year).toBe(2022);
    expect(one([{ table: [["项目期", "2021年"]] }, INDICATORS]).form.year).toBe(2021);
    expect(one([{ table: [["项目期", "2021.07-2022.06"]] }, INDICATORS]).form.year).toBeUndefined();
  });

  it("takes the amount unit from a label's brackets when no unit line is given", () => {
    const { form } = one([{ table: [["资金情况（元）", "年度资金总额", "5000"]] }, INDICATORS]);
    expect(form.amountUnit).toBe("元");
    expect(form.funding.total).toBe(5000);
  });

  it("keeps a non-numeric amount as an other field instead of losing it", () => {
    const { form } = one([{ table: [["资金总额", "详见附表"]] }, INDICATORS]);
    expect(form.funding.total).toBeUndefined();
    expect(form.otherFields).toEqual([{ label: "资金总额", value: "详见附表" }]);
  });

  it("gives the phone after 填表人 to the signature, not to the project", () => {
    const { form } = one([INDICATORS, { p: "填表人：张三    联系电话：13800001111    单位负责人签字：李四    填报日期：2023年2月1日" }]);
    expect(form.signatures).toEqual({ filler: "张三", phone: "13800001111", head: "李四", date: "2023年2月1日" });
    expect(form.project.phone).toBeUndefined();
  });

  it("maps header paths to the cells they came from", () => {
    const [{ sourceMap }] = extract([HEADER, INDICATORS]) as [ReturnType<typeof one>];
    expect(sourceMap.get("project.name")).toEqual({ kind: "cell", table: 1, row: 1, col: 2 });
    expect(sourceMap.get("project.department")).toEqual({ kind: "cell", table: 1, row: 2, col: 2 });
    expect(sourceMap.get("indicators.annual[0]")).toEqual({ kind: "cell", table: 2, row: 2, col: 3 });
    expect(sourceMap.get("indicators.annual[0].value")).toEqual({ kind: "cell", table: 2, row: 2, col: 4 });
  });
});

describe("several forms in one document", () => {
  it("starts a new form at a title after an indicator table", () => {
    const form = (name: string): BlockSpec[] => [
      { p: "2023年度项目支出绩效目标申报表" },
      { table: [["项目名称", name]] },
      { table: [["一级指标", "二级指标", "三级指标", "指标值"], ["产出指标", "数量指标", "培训人数", "200人"]] },
    ];
    const forms = extract([...form("甲项目"), ...form("乙项目")]);
    expect(forms.map((f) => f.form.project.name)).toEqual(["甲项目", "乙项目"]);
  });

  it.each(both)("splits a flat export by project and department (merges known: %s)", (mergesKnown) => {
    const head = ["单位名称", "项目名称", "预算数", "一级指标", "二级指标", "三级指标", "指标值"];
    const forms = extract(
      [
        {
          table: [
            head,
            ["001-甲局", "", "300", "", "", "", ""],
            [U, "项目一", "100", "产出指标", "数量指标", "人数", "10人"],
            [U, U, U, "效益指标", "社会效益指标", "知晓率", "90%"],
            [U, "项目二", "200", "产出指标", "数量指标", "次数", "2次"],
            ["002-乙局", "", "50", "", "", "", ""],
            [U, "项目一", "50", "满意度指标", "服务对象满意度指标", "满意度", "≥90%"],
          ],
        },
      ],
      mergesKnown,
    );
    expect(forms.map(({ form: f }) => [f.project.department?.code, f.project.name, f.funding.total, f.indicators.annual.length])).toEqual([
      ["001", "项目一", 100, 2],
      ["001", "项目二", 200, 1],
      ["002", "项目一", 50, 1],
    ]);
    expect(forms[0]!.form.amountUnit).toBe("元");
  });
});
