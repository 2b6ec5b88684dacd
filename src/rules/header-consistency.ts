import { FORM_WORDS } from "../model/terms.js";
import { defineRule } from "./types.js";
import { normaliseText } from "./helpers/text.js";

/** Words every title has, which name no project: year, 项目支出(预算)绩效目标申报表 and its variants. */
const GENERIC_TITLE = /(\d{4}年度?|年度|部门整体支出|财政支出|项目支出|预算|项目|绩效目标|申报表|审批表|批复表|目标表|表)/g;
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
      const titleName = normaliseText(form.title).replace(GENERIC_TITLE, "");
      const n = normaliseText(name);
      if (titleName.length >= 4 && !n.includes(titleName) && !titleName.includes(n)) {
        ctx.report({ messageId: "titleNameDiffers", path: "title", data: { titleName, name } });
      }
    }
    const total = form.funding.total;
    if (total === undefined || total <= 0) return;
    if (form.amountUnit === "元" && total < MIN_YUAN_BUDGET) ctx.report({ messageId: "unitLooksWan", path: "amountUnit", data: { total } });
    if (form.amountUnit === "万元" && total >= MAX_WAN_BUDGET) ctx.report({ messageId: "unitLooksYuan", path: "amountUnit", data: { total } });
  },
});
