import type { Form } from "../model/form.js";
import { FIELD_LABELS } from "../model/terms.js";
import { defineRule } from "./types.js";
import { HEADER_PLACEHOLDER } from "./helpers/vocabulary.js";

interface HeaderField {
  path: string;
  zh: string;
  en: string;
  value(form: Form): string | number | undefined;
  /** Required on every form, or only where the layout has the field (it was found, even if blank). */
  always: boolean | ((form: Form) => boolean);
}

/** Hunan 2023 (layout L1) prints 实施期绩效目标 next to 本年度绩效目标. */
const isHunanLayout = (form: Form) => form.source?.layout?.startsWith("L1") ?? false;

/** Layout families that print a 实施期 / 项目起止时间 / 项目期 field: Hunan 2023, MOF 2011, central style. */
const PERIOD_LAYOUTS = /^L[125]\b/;

/**
 * The 实施期 is asked for where the layout prints it. Annual templates without the field (衔接资金 and
 * 扶贫 templates, 批复表, many provincial forms) state their budget year instead (“（2022年度）”): the
 * project runs in that year, so only a form that states neither is missing its period.
 */
const periodRequired = (form: Form) => PERIOD_LAYOUTS.test(form.source?.layout ?? "") || form.year === undefined;

const FIELDS: HeaderField[] = [
  { path: "project.name", zh: FIELD_LABELS.projectName[1], en: "project name", value: (f) => f.project.name, always: true },
  { path: "project.department.name", zh: FIELD_LABELS.department[2], en: "department", value: (f) => f.project.department?.name, always: true },
  { path: "funding.total", zh: FIELD_LABELS.total[2], en: "budget total", value: (f) => f.funding.total, always: true },
  { path: "project.period", zh: FIELD_LABELS.period[1], en: "implementation period", value: (f) => f.project.period?.text, always: periodRequired },
  { path: "goals.annual", zh: FIELD_LABELS.annualGoal[0], en: "annual goal", value: (f) => f.goals.annual, always: true },
  { path: "goals.longTerm", zh: FIELD_LABELS.longTermGoal[0], en: "implementation-period goal", value: (f) => f.goals.longTerm, always: isHunanLayout },
  { path: "project.implementingUnit", zh: FIELD_LABELS.implementingUnit[0], en: "implementing unit", value: (f) => f.project.implementingUnit, always: false },
];

export default defineRule({
  meta: {
    id: "required-header-fields",
    code: "PG001",
    catalogue: "R1",
    severity: "error",
    description: {
      zh: "表头必填项（项目名称、主管部门、资金总额、实施期、年度绩效目标等）须填写，不能留空或保留占位符",
      en: "Required header fields (project name, department, budget, period, annual goal …) are filled in, not blank or placeholders",
    },
    source: {
      zh: "申报表填报说明要求逐项填写表头各栏；完整性审核为常见审核做法",
      en: "The form's filling instructions ask for every header item; completeness review is common review practice",
    },
    examples: {
      fail: `project:
  name: ""
  department: { name: 衡东县政府办 }
  period: { text: 2023年度 }
`,
      pass: `project:
  name: 衡东县政府办项目支出
  department: { name: 衡东县政府办 }
  period: { text: 2023年度 }
`,
    },
    messages: {
      missing: { zh: "必填项“{field}”未填写", en: "Required field “{field}” ({fieldEn}) is empty" },
      placeholder: { zh: "必填项“{field}”只有占位符“{value}”", en: "Required field “{field}” ({fieldEn}) holds only the placeholder “{value}”" },
    },
  },
  check(form, ctx) {
    for (const field of FIELDS) {
      const value = field.value(form);
      const required = typeof field.always === "function" ? field.always(form) : field.always;
      if (value === undefined && !required) continue;
      const data = { field: field.zh, fieldEn: field.en };
      const text = value === undefined ? "" : String(value).trim();
      if (text === "") ctx.report({ messageId: "missing", path: field.path, data });
      else if (HEADER_PLACEHOLDER.test(text)) ctx.report({ messageId: "placeholder", path: field.path, data: { ...data, value: text } });
    }
  },
});
