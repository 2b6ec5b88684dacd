import type { Form } from "../model/form.js";
import { FIELD_LABELS } from "../model/terms.js";
import { defineRule } from "./types.js";
import { booleanOption } from "./helpers/options.js";

/** Layout families whose printed form ends with 填表人 / 联系电话 / 单位负责人 (Hunan 2023, MOF 2011, 衔接资金). */
const SIGNED_LAYOUTS = /^L[123]\b/;

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
      zh: "表尾有填表人、联系电话、单位负责人签字栏，并填写填表人和联系电话",
      en: "The form ends with the filler, phone and head-of-unit signature block, with filler and phone filled in",
    },
    source: {
      zh: "常见做法：湖南等地申报表表尾印有填表人、联系电话、单位负责人签字栏，便于审核时联系",
      en: "Practice: Hunan and similar forms end with filler, phone and signature lines so that reviewers can make contact",
    },
    defaultOptions: { require: false },
    messages: {
      missing: { zh: "表尾没有填表人、联系电话、单位负责人签字栏", en: "The form has no filler / phone / signature block" },
      emptyField: { zh: "表尾“{label}”未填写", en: "“{label}” at the foot of the form is empty" },
    },
  },
  check(form, ctx) {
    const sig = form.signatures;
    if (!sig) {
      if (layoutHasBlock(form) || booleanOption(ctx, "require", false)) ctx.report({ messageId: "missing", path: "signatures" });
      return;
    }
    if (!sig.filler?.trim()) ctx.report({ messageId: "emptyField", path: "signatures.filler", data: { label: FIELD_LABELS.filler[0] } });
    if (!sig.phone?.trim()) ctx.report({ messageId: "emptyField", path: "signatures.phone", data: { label: FIELD_LABELS.phone[0] } });
  },
});
