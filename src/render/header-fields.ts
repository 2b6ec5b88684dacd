import type { Form } from "../model/form.js";
import { FUNDING_LEVELS, type FundingLevel } from "../model/terms.js";
import { fieldLabel } from "./labels.js";
import { fitsHunanAmounts, type RenderLayout } from "./layout.js";

/** One label/value pair of the header table. `wide` fields take a whole row. */
export interface HeaderField {
  label: string;
  value: string;
  wide?: boolean;
  /** Print the label exactly as given, on one line (labels the form brought along, not ours). */
  verbatim?: boolean;
}

/** A header-table row: one wide field, or two fields side by side. */
export type HeaderRow = readonly [HeaderField] | readonly [HeaderField, HeaderField];

/** Amounts as plain numbers in the form's unit (no thousands separators, no trailing zeros). */
export function formatAmount(n: number | undefined): string {
  return n === undefined ? "" : String(n);
}

const LEVELS: readonly FundingLevel[] = ["central", "provincial", "municipal", "county"];

/**
 * The 上级资金 by level, one line each (`中央：120`). With `template`, the 中央/省级/市级 lines are
 * printed even when empty, as on the Hunan form. Without levels, the total alone as a bare amount.
 */
export function upperLevelText(form: Form, template: boolean): string {
  const u = form.funding.upperLevel;
  const hasLevels = LEVELS.some((l) => u?.[l] !== undefined);
  if (!hasLevels && u?.total !== undefined) return formatAmount(u.total);
  const levels = LEVELS.filter((l) => u?.[l] !== undefined || (template && l !== "county"));
  return levels.map((l) => `${FUNDING_LEVELS[l]}：${formatAmount(u?.[l])}`).join("\n");
}

/** The 上级资金 total gets a cell of its own when the by-level cell already holds the levels. */
function upperLevelTotal(form: Form, label: string): HeaderField[] {
  const u = form.funding.upperLevel;
  const hasLevels = LEVELS.some((l) => u?.[l] !== undefined);
  return hasLevels && u?.total !== undefined ? [{ label, value: formatAmount(u.total) }] : [];
}

/** Pair consecutive short fields into rows of two; wide fields and a short field left over take a row each. */
export function packRows(fields: readonly HeaderField[]): HeaderRow[] {
  const rows: HeaderRow[] = [];
  let pending: HeaderField | undefined;
  for (const f of fields) {
    if (f.wide) {
      if (pending) rows.push([pending]);
      pending = undefined;
      rows.push([f]);
    } else if (pending) {
      rows.push([pending, f]);
      pending = undefined;
    } else pending = f;
  }
  if (pending) rows.push([pending]);
  return rows;
}

/** A field printed only when the form has a value for it. */
function optional(label: string, value: string | undefined, wide = false): HeaderField[] {
  return value === undefined || value === "" ? [] : [{ label, value, ...(wide ? { wide } : {}) }];
}

function amountField(label: string, n: number | undefined): HeaderField[] {
  return optional(label, n === undefined ? undefined : formatAmount(n));
}

function otherFields(form: Form): HeaderField[] {
  return (form.otherFields ?? []).map((f) => ({ label: f.label, value: f.value, wide: true, verbatim: true }));
}

/** Fields the Hunan-2023 form (L1) does not print, added when the form has them. */
function extraProjectFields(form: Form, skip: ReadonlySet<string> = new Set()): HeaderField[] {
  const p = form.project;
  const fields: HeaderField[] = [];
  if (!skip.has("departmentCode")) fields.push(...optional(fieldLabel("departmentCode", "主管部门编码"), p.department?.code));
  if (!skip.has("implementingUnit")) fields.push(...optional(fieldLabel("implementingUnit", "实施单位"), p.implementingUnit));
  if (!skip.has("attribute")) fields.push(...optional(fieldLabel("attribute", "项目属性"), p.attribute));
  if (!skip.has("leader")) fields.push(...optional(fieldLabel("leader", "项目负责人"), p.leader));
  if (!skip.has("phone")) fields.push(...optional(fieldLabel("phone", "联系电话"), p.phone));
  return fields;
}

function extraFundingFields(form: Form, skip: ReadonlySet<string> = new Set()): HeaderField[] {
  const f = form.funding;
  const fields: HeaderField[] = [];
  if (!skip.has("fiscal")) fields.push(...amountField(fieldLabel("fiscal", "财政拨款"), f.fiscal));
  if (!skip.has("ownLevel")) fields.push(...amountField(fieldLabel("ownLevel", "本级资金"), f.ownLevel));
  if (!skip.has("upperLevel") && f.upperLevel) {
    fields.push({ label: fieldLabel("upperLevel", "上级资金"), value: upperLevelText(form, false) });
    fields.push(...upperLevelTotal(form, fieldLabel("upperLevel", "上级财政资金")));
  }
  if (!skip.has("selfRaised")) fields.push(...amountField(fieldLabel("selfRaised", "自有资金"), f.selfRaised));
  if (!skip.has("carryOver")) fields.push(...amountField(fieldLabel("carryOver", "上年结转"), f.carryOver));
  if (!skip.has("other")) fields.push(...amountField(fieldLabel("other", "其他资金"), f.other));
  return fields;
}

/** L1, the Hunan 2023 form: the seed's rows first, then whatever else the form holds. */
function hunan2023(form: Form): HeaderField[] {
  const p = form.project;
  return [
    { label: fieldLabel("projectName", "项目支出名称"), value: p.name ?? "" },
    { label: fieldLabel("department", "预算部门"), value: p.department?.name ?? "" },
    ...extraProjectFields(form),
    // 年度本级预算金额 is the 本级 amount, read back as the total too; a different total gets a cell of its own.
    { label: fieldLabel("ownLevel", "年度本级预算金额"), value: formatAmount(form.funding.ownLevel ?? form.funding.total) },
    { label: fieldLabel("upperLevel", "该项目支出上级资金(分级填报)"), value: upperLevelText(form, true) },
    ...upperLevelTotal(form, fieldLabel("upperLevel", "上级资金")),
    ...(fitsHunanAmounts(form) ? [] : amountField(fieldLabel("total", "资金总额"), form.funding.total)),
    ...extraFundingFields(form, new Set(["upperLevel", "ownLevel"])),
    { label: fieldLabel("period", "项目支出实施期"), value: p.period?.text ?? "", wide: true },
    ...otherFields(form),
    { label: fieldLabel("longTermGoal", "实施期绩效目标"), value: form.goals.longTerm ?? "", wide: true },
    { label: fieldLabel("annualGoal", "本年度绩效目标"), value: form.goals.annual ?? "", wide: true },
  ];
}

/** L2, the MOF-2011 财政支出（项目）绩效目标申报表: project facts, 资金总额 and its sources, 长期/年度目标. */
function mof2011(form: Form): HeaderField[] {
  const p = form.project;
  const f = form.funding;
  return [
    { label: fieldLabel("projectName", "项目名称"), value: p.name ?? "", wide: true },
    { label: fieldLabel("department", "主管部门"), value: p.department?.name ?? "" },
    { label: fieldLabel("departmentCode", "主管部门编码"), value: p.department?.code ?? "" },
    { label: fieldLabel("implementingUnit", "实施单位"), value: p.implementingUnit ?? "" },
    { label: fieldLabel("attribute", "项目属性"), value: p.attribute ?? "" },
    { label: fieldLabel("leader", "项目负责人"), value: p.leader ?? "" },
    { label: fieldLabel("phone", "联系电话"), value: p.phone ?? "" },
    { label: fieldLabel("period", "项目起止时间"), value: p.period?.text ?? "", wide: true },
    { label: fieldLabel("total", "资金总额"), value: formatAmount(f.total) },
    { label: fieldLabel("fiscal", "财政拨款"), value: formatAmount(f.fiscal) },
    ...extraFundingFields(form, new Set(["fiscal", "selfRaised", "other"])),
    { label: fieldLabel("selfRaised", "自有资金"), value: formatAmount(f.selfRaised) },
    { label: fieldLabel("other", "其他资金"), value: formatAmount(f.other) },
    ...otherFields(form),
    { label: fieldLabel("longTermGoal", "长期目标"), value: form.goals.longTerm ?? "", wide: true },
    { label: fieldLabel("annualGoal", "年度目标"), value: form.goals.annual ?? "", wide: true },
  ];
}

/** L5, the central-style form: 主管部门及代码 as `[code]name`, 项目期, 年度资金总额, 总体目标. */
function central(form: Form): HeaderField[] {
  const p = form.project;
  const f = form.funding;
  const dept = p.department ? `${p.department.code ? `[${p.department.code}]` : ""}${p.department.name}` : "";
  return [
    { label: fieldLabel("projectName", "项目名称"), value: p.name ?? "", wide: true },
    { label: fieldLabel("department", "主管部门及代码"), value: dept },
    { label: fieldLabel("implementingUnit", "实施单位"), value: p.implementingUnit ?? "" },
    { label: fieldLabel("attribute", "项目属性"), value: p.attribute ?? "" },
    { label: fieldLabel("period", "项目期"), value: p.period?.text ?? "" },
    ...extraProjectFields(form, new Set(["departmentCode", "implementingUnit", "attribute"])),
    { label: fieldLabel("total", "年度资金总额"), value: formatAmount(f.total) },
    { label: fieldLabel("fiscal", "财政拨款"), value: formatAmount(f.fiscal) },
    ...extraFundingFields(form, new Set(["fiscal", "other"])),
    { label: fieldLabel("other", "其他资金"), value: formatAmount(f.other) },
    ...otherFields(form),
    { label: fieldLabel("longTermGoal", "总体目标"), value: form.goals.longTerm ?? "", wide: true },
    ...optional(fieldLabel("annualGoal", "年度目标"), form.goals.annual, true),
  ];
}

/** The header table of a layout, as rows of label/value pairs. */
export function headerRows(form: Form, layout: RenderLayout): HeaderRow[] {
  const fields = layout === "L2" ? mof2011(form) : layout === "L5" ? central(form) : hunan2023(form);
  return packRows(fields);
}
