import type { Location } from "../model/location.js";

/**
 * The neutral document every reader produces: paragraphs and tables in reading order.
 * Readers know nothing about 绩效目标; the extractor knows nothing about file formats.
 */
export interface GridCell {
  /** Cell text: paragraphs joined by "\n", runs of spaces kept as written. */
  text: string;
  /** True when this grid position is covered by a merge whose text sits in another cell. */
  covered: boolean;
  /** 1-based position of the merge's top-left cell (itself when not covered). */
  originRow: number;
  originCol: number;
  rowSpan: number;
  colSpan: number;
  /** Where the text came from in the input. */
  loc: Location;
}

/** An expanded grid: `rows[r][c]`, every row padded to the same width. */
export interface Table {
  /** 1-based table number in the document (nested tables are numbered after their parent). */
  index: number;
  rows: GridCell[][];
  /** True when the reader knew the merges (docx); false when merged cells came out empty (text, .doc). */
  mergesKnown: boolean;
}

export type Block = { kind: "paragraph"; text: string; loc: Location } | { kind: "table"; table: Table };

export interface SourceDocument {
  blocks: Block[];
  /** Free-form facts from the reader: encoding, text layout name … */
  meta: {
    format: "txt" | "docx" | "doc" | "xlsx" | "xls" | "pdf";
    encoding?: string;
    textLayout?: string;
    /** Why what was read is incomplete: an excerpt cut short, cells that fit no column. */
    problems?: string[];
    /** Why the reader found no indicator table (prose, fused cells …), when it found none. */
    noTable?: string;
  };
  /** Non-fatal remarks, e.g. "extension says .docx but the content is .doc". */
  warnings: string[];
}

export function cell(text: string, loc: Location, r = 0, c = 0): GridCell {
  return { text, covered: false, originRow: r, originCol: c, rowSpan: 1, colSpan: 1, loc };
}

/** Build a table from ragged rows of cells, padding short rows with empty covered-less cells. */
export function tableFromRows(index: number, rows: GridCell[][], mergesKnown: boolean): Table {
  const width = rows.reduce((w, r) => Math.max(w, r.length), 0);
  const out = rows.map((r, ri) => {
    const row = r.map((c, ci) => ({ ...c, originRow: c.covered ? c.originRow : ri + 1, originCol: c.covered ? c.originCol : ci + 1 }));
    while (row.length < width) {
      const last = row[row.length - 1]?.loc ?? { kind: "line", line: 0 };
      row.push({ text: "", covered: false, originRow: ri + 1, originCol: row.length + 1, rowSpan: 1, colSpan: 1, loc: last });
    }
    return row;
  });
  return { index, rows: out, mergesKnown };
}
