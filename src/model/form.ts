import { z } from "zod";
import { IndicatorValue } from "./value.js";
import { AMOUNT_UNITS } from "./terms.js";

const text = z.string();

/** 主管部门 / 预算部门, with its code when the form gives one (`[077]…`). */
export const Department = z.object({ name: text, code: text.optional() }).strict();

/** 项目实施期 as written, and as start/end (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`). */
export const Period = z
  .object({
    text: text.describe("as written: 2023年度, 2023.07-2024.01, 1年, 长期 …"),
    start: text.optional(),
    end: text.optional(),
  })
  .strict();

export const Project = z
  .object({
    name: text.optional().describe("项目名称 / 项目支出名称"),
    department: Department.optional().describe("主管部门 / 预算部门"),
    implementingUnit: text.optional().describe("实施单位"),
    attribute: text.optional().describe("项目属性 (新增/延续/滚动/新建 …)"),
    leader: text.optional().describe("项目负责人"),
    phone: text.optional().describe("项目负责人电话"),
    period: Period.optional().describe("项目实施期 / 项目期 / 起止时间"),
  })
  .strict();

/** 上级资金 split by government level. */
export const UpperLevelFunds = z
  .object({
    total: z.number().optional(),
    central: z.number().optional().describe("中央"),
    provincial: z.number().optional().describe("省级"),
    municipal: z.number().optional().describe("市级"),
    county: z.number().optional().describe("县级"),
  })
  .strict();

/** Amounts are in the form's `amountUnit`. */
export const Funding = z
  .object({
    total: z.number().optional().describe("资金总额 / 年度预算金额"),
    ownLevel: z.number().optional().describe("本级资金"),
    upperLevel: UpperLevelFunds.optional().describe("上级资金"),
    fiscal: z.number().optional().describe("财政拨款"),
    other: z.number().optional().describe("其他资金"),
    selfRaised: z.number().optional().describe("自有资金"),
    carryOver: z.number().optional().describe("上年结转"),
  })
  .strict();

export const Goals = z
  .object({
    longTerm: text.optional().describe("实施期 / 长期 / 总体 / 中期绩效目标"),
    annual: text.optional().describe("本年度 / 年度绩效目标"),
  })
  .strict();

/** One row of an indicator table. A row with a 二级 but no 三级 is a placeholder, not an indicator. */
export const IndicatorRow = z
  .object({
    tier1: text.describe("一级指标"),
    tier2: text.describe("二级指标"),
    tier3: text.describe("三级指标 / 指标内容"),
    value: IndicatorValue.describe("指标值"),
    standard: text.optional().describe("绩效标准 / 指标值说明 / 指标解释"),
    note: text.optional().describe("备注"),
    unit: text.optional().describe("度量单位 column"),
    comparison: text.optional().describe("指标性质 / 计算符号 column, as written"),
    weight: z.number().optional().describe("权重 / 分值"),
    direction: text.optional().describe("指标方向性"),
    valueType: text.optional().describe("指标值类型 (定量/定性)"),
    scoringRule: text.optional().describe("评(扣)分标准"),
  })
  .strict();

export const Indicators = z
  .object({
    annual: z.array(IndicatorRow).describe("本年度绩效指标"),
    longTerm: z.array(IndicatorRow).optional().describe("长期 / 实施期绩效指标"),
  })
  .strict();

export const Signatures = z
  .object({
    filler: text.optional().describe("填表人"),
    phone: text.optional().describe("联系电话"),
    head: text.optional().describe("单位负责人"),
    date: text.optional().describe("填报日期"),
  })
  .strict();

/** A header field the model has no place for (项目概况, 立项依据 …), kept so nothing is lost. */
export const OtherField = z.object({ label: text, value: text }).strict();

export const SourceFormat = z.enum(["txt", "docx", "doc", "xlsx", "xls", "pdf", "yaml"]);
export type SourceFormat = z.infer<typeof SourceFormat>;

export const Source = z
  .object({
    file: text.optional(),
    format: SourceFormat.optional(),
    layout: text.optional().describe("layout family (L1 … L10) and text layout, when known"),
    encoding: text.optional(),
    complete: z.boolean().optional().describe("false when perfgoal could read only part of the form (an excerpt cut short, cells that fit no column)"),
    problems: z.array(text).optional().describe("why the form was read only in part"),
  })
  .strict();

export const Form = z
  .object({
    title: text.optional(),
    year: z.number().int().optional(),
    attachmentLabel: text.optional().describe("附件2"),
    fillingUnit: text.optional().describe("填报单位"),
    // The default is what a YAML without the unit line is read with (the loader says so in a finding).
    amountUnit: z.enum(AMOUNT_UNITS).meta({ description: "单位：万元 / 元", default: AMOUNT_UNITS[0] }),
    project: Project,
    funding: Funding,
    goals: Goals,
    indicators: Indicators,
    signatures: Signatures.optional(),
    otherFields: z.array(OtherField).optional(),
    source: Source.optional(),
  })
  .strict()
  .meta({ title: "perfgoal form", description: "项目支出（预算）绩效目标申报表" });

export type Form = z.infer<typeof Form>;
export type IndicatorRow = z.infer<typeof IndicatorRow>;
export type Project = z.infer<typeof Project>;
export type Funding = z.infer<typeof Funding>;
export type Period = z.infer<typeof Period>;
export type Signatures = z.infer<typeof Signatures>;

// The helpers over a Form live in indicator-entries.ts: code that only reads forms need not load zod.
export { indicatorEntries, isPlaceholder } from "./indicator-entries.js";
