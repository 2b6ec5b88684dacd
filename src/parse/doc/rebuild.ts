import type { Block, Table } from "../document.js";
import { expandTable } from "../docx/grid.js";
import { MERGE_CONTINUE, MERGE_NONE, MERGE_RESTART, type MergeMark, type RawRow, type RawTable } from "../docx/raw.js";
import { propsAt, type ParagraphProps, type PropsRun, type RowDef } from "./paragraph-props.js";
import { filePosition, type Piece } from "./word-text.js";

/** Cell edges closer than this (twips, 1/1440 inch) are the same grid line: rounding differs per row. */
const EDGE_TOLERANCE = 15;

/** As for .docx: deeper nesting is read as text of the deepest cell. */
const MAX_TABLE_DEPTH = 64;

interface DocRow {
  cells: string[][];
  def: RowDef | undefined;
}

/** A table being read: its finished rows, the cells of the open row, the paragraphs of the open cell. */
interface TableContext {
  index: number;
  /** Where its block goes, reserved when it opened (a nested table comes after its parent). */
  slot: number;
  rows: DocRow[];
  rowCells: string[][];
  cellParas: string[];
}

/**
 * Turn the marked-up main text of a .doc into paragraphs and tables.
 *
 * Structure comes from the marks and the paragraph properties: "\r" ends a paragraph, "\x07"
 * ends a cell, "\n" (or a "\x07" whose paragraph is a row end) ends a row; a paragraph's
 * properties say whether it sits in a table and how deep; in nested tables cells and rows end with
 * flagged "\r" marks. Each row-end paragraph also carries the row's cell edges and merge flags,
 * from which the grid is rebuilt with its merges like a .docx one; a nested table becomes its own
 * table, numbered after its parent, and the outer cell keeps only its own text.
 *
 * Without usable row definitions (a damaged property table) the cells are placed left to right:
 * vertically merged cells then show as empty cells in their place (positions kept), but
 * horizontally merged cells are one cell, so such a row has fewer cells than its neighbours and
 * the column spans are lost (`mergesKnown: false`). Without any paragraph properties, tables are
 * told from the cell marks alone: text between two tables may then join the next table's first
 * cell, and nested tables are read as text of their outer cell. Check-box form fields keep their
 * state in the Data stream, which is not read: they give no text.
 */
export function rebuildBlocks(text: string, pieces: Piece[], runs: PropsRun[]): { blocks: Block[]; warnings: string[] } {
  const blocks: (Block | undefined)[] = [];
  const warnings: string[] = [];
  const propsKnown = runs.length > 0;
  if (!propsKnown) warnings.push("未能读取段落属性，表格边界按单元格标记推断");

  let buf = "";
  let paragraphIndex = 0;
  let tableCount = 0;
  const open: TableContext[] = [];
  /** Field nesting: false while reading a field's instruction, true in its result. */
  const fields: boolean[] = [];
  let inInstruction = 0;
  let depthWarned = false;

  const propsOf = (cp: number): ParagraphProps | undefined => (propsKnown ? propsAt(runs, filePosition(pieces, cp)) : undefined);
  const top = (): TableContext => open[open.length - 1]!;
  const bodyParagraph = (para: string) => {
    paragraphIndex++;
    if (para.trim() !== "") blocks.push({ kind: "paragraph", text: para, loc: { kind: "paragraph", index: paragraphIndex } });
  };
  const endCell = (ctx: TableContext) => {
    ctx.cellParas.push(buf);
    ctx.rowCells.push(ctx.cellParas);
    ctx.cellParas = [];
    buf = "";
  };
  const endRow = (ctx: TableContext, def: RowDef | undefined) => {
    // Text between the last cell mark and the row mark: keep it in a last cell.
    if (buf !== "" || ctx.cellParas.length > 0) endCell(ctx);
    ctx.rows.push({ cells: ctx.rowCells, def });
    ctx.rowCells = [];
    buf = "";
  };
  const closeTable = () => {
    const ctx = open.pop()!;
    if (ctx.rowCells.length > 0 || ctx.cellParas.length > 0) {
      ctx.cellParas.forEach((para) => ctx.rowCells.push([para]));
      ctx.cellParas = [];
      ctx.rows.push({ cells: ctx.rowCells, def: undefined });
    }
    blocks[ctx.slot] = { kind: "table", table: buildTable(ctx.index, ctx.rows) };
  };
  /** Close the tables deeper than `depth` and open the missing ones up to it. */
  const atDepth = (wanted: number) => {
    let depth = wanted;
    if (depth > MAX_TABLE_DEPTH) {
      depth = MAX_TABLE_DEPTH;
      if (!depthWarned) warnings.push(`表格嵌套超过 ${MAX_TABLE_DEPTH} 层，更深的表格按文字读入所在单元格`);
      depthWarned = true;
    }
    while (open.length > depth) closeTable();
    while (open.length < depth) open.push({ index: ++tableCount, slot: blocks.push(undefined) - 1, rows: [], rowCells: [], cellParas: [] });
    return depth;
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
    switch (text.charCodeAt(at)) {
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
        if (!props) {
          // Without properties: inside a table once one has started, until the text ends.
          if (open.length > 0) top().cellParas.push(buf);
          else bodyParagraph(buf);
          buf = "";
          break;
        }
        const depth = atDepth(props.depth);
        if (depth === 0) bodyParagraph(buf);
        else if (depth >= 2 && props.innerRowEnd) endRow(top(), props.row);
        else if (depth >= 2 && props.innerCellEnd) endCell(top());
        else top().cellParas.push(buf);
        buf = "";
        break;
      }
      case 0x07: {
        endField();
        const props = propsOf(at);
        // Without properties a cell mark opens a table; the paragraphs before it stayed body text.
        atDepth(props ? Math.max(1, props.rowEnd ? 1 : props.depth) : Math.max(1, open.length));
        if (props?.rowEnd) endRow(top(), props.row);
        else endCell(top());
        break;
      }
      case 0x0a: {
        endField();
        const props = propsOf(at);
        atDepth(1);
        endRow(top(), props?.row);
        break;
      }
      default:
        // Pictures, drawn objects, note and comment anchors, soft hyphens, deleted text (\x00).
        break;
    }
  }

  // Paragraphs after the last row that no cell mark claimed are body text after the table.
  const trailing: string[] = [];
  if (open.length === 1 && top().rowCells.length === 0) trailing.push(...top().cellParas.splice(0));
  while (open.length > 0) closeTable();
  for (const para of [...trailing, buf]) bodyParagraph(para);
  return { blocks: blocks.filter((b): b is Block => b !== undefined), warnings };
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
