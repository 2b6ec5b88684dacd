/**
 * What each key of a form's YAML means, in Chinese for the clerk (the comment beside the key) and
 * in English after it in the JSON Schema. One table, keyed by model path pattern: `*` stands for
 * any key, `[]` for any list index.
 */
import { COLUMN_HEADERS, FIELD_LABELS, FUNDING_LEVELS, type AmountUnit } from "./terms.js";
import type { PathKey } from "./path.js";

export interface KeyNote {
  /** The comment beside the key; `{unit}` is the form's amount unit. */
  zh: string;
  en: string;
}

/** Parsed fields of a 指标值: the loader recomputes them from `raw`, so the clerk leaves them alone. */
const COMPUTED = "（自动）";

/** An amount: its unit is the form's `amountUnit`. */
const amount = (zh: string, en: string): KeyNote => ({ zh: `${zh}（{unit}）`, en: `${en}, in amountUnit` });

export const KEY_NOTES: Readonly<Record<string, KeyNote>> = {
  title: { zh: "表名（不填则按样式生成）", en: "the form's title (default: the layout's title)" },
  year: { zh: "年度（如 2025）", en: "budget year" },
  attachmentLabel: { zh: "附件标号（如 附件2）", en: "attachment label" },
  fillingUnit: { zh: FIELD_LABELS.fillingUnit[1], en: "filling unit" },
  amountUnit: { zh: "金额单位：万元 或 元，下列金额都按此单位", en: "unit of every amount: 万元 or 元" },

  project: { zh: "项目", en: "the project" },
  "project.name": { zh: FIELD_LABELS.projectName[1], en: "project name" },
  "project.department": { zh: `${FIELD_LABELS.department[3]} / ${FIELD_LABELS.department[0]}`, en: "department in charge" },
  "project.department.name": { zh: "部门名称", en: "department name" },
  "project.department.code": { zh: "部门编码（如 077）", en: "department code" },
  "project.implementingUnit": { zh: FIELD_LABELS.implementingUnit[0], en: "implementing unit" },
  "project.attribute": { zh: `${FIELD_LABELS.attribute[0]}（新增、延续 …）`, en: "project attribute (new, continuing …)" },
  "project.leader": { zh: FIELD_LABELS.leader[0], en: "project leader" },
  "project.phone": { zh: `${FIELD_LABELS.leader[0]}${FIELD_LABELS.phone[0]}`, en: "project leader's phone" },
  "project.period": { zh: `项目${FIELD_LABELS.period[1]}`, en: "implementation period" },
  "project.period.text": { zh: "实施期原文（如 2025年度、2025.01-2025.12）", en: "the period as written" },
  "project.period.start": { zh: "开始（年-月 或 年-月-日，如 2025-01）", en: "start: YYYY, YYYY-MM or YYYY-MM-DD" },
  "project.period.end": { zh: "结束（年-月 或 年-月-日，如 2025-12）", en: "end: YYYY, YYYY-MM or YYYY-MM-DD" },

  funding: { zh: "资金（{unit}）", en: "funding, in amountUnit" },
  "funding.total": {
    zh: "年度预算金额（{unit}，成本指标按此审核，打印在预算金额栏）",
    en: "the annual budget, in amountUnit: cost indicators are checked against it, and the rendered form prints it",
  },
  "funding.ownLevel": amount(FIELD_LABELS.ownLevel[2], "own-level funds"),
  "funding.upperLevel": { zh: "上级资金（{unit}），分级填报", en: "upper-level funds by level, in amountUnit" },
  "funding.upperLevel.total": amount("上级资金合计", "upper-level total"),
  "funding.upperLevel.central": amount(FUNDING_LEVELS.central, "central"),
  "funding.upperLevel.provincial": amount(FUNDING_LEVELS.provincial, "provincial"),
  "funding.upperLevel.municipal": amount(FUNDING_LEVELS.municipal, "municipal"),
  "funding.upperLevel.county": amount(FUNDING_LEVELS.county, "county"),
  "funding.fiscal": amount(FIELD_LABELS.fiscal[0], "fiscal appropriation"),
  "funding.other": amount(FIELD_LABELS.other[0], "other funds"),
  "funding.selfRaised": amount(FIELD_LABELS.selfRaised[0], "self-raised funds"),
  "funding.carryOver": amount(FIELD_LABELS.carryOver[0], "carried over from last year"),

  goals: { zh: "绩效目标", en: "performance goals" },
  "goals.longTerm": { zh: `${FIELD_LABELS.longTermGoal[0]}（长期、总体目标）`, en: "implementation-period (long-term) goal" },
  "goals.annual": { zh: FIELD_LABELS.annualGoal[0], en: "annual goal" },

  indicators: { zh: "绩效指标", en: "performance indicators" },
  "indicators.annual": { zh: "本年度绩效指标，每行一个三级指标", en: "annual indicators, one row per 三级 indicator" },
  "indicators.longTerm": { zh: "实施期（长期）绩效指标，每行一个三级指标", en: "implementation-period indicators, one row per 三级 indicator" },
  "indicators.*[].tier1": { zh: COLUMN_HEADERS.tier1[0], en: "tier-1 category" },
  "indicators.*[].tier2": { zh: COLUMN_HEADERS.tier2[0], en: "tier-2 category" },
  "indicators.*[].tier3": { zh: `${COLUMN_HEADERS.tier3[0]}（指标名称）`, en: "tier-3 indicator name" },
  "indicators.*[].value": {
    zh: "指标值：只需填写 raw，其余由 perfgoal 计算",
    en: "the target value: only raw matters, perfgoal computes the rest (or write the value itself: value: \"≥95%\")",
  },
  "indicators.*[].value.raw": { zh: "指标值原文（如 ≥95%、1-2次/年、12月底前）", en: "the value as written" },
  "indicators.*[].value.kind": { zh: `${COMPUTED}值的类型`, en: "computed: what the value measures" },
  "indicators.*[].value.comparison": { zh: `${COMPUTED}比较方式`, en: "computed: the canonical comparison" },
  "indicators.*[].value.symbol": { zh: `${COMPUTED}原文中的比较符号`, en: "computed: the comparison as written" },
  "indicators.*[].value.numbers": { zh: `${COMPUTED}数值`, en: "computed: the number, or both ends of a range" },
  "indicators.*[].value.unit": { zh: `${COMPUTED}单位`, en: "computed: the unit, normalised" },
  "indicators.*[].value.approximate": { zh: `${COMPUTED}是否约数`, en: "computed: an approximate value (约, 余, 左右 …)" },
  "indicators.*[].value.wanYuan": { zh: `${COMPUTED}折合万元`, en: "computed: money amounts in 万元" },
  "indicators.*[].standard": { zh: COLUMN_HEADERS.standard[0], en: "performance standard" },
  "indicators.*[].note": { zh: COLUMN_HEADERS.note[0], en: "note" },
  "indicators.*[].unit": { zh: `${COLUMN_HEADERS.unit[0]}（单列的单位）`, en: "the unit column" },
  "indicators.*[].comparison": { zh: `${COLUMN_HEADERS.comparison[0]}（单列的比较符号）`, en: "the comparison column, as written" },
  "indicators.*[].weight": { zh: `${COLUMN_HEADERS.weight[0]}（分值）`, en: "weight / score" },
  "indicators.*[].direction": { zh: COLUMN_HEADERS.direction[0], en: "direction" },
  "indicators.*[].valueType": { zh: `${COLUMN_HEADERS.valueType[0]}（定量、定性）`, en: "value type (quantitative / qualitative)" },
  "indicators.*[].scoringRule": { zh: COLUMN_HEADERS.scoringRule[1], en: "scoring rule" },

  signatures: { zh: "表尾签字", en: "signatures under the form" },
  "signatures.filler": { zh: FIELD_LABELS.filler[0], en: "filled in by" },
  "signatures.phone": { zh: FIELD_LABELS.phone[0], en: "phone" },
  "signatures.head": { zh: FIELD_LABELS.head[1], en: "head of the unit" },
  "signatures.date": { zh: `${FIELD_LABELS.fillDate[0]}（如 2025年1月15日）`, en: "date filled in" },

  otherFields: { zh: "其他表头栏目（原样保留）", en: "header fields the model has no place for, kept as they are" },
  "otherFields[].label": { zh: "栏目名称", en: "label" },
  "otherFields[].value": { zh: "栏目内容", en: "value" },

  source: { zh: "来源：perfgoal 读取时记录", en: "where the form was read from (perfgoal records it)" },
  "source.file": { zh: "来源文件", en: "source file" },
  "source.format": { zh: "文件格式", en: "file format" },
  "source.layout": { zh: "表式（L1 … L10），生成 Word 时按此选样式", en: "layout family (L1 … L10); render picks its style from it" },
  "source.encoding": { zh: "文字编码", en: "text encoding" },
  "source.complete": { zh: "是否读全（false：只读到了部分内容）", en: "false when perfgoal could read only part of the form" },
  "source.problems": { zh: "只读到部分内容的原因", en: "why the form was read only in part" },
};

/** A table key as segments: a key name, `*` (any key) or `[]` (any index). */
const PATTERNS = Object.entries(KEY_NOTES).map(([pattern, note]) => ({
  segments: pattern.split(/\.|(?=\[\])/).filter((s) => s !== ""),
  note,
}));

function matches(segments: readonly string[], path: readonly PathKey[]): boolean {
  if (segments.length !== path.length) return false;
  return segments.every((s, i) => {
    const key = path[i]!;
    if (s === "[]") return typeof key === "number";
    return typeof key === "string" && (s === "*" || s === key);
  });
}

/** The note of a model path (`["funding", "total"]`, `["indicators", "annual", 0, "tier1"]`). */
export function keyNote(path: readonly PathKey[]): KeyNote | undefined {
  return PATTERNS.find((p) => matches(p.segments, path))?.note;
}

/** The Chinese comment beside a key, with the form's amount unit. */
export function keyComment(path: readonly PathKey[], unit: AmountUnit): string | undefined {
  return keyNote(path)?.zh.replaceAll("{unit}", unit);
}

/** The JSON Schema description of a key: Chinese first, then English. */
export function keyDescription(path: readonly PathKey[]): string | undefined {
  const note = keyNote(path);
  return note && `${note.zh.replaceAll("{unit}", "单位见 amountUnit")} — ${note.en}`;
}
