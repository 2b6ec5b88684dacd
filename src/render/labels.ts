import { COLUMN_HEADERS, FIELD_LABELS, INDICATOR_BLOCK_LABELS, type ColumnKey, type FieldKey } from "../model/terms.js";
import { officialPunctuation } from "./typography.js";

/*
 * Every label the renderer prints is one of the synonyms the extractor looks for, checked by the
 * type system: a rendered form always reads back into the same fields.
 */

/** A header-field label, printed with full-width punctuation. */
export function fieldLabel<K extends FieldKey>(_key: K, label: (typeof FIELD_LABELS)[K][number]): string {
  return officialPunctuation(label);
}

/** An indicator-table column header. */
export function columnHeader<K extends ColumnKey>(_key: K, header: (typeof COLUMN_HEADERS)[K][number]): string {
  return officialPunctuation(header);
}

/** The label merged down the first column of an indicator block. */
export function blockLabel<K extends keyof typeof INDICATOR_BLOCK_LABELS>(_key: K, label: (typeof INDICATOR_BLOCK_LABELS)[K][number]): string {
  return officialPunctuation(label);
}
