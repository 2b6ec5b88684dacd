import { defineRule } from "./types.js";

/**
 * A form perfgoal could read only in part (an excerpt cut short, cells that fit no column) is
 * never reviewed as if it were whole: the findings of the other rules cover only what was read.
 */
export default defineRule({
  meta: {
    id: "form-read-completely",
    code: "PG031",
    // Not in the domain catalogue (R1–R30 are review rules): perfgoal's own rule about reading.
    catalogue: "R31",
    severity: "error",
    description: {
      zh: "表单须能完整读取：文本中断或有无法对应到列的单元格时，审核结果只涵盖已读部分",
      en: "The form must read completely: when the text stops short or cells fit no column, the review covers only what was read",
    },
    source: {
      zh: "perfgoal 读取要求：不能把只读到一部分的表单当作完整表单审核（见 README“真实申报表的样子”）",
      en: "perfgoal's reading contract: a form read in part is never reviewed as a whole one (README, “What real forms look like”)",
    },
    examples: {
      fail: `source:
  complete: false
  problems: [文本在第36行中断，表单不完整]
`,
      pass: `source:
  format: txt
`,
    },
    messages: {
      partial: { zh: "表单只读取了一部分：{problem}；请核对原件或提交完整的申报表", en: "Only part of the form could be read: {problem}; check the original or submit the whole form" },
    },
  },
  check(form, ctx) {
    if (form.source?.complete !== false) return;
    const problems = form.source.problems?.length ? form.source.problems : ["原因未说明"];
    for (const problem of problems) ctx.report({ messageId: "partial", path: "source", data: { problem } });
  },
});
