/**
 * The Chinese domain vocabulary, each term named once with its English identifier.
 * Everything else in perfgoal refers to these constants instead of repeating the characters.
 */

/** 一级指标 (tier-1 indicator categories). */
export const TIER1 = {
  output: "产出指标",
  benefit: "效益指标",
  satisfaction: "满意度指标",
  /** Era B (财预〔2021〕101号) makes cost its own tier 1. */
  cost: "成本指标",
} as const;
export type Tier1Key = keyof typeof TIER1;

/** 二级指标 (tier-2 indicator categories). */
export const TIER2 = {
  quantity: "数量指标",
  quality: "质量指标",
  timeliness: "时效指标",
  cost: "成本指标",
  economicBenefit: "经济效益指标",
  socialBenefit: "社会效益指标",
  ecologicalBenefit: "生态效益指标",
  environmentalBenefit: "环境效益指标",
  sustainableImpact: "可持续影响指标",
  beneficiarySatisfaction: "服务对象满意度指标",
  publicSatisfaction: "社会公众或服务对象满意度指标",
  economicCost: "经济成本指标",
  socialCost: "社会成本指标",
  ecologicalCost: "生态环境成本指标",
} as const;
export type Tier2Key = keyof typeof TIER2;

/** Indicator-table column headers (canonical column → header names seen in real forms). */
export const COLUMN_HEADERS = {
  tier1: ["一级指标", "一级", "指标"],
  tier2: ["二级指标", "二级"],
  tier3: ["三级指标", "三级", "指标内容", "绩效指标"],
  value: ["指标值及单位", "指标值", "目标值", "指标目标值", "年度指标值", "当年预期实现值", "年度目标值", "指标值(包含数字及文字描述)"],
  comparison: ["指标性质", "计算符号"],
  unit: ["度量单位", "计量单位", "单位"],
  standard: ["绩效标准", "指标值说明", "指标解释"],
  note: ["备注"],
  weight: ["权重", "分值"],
  direction: ["指标方向性"],
  valueType: ["指标值类型"],
  scoringRule: ["评(扣分标准)", "评(扣)分标准", "评分细则", "评分标准"],
} as const;
export type ColumnKey = keyof typeof COLUMN_HEADERS;

/** Header-field labels (model field → label synonyms), as printed on forms. */
export const FIELD_LABELS = {
  projectName: ["项目支出名称", "项目名称", "项目(专项)名称", "资金名称", "二级项目名称"],
  department: ["预算部门", "主管部门及代码", "主管部门", "业务主管部门", "预算单位", "申报单位", "中央主管部门", "项目主管部门"],
  departmentCode: ["主管部门编码", "部门预算编码"],
  implementingUnit: ["实施单位", "项目实施单位", "项目(实施)单位", "项目执行单位", "具体实施单位", "项目单位"],
  attribute: ["项目属性", "项目类型", "项目分类", "项目类别", "项目性质", "项目来源"],
  leader: ["项目负责人", "项目负责人及电话"],
  phone: ["联系电话"],
  period: ["项目支出实施期", "实施期", "项目期", "项目起止时间", "起止时间", "建设周期", "实施周期", "项目期限"],
  startDate: ["开始日期", "起始日期", "开始时间"],
  endDate: ["结束日期", "完成日期", "结束时间"],
  total: ["年度本级预算金额", "年度资金总额", "资金总额", "项目资金总额", "年度金额", "年度预算资金总额", "预算数", "当年年度预算", "项目当年预算"],
  upperLevel: ["该项目支出上级资金(分级填报)", "该项目支出上级资金", "上级资金", "其中:上级资金", "上级财政资金"],
  fiscal: ["财政拨款", "其中:财政拨款", "其中财政资金"],
  other: ["其他资金", "其中其它资金", "其他"],
  selfRaised: ["自有资金"],
  carryOver: ["上年结转"],
  longTermGoal: ["实施期绩效目标", "长期目标", "总体目标", "中期目标", "实施周期目标", "项目总体目标", "中期绩效目标"],
  annualGoal: ["本年度绩效目标", "年度目标", "年度绩效目标", "当年绩效目标", "年度主要目标和成果", "项目年度目标", "年度总体目标"],
  filler: ["填表人", "填报人"],
  head: ["单位负责人签字", "单位负责人"],
  fillDate: ["填报日期"],
  fillingUnit: ["填报单位(盖章)", "填报单位", "绩效编制单位"],
} as const;
export type FieldKey = keyof typeof FIELD_LABELS;

/** Levels of 上级资金 (upper-level funds split by government level). */
export const FUNDING_LEVELS = {
  central: "中央",
  provincial: "省级",
  municipal: "市级",
  county: "县级",
} as const;
export type FundingLevel = keyof typeof FUNDING_LEVELS;

/** Block labels that open an indicator table. */
export const INDICATOR_BLOCK_LABELS = {
  annual: ["本年度绩效指标", "年度绩效指标", "绩效指标", "年度绩效目标", "项目年度绩效目标衡量指标"],
  longTerm: ["长期绩效指标", "实施期绩效指标", "中期绩效指标"],
} as const;

/** Amount units printed after 单位： on the form. */
export const AMOUNT_UNITS = ["万元", "元"] as const;
export type AmountUnit = (typeof AMOUNT_UNITS)[number];

/** Advisory review grades (审核结果 优/良/中/差), best first. */
export const GRADES = {
  excellent: "优",
  good: "良",
  fair: "中",
  poor: "差",
} as const;
export type GradeKey = keyof typeof GRADES;
export type Grade = (typeof GRADES)[GradeKey];

/** The attachment label and title words. */
export const FORM_WORDS = {
  attachment: "附件",
  titleKeyword: "绩效目标",
  unitLine: "单位",
} as const;

/** 绩效标准 types a 绩效标准 cell should name. */
export const STANDARD_TYPES = {
  historical: "历史标准",
  industry: "行业标准",
  plan: "计划标准",
  other: "其他标准",
} as const;
