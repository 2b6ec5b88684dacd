import type { Form } from "../model/form.js";
import { FIELD_LABELS } from "../model/terms.js";
import { defineRule } from "./types.js";
import { booleanOption } from "./helpers/options.js";

/**
 * Layout families whose printed form ends with a 填表人 / 填报人 … 单位负责人 block (Hunan 2023, MOF 2011).
 * The 扶贫 / 衔接资金 templates print no footer: their contact is the header's 项目负责人及电话.
 */
const SIGNED_LAYOUTS = /^L[12]\b/;

function layoutHasBlock(form: Form): boolean {
  return SIGNED_LAYOUTS.test(form.source?.layout ?? "");
}

export default defineRule({
  meta: {
    id: "signature-block",
    code: "PG029",
    catalogue: "R29",
    severity: "info",
    description: {
      zh: "表尾的填表人和联系电话已填写（湖南等版式印有填表人、联系电话、单位负责人签字栏）",
      en: "The filler and phone at the foot of the form are filled in (Hunan-style forms print a filler / phone / signature block)",
    },
    source: {
      zh: "常见做法：湖南等地申报表表尾印有填表人、联系电话、单位负责人签字栏，便于审核时联系",
      en: "Practice: Hunan and similar forms end with filler, phone and signature lines so that reviewers can make contact",
    },
    defaultOptions: { require: false },
    examples: {
      fail: `source: { layout: L1 }
signatures: { filler: "", phone: "" }
`,
      pass: `source: { layout: L1 }
signatures: { filler: 张三, phone: 0734-5220000 }
`,
    },
    messages: {
      emptyField: { zh: "表尾“{label}”未填写", en: "“{label}” at the foot of the form is empty" },
    },
  },
  check(form, ctx) {
    const sig = form.signatures;
    // Blank footer lines leave no trace in the model, so the layout says whether the block is expected.
    if (!sig && !layoutHasBlock(form) && !booleanOption(ctx, "require", false)) return;
    if (!sig?.filler?.trim()) ctx.report({ messageId: "emptyField", path: "signatures.filler", data: { label: FIELD_LABELS.filler[0] } });
    // A phone in the header (联系电话, 项目负责人及电话) already tells the reviewer whom to call.
    if (!sig?.phone?.trim() && !form.project.phone?.trim()) ctx.report({ messageId: "emptyField", path: "signatures.phone", data: { label: FIELD_LABELS.phone[0] } });
  },
});
