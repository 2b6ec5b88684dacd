import type { ReadingNoteId } from "../model/reading-notes.js";
import { defineRule, type Severity } from "./types.js";
import { READING_NOTE_MESSAGES } from "../model/reading-notes.js";

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
    messages: READING_NOTE_MESSAGES,
  },
  check(form, ctx) {
    for (const note of ctx.notes ?? []) {
      const data = note.messageId === "amountText" ? { ...note.data, unit: form.amountUnit } : note.data;
      ctx.report({ messageId: note.messageId, path: note.path, data, severity: SEVERITY[note.messageId] });
    }
  },
});
