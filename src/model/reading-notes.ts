/**
 * What a reader noted while turning a file into the model: a field it read with a repair (an amount
 * written as text, a default taken, a missing table read as empty). Each note names its model path,
 * so the finding it becomes points at the file's line; rule yaml-fields-readable reports them.
 */
export const READING_NOTE_IDS = [
  /** A number written as text (`"2023"`, `３６１`): read as the number. */
  "numberText",
  /** An amount written as text with or without its unit (`361万元`, `3,610,000`): read as the number. */
  "amountText",
  /** An amount that is no number (`待定`): left out. */
  "amountUnread",
  /** An amount whose unit disagrees with the form's amount unit (`361元` on a 万元 form): left out, never converted. */
  "amountUnitConflict",
  /** A required choice not written: its default taken. */
  "defaultTaken",
  /** A required choice written with a value not among the choices: its default taken. */
  "unknownChoice",
  /** A required list not written: read as empty. */
  "listMissing",
] as const;
export type ReadingNoteId = (typeof READING_NOTE_IDS)[number];

export interface ReadingNote {
  /** Model path of the field, e.g. `funding.total`. */
  path: string;
  messageId: ReadingNoteId;
  data: Record<string, string | number>;
}

/** What each note says, in both languages (rule yaml-fields-readable reports them; parse and render warn with them). */
export const READING_NOTE_MESSAGES: Record<ReadingNoteId, { zh: string; en: string }> = {
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
};

/** A note as one line: its path and message, placeholders filled (`{unit}` from the form). */
export function readingNoteText(note: ReadingNote, amountUnit: string, lang: "zh" | "en" = "zh"): string {
  const data: Record<string, string | number> = { unit: amountUnit, ...note.data };
  return READING_NOTE_MESSAGES[note.messageId][lang].replace(/\{(\w+)\}/g, (m, k: string) => (k in data ? String(data[k]) : m));
}
