import { Form, type IndicatorRow } from "../../../src/model/form.js";
import { parsePeriod } from "../../../src/parse/extract/period.js";
import { valueWithColumns } from "./arbitrary-form.js";

const row = (tier1: string, tier2: string, tier3: string, raw: string, extra: Partial<IndicatorRow> = {}): IndicatorRow => ({
  tier1,
  tier2,
  tier3,
  ...extra,
  value: valueWithColumns(raw, extra.comparison, extra.unit),
});

/** A form with every field the model has: all optional header fields, both tables, every column, a placeholder row. */
export function sampleRichForm(): Form {
  return Form.parse({
    title: "2024年度项目支出预算绩效目标申报表",
    year: 2024,
    attachmentLabel: "附件3",
    fillingUnit: "某县教育局",
    amountUnit: "万元",
    project: {
      name: "农村义务教育薄弱学校改造项目",
      department: { name: "某县教育局", code: "077" },
      implementingUnit: "某县教育基建办",
      attribute: "延续项目",
      leader: "王某",
      phone: "0734-5221234",
      period: parsePeriod("2024.01-2024.12"),
    },
    funding: {
      total: 480.5,
      ownLevel: 480.5,
      upperLevel: { total: 300, central: 200, provincial: 80, county: 20 },
      fiscal: 450,
      other: 30.5,
      selfRaised: 10,
      carryOver: 5,
    },
    goals: {
      longTerm: "三年内完成全县薄弱学校改造。\n改善办学条件。",
      annual: "完成12所学校校舍维修改造。",
    },
    indicators: {
      longTerm: [row("产出指标", "数量指标", "改造学校数", "≥36所", { note: "三年合计" }), row("效益指标", "社会效益指标", "办学条件达标率", "100%")],
      annual: [
        row("产出指标", "数量指标", "校舍维修面积", "12000", { comparison: "≥", unit: "平方米", weight: 10, standard: "计划标准", direction: "正向指标", valueType: "定量" }),
        row("产出指标", "数量指标", "维修学校数", "12所", { weight: 10, valueType: "定量" }),
        row("产出指标", "质量指标", "验收合格率", "100%", { weight: 10, scoringRule: "每降低1个百分点扣1分" }),
        row("产出指标", "时效指标", "完成时间", "2024年12月31日前", { weight: 5 }),
        row("产出指标", "成本指标", "", ""),
        row("效益指标", "社会效益指标", "学生满意度提升", "有所提升", { note: "问卷调查" }),
        row("效益指标", "生态效益指标", "", ""),
        row("满意度指标", "服务对象满意度指标", "师生满意度", "≥90%", { weight: 10 }),
      ],
    },
    signatures: { filler: "李某", phone: "13800000000", head: "张某", date: "2024年1月10日" },
    otherFields: [
      { label: "项目概况", value: "全县12所农村学校校舍年久失修。" },
      { label: "立项依据", value: "《某省薄弱学校改造计划》" },
    ],
  });
}
