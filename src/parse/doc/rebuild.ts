import type { Block, Table } from "../document.js";
import { expandTable } from "../docx/grid.js";
import { MERGE_CONTINUE, MERGE_NONE, MERGE_RESTART, type MergeMark, type RawRow, type RawTable } from "../docx/raw.js";
import { propsAt, type ParagraphProps, type PropsRun, type RowDef } from "./paragraph-props.js";
import { filePosition, type Piece } from "./word-text.js";

/** Cell edges closer than this (twips, 1/1440 inch) are the same grid line: rounding differs per row. */
const EDGE_TOLERANCE = 15;

interface DocRow {
  cells: string[][];
  def: RowDef | undefined;
}

/**
 * Turn the marked-up main text of a .doc into paragraphs and tables.
 *
 * Structure comes from the marks: "\r" ends a paragraph, "\x07" ends a cell, "\n" (or a "\x07"
 * whose paragraph is a row end) ends a row. Whether a "\r" paragraph sits in a table cell comes
 * from its paragraph properties; the row-end paragraph also carries the row's cell edges and
 * merge flags, from which the grid is rebuilt with its merges like a .docx one.
 *
 * Without usable row definitions (a damaged property table) the cells are placed left to right:
 * vertically merged cells then show as empty cells in their place (positions kept), but
 * horizontally merged cells are one cell, so such a row has fewer cells than its neighbours and
 * the column spans are lost (`mergesKnown: false`). Nested tables are read as text of their outer
 * cell. Check-box form fields keep their state in the Data stream, which is not read: they give
 * no text.
 */
export function rebuildBlocks(text: string, pieces: Piece[], runs: PropsRun[]): { blocks: Block[]; warnings: string[] } {
  const blocks: Block[] = [];
  const warnings: string[] = [];
  const propsKnown = runs.length > 0;
  if (!propsKnown) warnings.push("未能读取段落属性，表格边界按单元格标记推断");

  let buf = "";
  let paragraphIndex = 0;
  let cellParas: string[] = [];
  let rowCells: string[][] = [];
  let rows: DocRow[] | undefined;
  let tableCount = 0;
  /** Field nesting: false while reading a field's instruction, true in its result. */
  const fields: boolean[] = [];
  let inInstruction = 0;

  const propsOf = (cp: number): ParagraphProps | undefined => (propsKnown ? propsAt(runs, filePosition(pieces, cp)) : undefined);
  const closeTable = () => {
    if (!rows) return;
    blocks.push({ kind: "table", table: buildTable(++tableCount, rows) });
    rows = undefined;
  };
  const endField = () => {
    if (inInstruction > 0) {
      fields.fill(true);
      inInstruction = 0;
    }
  };

  const special = /[\x00-\x1f]/g;
  let from = 0;
  for (;;) {
    special.lastIndex = from;
    const m = special.exec(text);
    const at = m ? m.index : text.length;
    if (at > from && inInstruction === 0) buf += text.slice(from, at);
    if (!m) break;
    from = at + 1;
    const ch = text.charCodeAt(at);
    switch (ch) {
      case 0x13:
        fields.push(false);
        inInstruction++;
        break;
      case 0x14:
        if (fields.length > 0 && !fields[fields.length - 1]) {
          fields[fields.length - 1] = true;
          inInstruction--;
        }
        break;
      case 0x15:
        if (fields.length > 0 && !fields.pop()) inInstruction--;
        break;
      case 0x09:
        if (inInstruction === 0) buf += "\t";
        break;
      case 0x0b:
        if (inInstruction === 0) buf += "\n";
        break;
      case 0x1e:
        if (inInstruction === 0) buf += "-";
        break;
      case 0x0d:
      case 0x0c: {
        endField();
        const props = propsOf(at);
        const inCell = props ? props.inTable : rows !== undefined || rowCells.length > 0;
        if (inCell) cellParas.push(buf);
        else {
          closeTable();
          paragraphIndex++;
          if (buf.trim() !== "") blocks.push({ kind: "paragraph", text: buf, loc: { kind: "paragraph", index: paragraphIndex } });
        }
        buf = "";
        break;
      }
      case 0x07: {
        endField();
        const props = propsOf(at);
        if (props?.rowEnd) {
          endRow(props);
          break;
        }
        if (!rows && !propsKnown && cellParas.length > 0 && rowCells.length === 0) {
          // No properties: at a table's start only the text right before the mark is the cell's.
          for (const para of cellParas) {
            paragraphIndex++;
            if (para.trim() !== "") blocks.push({ kind: "paragraph", text: para, loc: { kind: "paragraph", index: paragraphIndex } });
          }
          cellParas = [];
        }
        cellParas.push(buf);
        rowCells.push(cellParas);
        cellParas = [];
        buf = "";
        break;
      }
      case 0x0a:
        endField();
        endRow(propsOf(at));
        break;
      default:
        // Pictures, drawn objects, note and comment anchors, soft hyphens, deleted text (\x00).
        break;
    }
  }

  function endRow(props: ParagraphProps | undefined): void {
    if (buf !== "" || cellParas.length > 0) {
      // Text between the last cell mark and the row mark: keep it in a last cell.
      cellParas.push(buf);
      rowCells.push(cellParas);
    }
    (rows ??= []).push({ cells: rowCells, def: props?.row });
    rowCells = [];
    cellParas = [];
    buf = "";
  }

  // Paragraphs after the last row that no cell mark claimed are body text after the table.
  const trailing = rowCells.length > 0 ? [] : cellParas;
  if (rowCells.length > 0) endRow(undefined);
  closeTable();
  for (const para of [...trailing, buf]) {
    paragraphIndex++;
    if (para.trim() !== "") blocks.push({ kind: "paragraph", text: para, loc: { kind: "paragraph", index: paragraphIndex } });
  }
  return { blocks, warnings };
}

function buildTable(index: number, rows: DocRow[]): Table {
  const grid = rows.every((r) => r.def && r.def.cells.length === r.cells.length) ? gridLines(rows.map((r) => r.def!)) : undefined;
  const raw: RawTable = {
    index,
    rows: rows.map((r): RawRow => {
      if (!grid) return { gridBefore: 0, gridAfter: 0, deleted: false, cells: r.cells.map((paragraphs) => plainCell(paragraphs)) };
      const def = r.def!;
      const col = def.edges.map((x) => grid.indexOf(snap(grid, x)));
      return {
        gridBefore: col[0]!,
        gridAfter: grid.length - 1 - col[col.length - 1]!,
        deleted: false,
        cells: r.cells.map((paragraphs, i) => ({
          paragraphs,
          gridSpan: Math.max(1, col[i + 1]! - col[i]!),
          vMerge: mark(def.cells[i]!.vMerge),
          hMerge: mark(def.cells[i]!.hMerge),
          deleted: false,
        })),
      };
    }),
  };
  const table = expandTable(raw);
  return grid ? table : { ...table, mergesKnown: false };
}

function plainCell(paragraphs: string[]) {
  return { paragraphs, gridSpan: 1, vMerge: MERGE_NONE, hMerge: MERGE_NONE, deleted: false } as const;
}

function mark(m: 0 | 1 | 2): MergeMark {
  return m === 1 ? MERGE_RESTART : m === 2 ? MERGE_CONTINUE : MERGE_NONE;
}

/** The table's grid lines: every row's cell edges, near-equal ones taken as one line. */
function gridLines(defs: RowDef[]): number[] | undefined {
  const all = defs.flatMap((d) => d.edges).sort((a, b) => a - b);
  const lines: number[] = [];
  for (const x of all) if (lines.length === 0 || x - lines[lines.length - 1]! > EDGE_TOLERANCE) lines.push(x);
  // Edges must run left to right within a row, or the definition is not to be trusted.
  for (const d of defs) for (let i = 1; i < d.edges.length; i++) if (d.edges[i]! < d.edges[i - 1]!) return undefined;
  return lines.length > 64 ? undefined : lines;
}

function snap(lines: number[], x: number): number {
  let best = lines[0]!;
  for (const l of lines) if (Math.abs(l - x) < Math.abs(best - x)) best = l;
  return best;
}
