import { FORM_WORDS } from "../model/terms.js";
import { defineRule } from "./types.js";
import { normaliseText } from "./helpers/text.js";

/** Words every title has, which name no project: year, 项目支出(预算)绩效目标申报表 and its variants. */
const GENERIC_TITLE = /(\d{4}年度?|年度|部门整体支出|财政支出|项目支出|预算|项目|绩效目标|申报表|审批表|批复表|目标表|表)/g;
/** Fewer characters than this left of a title name nothing. */
const MIN_TITLE_NAME = 4;
/** A budget under this many 元 is implausible: the unit line probably should say 万元. */
const MIN_YUAN_BUDGET = 1000;
/** A budget of this many 万元 (100亿元) or more was probably written in 元. */
const MAX_WAN_BUDGET = 1_000_000;

export default defineRule({
  meta: {
    id: "header-consistency",
    code: "PG030",
    catalogue: "R30",
    severity: "info",
    description: {
      zh: "表头一致：标题中的项目名称与“项目名称”栏相同，表头金额单位与金额相符",
      en: "The header is consistent: a project named in the title matches the project-name field, and the unit line fits the amounts",
    },
    source: {
      zh: "申报表填报说明：“项目名称：按规范的项目名称内容填报，与部门预算项目名称一致”",
      en: "The form's filling instructions: the project name follows the standard wording and matches the department budget's project name",
    },
    examples: {
      fail: `amountUnit: 元
funding: { total: 6.3 }
`,
      pass: `amountUnit: 万元
funding: { total: 6.3 }
`,
    },
    messages: {
      titleNameDiffers: {
        zh: "标题中的“{titleName}”与项目名称“{name}”不一致",
        en: "The title names “{titleName}”, but the project name is “{name}”",
      },
      unitLooksWan: {
        zh: "表头单位为“元”，但资金总额只有 {total}，疑似应为“万元”",
        en: "The unit line says 元, but the budget is only {total}: probably 万元",
      },
      unitLooksYuan: {
        zh: "表头单位为“万元”，但资金总额达 {total}，疑似按元填写",
        en: "The unit line says 万元, but the budget is {total}: probably written in 元",
      },
    },
  },
  check(form, ctx) {
    const name = form.project.name?.trim();
    if (form.title && name && form.title.includes(FORM_WORDS.titleKeyword)) {
      const titleName = titleNameDiffering(form.title, name, [form.project.department?.name, form.fillingUnit]);
      if (titleName) ctx.report({ messageId: "titleNameDiffers", path: "title", data: { titleName, name } });
    }
    const total = form.funding.total;
    if (total === undefined || total <= 0) return;
    if (form.amountUnit === "元" && total < MIN_YUAN_BUDGET) ctx.report({ messageId: "unitLooksWan", path: "amountUnit", data: { total } });
    if (form.amountUnit === "万元" && total >= MAX_WAN_BUDGET) ctx.report({ messageId: "unitLooksYuan", path: "amountUnit", data: { total } });
  },
});

/**
 * What the title names that the project name does not, or undefined when they agree. The title
 * agrees when it holds the whole name, or when one of its parts (the text before and inside
 * brackets, e.g. a template title “…资金绩效目标申报表（高标准农田建设）”) is part of the name. The
 * department's or filling unit's own name in the title (a unit's 批复表) names no project.
 */
function titleNameDiffering(title: string, name: string, units: (string | undefined)[]): string | undefined {
  const n = normaliseText(name);
  if (n === "" || normaliseText(title).includes(n)) return undefined;
  const strip = (text: string) => {
    let t = normaliseText(text);
    for (const unit of units) {
      const u = unit ? normaliseText(unit) : "";
      if (u.length >= 2) t = t.split(u).join("");
    }
    return t.replace(GENERIC_TITLE, "");
  };
  const parts = title.split(/[(（）)]/).map(strip).filter((p) => p.length >= MIN_TITLE_NAME);
  if (parts.length === 0 || parts.some((p) => n.includes(p) || p.includes(n))) return undefined;
  return strip(title);
}
