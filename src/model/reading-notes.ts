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
