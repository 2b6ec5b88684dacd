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
  tier3: ["三级指标", "三级", "指标内容", "绩效指标", "三级指标名称", "指标名称"],
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
  department: ["预算部门", "主管部门及代码", "主管部门及编码", "主管部门", "业务主管部门", "预算单位", "申报单位", "区县主管部门", "县级主管部门", "省级主管部门", "中央主管部门", "项目主管部门", "单位名称", "部门名称", "部门(单位)名称", "部门"],
  departmentCode: ["主管部门编码", "部门预算编码", "单位代码", "部门编码"],
  implementingUnit: ["实施单位", "项目实施单位", "项目(实施)单位", "项目执行单位", "具体实施单位", "项目单位"],
  attribute: ["项目属性", "项目类型", "项目分类", "项目类别", "项目性质", "项目来源"],
  leader: ["项目负责人", "项目负责人及电话"],
  phone: ["联系电话"],
  period: ["项目支出实施期", "实施期", "项目期", "项目起止时间", "起止时间", "建设周期", "实施周期", "项目期限"],
  startDate: ["开始日期", "起始日期", "开始时间"],
  endDate: ["结束日期", "完成日期", "结束时间"],
  total: ["年度本级预算金额", "年度资金总额", "资金总额", "项目资金总额", "年度金额", "年度预算资金总额", "预算数", "当年年度预算", "项目当年预算", "当年资金总额"],
  /** 年度本级预算金额 is both the total and the own-level amount (L1). */
  ownLevel: ["年度本级预算金额", "本级财政", "本级资金", "本级财政资金", "同级财政资金", "地方资金", "区级资金"],
  upperLevel: ["该项目支出上级资金(分级填报)", "该项目支出上级资金", "上级资金", "其中:上级资金", "上级财政资金", "上级财政补助资金"],
  fiscal: ["财政拨款", "其中:财政拨款", "其中财政资金", "财政拨款小计", "当年财政拨款"],
  other: ["其他资金", "其中其它资金", "其他", "其他收入", "当年其他资金"],
  selfRaised: ["自有资金", "自有资金小计"],
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

/**
 * How a 指标值 is written: comparison words, approximations, yes/no, units and date words
 * (`/work/shared/domain/value-notations.md` lists where each was seen). Longest word first where
 * one word is the start of another, because the value parser takes the first match.
 */
export const VALUE_WORDS = {
  /** Comparison words written before the number. */
  prefixComparison: {
    ">=": ["大于或等于", "大于等于", "不低于", "不少于", "不小于", "至少", "达到"],
    "<=": ["小于或等于", "小于等于", "不高于", "不超过", "不大于", "不多于", "控制在", "不超", "最多"],
    "=": ["等于"],
    ">": ["大于", "高于", "多于", "超过"],
    "<": ["小于", "低于", "少于"],
  },
  /** Comparison words written after the number and unit (`95%以上`, `35万元以内`). */
  suffixComparison: {
    ">=": ["及以上", "以上"],
    "<=": ["及以下", "以下", "以内", "内"],
  },
  /** Approximation written before the number (`约400人`). */
  approximatePrefix: ["大约", "约为", "约", "近"],
  /** Approximation written right after the number (`40余场次`, `40多个`). */
  approximateAfterNumber: ["余", "多"],
  /** Approximation written at the end (`90%左右`). */
  approximateSuffix: ["左右", "上下"],
  /** Phrases that defer the target to the actual outcome (按实际…, 以实际…为准). */
  actualOutcome: ["按实际", "以实际", "根据实际", "据实"],
  /** `各 1 次`: the same target for each item. */
  distributive: "各",
  /** OCR reads `=` as `二`; only counted as `=` right before a digit. */
  ocrEquals: "二",
  yes: "是",
  no: "否",
  /** Percent written as a word (`=100百分比`). */
  percentWord: "百分比",
  /** Percentage points: a percent-kind unit. */
  percentPoint: "百分点",
  /** Money units and their factor to 万元. */
  money: { 元: 0.0001, 千元: 0.1, 万元: 1, 百万元: 100, 千万元: 1000, 亿元: 10000 },
  /** `250万` after a money number means 万元. */
  bareWan: "万",
  wanYuan: "万元",
  /** Words that make a phrase without numbers a qualitative grade (常态化, 零发生, 有所提升 …). */
  gradeMarkers: [
    "常态", "零", "无", "优", "良", "好", "提高", "提升", "改善", "减轻", "减少", "降低", "增加",
    "增强", "加强", "增长", "明显", "显著", "有效", "稳步", "巩固", "持续", "不断", "逐步", "长期",
    "长远", "及时", "按时", "完成", "到位", "达标", "达到", "合格", "满意", "协同", "共治", "发展",
    "不超", "控制", "参照", "规范", "完善", "健全", "保障",
  ],
  /** Calendar words of dates and periods (`2023年12月31日`, `12月底`, `2023年度`). */
  date: {
    year: "年",
    month: "月",
    day: ["日", "号"],
    /** After 年: 2023年度, 2023年底 … */
    yearPart: ["上半年", "下半年", "度", "底", "末", "初", "中"],
    /** After a month or 月: 12月底, 6月上旬 … */
    monthPart: ["上旬", "中旬", "下旬", "底", "末", "初", "中"],
    /** A year named without digits (年底前, 当年底). */
    relativeYear: ["当", "本", "今", "次", "明"],
    /** Before a date: 截至2023年底. */
    prefix: ["截至", "截止", "于", "在"],
    /** After a date: deadlines (前, 以前, 到位 …). */
    suffix: ["前完成", "内完成", "以前", "之前", "前", "止", "内", "到位", "完成", "完工", "竣工", "交付"],
  },
} as const;

/**
 * Words the extractor uses to read a form's layout (labels are compared after whitespace is
 * stripped and full-width brackets and colons are made half-width).
 */
export const LAYOUT_WORDS = {
  /** 上级资金 by level, as labels (`中央：` in one cell, or `1.中央资金` in its own row). */
  fundingLevelLabels: {
    central: ["中央", "中央资金", "中央补助", "中央补助资金", "中央财政", "中央财政资金"],
    provincial: ["省级", "省级资金", "省级补助", "省级财政", "省级财政资金"],
    municipal: ["市级", "市级资金", "市级财政", "市级财政资金"],
    county: ["县级", "县级资金", "县级财政"],
  },
  /** `单位：万元` — the label before the amount unit. */
  amountUnitLabels: ["单位", "金额单位", "资金单位"],
  /** Stamp marks written after a label or before a value: `填报单位：（盖章）…`. */
  stampWords: ["(盖章)", "盖章"],
  /** A prefix a label may carry: `其中：财政拨款`. */
  labelPrefixes: ["其中:", "其中"],
  /** Header labels the model has no field for; their values are kept in `otherFields`. */
  otherFieldLabels: [
    "单位职能概述", "项目概况", "项目概述", "项目总体概况", "项目立项情况", "立项依据", "项目立项依据", "项目概况及立项依据",
    "项目设立必要性", "立项必要性", "必要性", "可行性", "项目实施进度计划", "项目实施计划", "实施计划", "项目实施内容",
    "项目内容", "保障绩效目标实现措施", "保证项目实施的制度、措施", "制度措施", "其他说明的问题", "财政部门审核意见",
    "主管部门审核意见", "项目审批", "归口业务科室", "是否政府采购", "绩效管理联络员", "资金用途", "政策依据",
    "年度总体目标完成情况", "项目编码", "项目代码", "资金性质", "财政事权", "战略领域", "政策任务", "用途范围",
    "中央财政部门", "省级财政部门", "市级财政部门", "区县财政部门",
  ],
  /** Text that ends an indicator block inside a table (review rows, footnotes). */
  indicatorBlockEnd: ["审核意见", "初审意见", "复审意见", "审批意见", "其他说明", "说明的问题", "填表说明", "填报说明", "注:"],
  /** Words in a column header or group header that put the column in the long-term or annual table. */
  periodQualifiers: {
    longTerm: ["长期", "实施期", "实施周期", "中期"],
    annual: ["本年度", "年度", "当年"],
  },
  /** Key words that place an unusual 一级 label in a tier-1 category (项目完成指标 → 产出). */
  tier1Keywords: {
    output: ["产出", "完成"],
    benefit: ["效益"],
    satisfaction: ["满意"],
    cost: ["成本"],
  },
  /** A title names a 表 (申报表, 目标表 …). */
  titleTableWord: "表",
  /**
   * Web-page chrome around a form copied as text (download, print and share links, page counters):
   * it ends an indicator block and is never a 三级 name.
   */
  pageChrome: ["扫一扫", "附件下载", "[下载]", "[打印]", "[关闭]", "返回】", "【打印", "【关闭", "打印本页", "关闭窗口", "浏览量", "浏览次数", "点击次数", "字号"],
  /** Marks where a published excerpt stops before the form does: what follows it is missing. */
  truncationMarks: ["excerpt truncated", "(未完)", "（未完）", "(略)", "……(略)", "[...]"],
  /** Signature labels under a form: they end an indicator block. */
  signatureLabels: ["填表人", "单位负责人", "填报日期", "审核人", "负责人签字"],
  /** Core-indicator marks of 衔接资金 templates (★, ★★★). */
  coreMark: "★",
  /** What marks each layout family (see the layout notes): title words, labels, column headers. */
  familyMarkers: {
    regionTitle: ["区域绩效目标"],
    regionLabels: ["资金名称", "中央主管部门"],
    separateUnitHeader: "单位",
    comparisonHeaders: ["指标性质", "计算符号"],
    measureUnitHeader: "计量单位",
    povertyTitle: ["扶贫", "衔接"],
    povertyLabels: ["项目负责人及电话"],
    centralLabels: ["主管部门及代码", "项目期", "总体目标"],
    hunanLabels: ["项目支出名称", "年度本级预算金额"],
    hunanHeaders: ["指标值及单位"],
  },
} as const;

/** The 一级 each 二级 belongs to (era A puts 成本指标 under 产出; era B's 成本 二级 names differ). */
export const TIER2_PARENT: Record<Tier2Key, Tier1Key> = {
  quantity: "output",
  quality: "output",
  timeliness: "output",
  cost: "output",
  economicBenefit: "benefit",
  socialBenefit: "benefit",
  ecologicalBenefit: "benefit",
  environmentalBenefit: "benefit",
  sustainableImpact: "benefit",
  beneficiarySatisfaction: "satisfaction",
  publicSatisfaction: "satisfaction",
  economicCost: "cost",
  socialCost: "cost",
  ecologicalCost: "cost",
};

/** Columns of a flat budget-system export (L6) that name the project a row belongs to. */
export const FLAT_EXPORT_COLUMNS = {
  departmentCode: ["单位代码", "部门代码"],
  department: ["单位名称", "部门名称", "预算单位"],
  projectName: ["项目名称", "单位(专项)名称", "专项名称"],
  total: ["预算数", "资金总额", "预算金额", "项目金额"],
  annualGoal: ["年度目标", "年度绩效目标"],
  longTermGoal: ["实施期绩效目标", "实施期目标"],
} as const;
export type FlatColumnKey = keyof typeof FLAT_EXPORT_COLUMNS;

/** Default titles of the rendered form by header style, when a form names none (the year goes in front). */
export const FORM_TITLES = {
  hunan2023: "年度项目支出预算绩效目标申报表",
  mof2011: "财政支出(项目)绩效目标申报表",
  central: "项目支出绩效目标申报表",
} as const;

/** Words the rendered form prints besides labels: the seal mark after 填报单位. */
export const PRINTED_WORDS = {
  seal: "(盖章)",
} as const;

/** The conclusions a reviewer sends back with a form (审核意见), most favourable first. */
export const REVIEW_CONCLUSIONS = {
  pass: "通过",
  revise: "修改后通过",
  reject: "退回",
} as const;
export type ConclusionKey = keyof typeof REVIEW_CONCLUSIONS;

/** The printed words of the 审核意见 documents and their summary. */
export const FEEDBACK_WORDS = {
  title: "项目支出绩效目标审核意见",
  summaryTitle: "部门审核意见汇总",
  department: "部门",
  project: "项目",
  budget: "预算",
  submission: "来件",
  conclusion: "审核结论",
  reason: "理由",
  problems: "审核发现的问题",
  reviewerOpinion: "审核人意见",
  reviewer: "审核人",
  date: "日期",
  unreadable: "未能读取",
  noDepartment: "未填写部门",
  notFilled: "表中未填写",
} as const;
