/**
 * What the document.xml walk collects before grids are expanded: tables exactly as written
 * (cells with their spans and merge marks), and body paragraphs.
 */
export const MERGE_NONE = 0;
export const MERGE_RESTART = 1;
export const MERGE_CONTINUE = 2;
export type MergeMark = typeof MERGE_NONE | typeof MERGE_RESTART | typeof MERGE_CONTINUE;

export interface RawCell {
  paragraphs: string[];
  gridSpan: number;
  vMerge: MergeMark;
  hMerge: MergeMark;
  /** A cell deleted with tracked changes (`w:cellDel`). */
  deleted: boolean;
  /** The start of text Word does not show here (`w:vanish` runs): not read, only noted. */
  hidden?: string;
}

export interface RawRow {
  gridBefore: number;
  gridAfter: number;
  cells: RawCell[];
  /** A row deleted with tracked changes (`w:trPr/w:del`). */
  deleted: boolean;
}

export interface RawTable {
  /** 1-based, in the order the tables open (a nested table comes after its parent). */
  index: number;
  rows: RawRow[];
}

export type RawBlock = { kind: "paragraph"; text: string; index: number } | { kind: "table"; table: RawTable };

export interface RawDocument {
  blocks: RawBlock[];
  warnings: string[];
  /** Body paragraphs holding hidden text: [paragraph number, the start of that text]. */
  hiddenInBody: [number, string][];
}
