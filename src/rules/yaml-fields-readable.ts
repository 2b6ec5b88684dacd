import type { ReadingNoteId } from "../model/reading-notes.js";
import { defineRule, type Severity } from "./types.js";

/**
 * How much each repair matters: a number read from text is only a notation to tidy; an amount left
 * out, an amount in another unit, a guessed unit or a missing table changes what is reviewed.
 */
const SEVERITY: Record<ReadingNoteId, Severity> = {
  "numberText": "warning",
  "amountText": "warning",
  "defaultTaken": "warning",
  "amountUnread": "error",
  "amountUnitConflict": "error",
  "unknownChoice": "error",
  "listMissing": "error",
};

export default defineRule({
  meta: {
    id: "yaml-fields-readable",
    code: "PG032",
    catalogue: "R32",
    severity: "warning",
    description: {
      zh: "YAML 中的字段按表单结构填写：金额只写数字，写明金额单位，不缺本年度指标表",
      en: "YAML fields are written as the form expects: amounts as plain numbers, the amount unit given, the annual indicator table present",
    },
    source: {
      zh: "perfgoal 自身的读取规则：手工编辑的 YAML 按其所写读取，读取时所做的每处补正都要说明",
      en: "perfgoal's own reading rule: a hand-edited YAML is read as written, and every repair made while reading it is said",
    },
    examples: {
      fail: `funding:
  total: 361万元
`,
      pass: `funding:
  total: 361
`,
    },
    messages: {
      numberText: { zh: "数字写成了文本“{text}”，已按 {number} 读取；请直接写数字", en: "number written as text “{text}”: read as {number}; write the number alone" },
      amountText: {
        zh: "金额写成了文本“{text}”，已按 {amount}（{unit}）读取；请只写数字，单位写在 amountUnit",
        en: "amount written as text “{text}”: read as {amount} ({unit}); write the number alone and the unit in amountUnit",
      },
      amountUnread: { zh: "金额“{text}”不是数字，此项未读取", en: "amount “{text}” is not a number: left unread" },
      amountUnitConflict: {
        zh: "金额“{text}”写的单位“{written}”与表头金额单位“{unit}”不符，此项未读取（不自动换算）",
        en: "amount “{text}” is written in {written} but the form's amounts are in {unit}: left unread (never converted)",
      },
      defaultTaken: { zh: "未填写“{field}”，已按默认值“{value}”读取", en: "“{field}” is not given: read with the default “{value}”" },
      unknownChoice: {
        zh: "“{field}”的值“{written}”无法识别（应为 {choices}），已按默认值“{value}”读取",
        en: "“{field}” holds “{written}”, which is not one of {choices}: read with the default “{value}”",
      },
      listMissing: { zh: "缺少“{field}”，按空表读取", en: "“{field}” is missing: read as an empty table" },
    },
  },
  check(form, ctx) {
    for (const note of ctx.notes ?? []) {
      const data = note.messageId === "amountText" ? { ...note.data, unit: form.amountUnit } : note.data;
      ctx.report({ messageId: note.messageId, path: note.path, data, severity: SEVERITY[note.messageId] });
    }
  },
});
