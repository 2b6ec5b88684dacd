/**
 * The table facts of a Word 97–2003 file's paragraphs, read from its paragraph property runs
 * (PlcBtePapx → PapxFkp pages, [MS-DOC] 2.8.x / 2.9.x): whether a paragraph is inside a table,
 * whether it is a row's end mark, and — on row end marks — the row's cell boundaries and merge
 * flags (sprmTDefTable), which give back the horizontal and vertical merges.
 */
export interface CellDef {
  /** 0 none, 1 first of a merge, 2 merged into the previous one. */
  hMerge: 0 | 1 | 2;
  vMerge: 0 | 1 | 2;
}

export interface RowDef {
  /** Cell edges in twips from the table's left: cells.length + 1 values. */
  edges: number[];
  cells: CellDef[];
}

export interface ParagraphProps {
  inTable: boolean;
  /** This paragraph is a table row's end mark (TTP). */
  rowEnd: boolean;
  /** Nesting depth: 0 outside tables, 1 for an ordinary table, 2+ inside a nested one. */
  depth: number;
  /** In a nested table (depth 2+), cells and rows end with paragraph marks flagged as such. */
  innerCellEnd: boolean;
  innerRowEnd: boolean;
  row: RowDef | undefined;
}

/** Paragraph properties covering the file positions [start, end) of the WordDocument stream. */
export interface PropsRun {
  start: number;
  end: number;
  props: ParagraphProps;
}

const SPRM_P_F_IN_TABLE = 0x2416;
const SPRM_P_F_TTP = 0x2417;
const SPRM_P_ITAP = 0x6649;
const SPRM_P_F_INNER_TABLE_CELL = 0x244b;
const SPRM_P_F_INNER_TTP = 0x244c;
const SPRM_P_CHG_TABS = 0xc615;
const SPRM_T_DEF_TABLE = 0xd608;
const SPRM_T_DEF_TABLE_10 = 0xd606;
const SPRM_T_VERT_MERGE = 0xd62b;
const SPRM_T_MERGE = 0x5624;
const SPRM_T_SPLIT = 0x5625;

const NONE: ParagraphProps = { inTable: false, rowEnd: false, depth: 0, innerCellEnd: false, innerRowEnd: false, row: undefined };

/**
 * Scan every PapxFkp page. Reads are bounds-checked: a damaged page yields fewer runs, never an
 * exception, so the caller can fall back to reading cell marks alone.
 */
export function scanParagraphProps(wordDocument: Uint8Array, tableStream: Uint8Array): PropsRun[] {
  const wd = new DataView(wordDocument.buffer, wordDocument.byteOffset, wordDocument.byteLength);
  const ts = new DataView(tableStream.buffer, tableStream.byteOffset, tableStream.byteLength);
  if (wordDocument.length < 0x10a) return [];
  const fc = wd.getUint32(0x102, true);
  const lcb = wd.getUint32(0x106, true);
  if (lcb < 12 || fc + lcb > tableStream.length) return [];
  const n = Math.floor((lcb - 4) / 8);
  const runs: PropsRun[] = [];
  for (let i = 0; i < n; i++) {
    const page = (ts.getUint32(fc + (n + 1) * 4 + i * 4, true) & 0x3fffff) * 512;
    if (page + 512 > wordDocument.length) continue;
    const crun = wd.getUint8(page + 511);
    if ((crun + 1) * 4 + crun * 13 > 511) continue;
    for (let j = 0; j < crun; j++) {
      const start = wd.getUint32(page + j * 4, true);
      const end = wd.getUint32(page + (j + 1) * 4, true);
      const bOffset = wd.getUint8(page + (crun + 1) * 4 + j * 13) * 2;
      if (bOffset === 0 || bOffset >= 511) {
        runs.push({ start, end, props: NONE });
        continue;
      }
      let cb = wd.getUint8(page + bOffset);
      let at = page + bOffset + 1;
      let size: number;
      if (cb !== 0) size = 2 * cb - 1;
      else {
        cb = wd.getUint8(at);
        at++;
        size = 2 * cb;
      }
      const limit = Math.min(at + size, page + 511);
      // The first two bytes are the style index; the property modifiers follow.
      runs.push({ start, end, props: readGrpprl(wd, at + 2, limit) });
    }
  }
  runs.sort((a, b) => a.start - b.start);
  return runs;
}

function readGrpprl(v: DataView, from: number, limit: number): ParagraphProps {
  const props: ParagraphProps = { ...NONE };
  let p = from;
  while (p + 2 <= limit) {
    const sprm = v.getUint16(p, true);
    p += 2;
    const operand = p;
    const size = operandSize(v, sprm, p, limit);
    if (size < 0 || p + size > limit) break;
    p += size;
    switch (sprm) {
      case SPRM_P_F_IN_TABLE:
        props.inTable = v.getUint8(operand) !== 0;
        break;
      case SPRM_P_F_TTP:
        props.rowEnd = v.getUint8(operand) !== 0;
        break;
      case SPRM_P_F_INNER_TABLE_CELL:
        props.innerCellEnd = v.getUint8(operand) !== 0;
        break;
      case SPRM_P_F_INNER_TTP:
        props.innerRowEnd = v.getUint8(operand) !== 0;
        break;
      case SPRM_P_ITAP:
        props.depth = v.getInt32(operand, true);
        break;
      case SPRM_T_DEF_TABLE:
      case SPRM_T_DEF_TABLE_10:
        props.row = readTableDef(v, operand + 2, operand + size, sprm === SPRM_T_DEF_TABLE ? 20 : 10);
        break;
      case SPRM_T_VERT_MERGE:
        if (props.row && size >= 3) {
          const cell = props.row.cells[v.getUint8(operand + 1)];
          if (cell) cell.vMerge = vertCode(v.getUint8(operand + 2));
        }
        break;
      case SPRM_T_MERGE:
        if (props.row) {
          const first = v.getUint8(operand);
          const lim = v.getUint8(operand + 1);
          for (let c = first; c < lim && c < props.row.cells.length; c++) props.row.cells[c]!.hMerge = c === first ? 1 : 2;
        }
        break;
      case SPRM_T_SPLIT:
        if (props.row) {
          const first = v.getUint8(operand);
          const lim = v.getUint8(operand + 1);
          for (let c = first; c < lim && c < props.row.cells.length; c++) props.row.cells[c]!.hMerge = 0;
        }
        break;
      default:
        break;
    }
  }
  if (!props.inTable) props.depth = 0;
  else if (props.depth < 1) props.depth = 1;
  return props;
}

/** Bytes of a modifier's operand, per its spra; -1 when it cannot be known. */
function operandSize(v: DataView, sprm: number, p: number, limit: number): number {
  switch (sprm >> 13) {
    case 0:
    case 1:
      return 1;
    case 2:
    case 4:
    case 5:
      return 2;
    case 3:
      return 4;
    case 7:
      return 3;
    case 6: {
      if (sprm === SPRM_T_DEF_TABLE || sprm === SPRM_T_DEF_TABLE_10) {
        // A two-byte length that counts one byte more than follows it.
        if (p + 2 > limit) return -1;
        return 2 + v.getUint16(p, true) - 1;
      }
      if (p + 1 > limit) return -1;
      const cb = v.getUint8(p);
      if (sprm === SPRM_P_CHG_TABS && cb === 255) return chgTabsSize(v, p, limit);
      return 1 + cb;
    }
    default:
      return -1;
  }
}

/** sprmPChgTabs with a 255 length byte: the size follows from its two tab lists. */
function chgTabsSize(v: DataView, p: number, limit: number): number {
  let q = p + 1;
  if (q >= limit) return -1;
  const del = v.getUint8(q);
  q += 1 + del * 4;
  if (q >= limit) return -1;
  const add = v.getUint8(q);
  q += 1 + add * 3;
  return q - p;
}

function vertCode(code: number): 0 | 1 | 2 {
  return code === 3 ? 1 : code === 1 || code === 2 ? 2 : 0;
}

function readTableDef(v: DataView, p: number, end: number, tcSize: number): RowDef | undefined {
  if (p >= end) return undefined;
  const count = v.getUint8(p);
  p++;
  if (count === 0 || p + (count + 1) * 2 > end) return undefined;
  const edges: number[] = [];
  for (let i = 0; i <= count; i++) edges.push(v.getInt16(p + i * 2, true));
  p += (count + 1) * 2;
  const cells: CellDef[] = [];
  for (let i = 0; i < count; i++) {
    const at = p + i * tcSize;
    // Cell descriptors may be left out at the end of the list; those cells are plain.
    if (at + 2 > end) cells.push({ hMerge: 0, vMerge: 0 });
    else {
      const flags = v.getUint16(at, true);
      const horz = flags & 0x3;
      cells.push({ hMerge: horz === 1 ? 1 : horz >= 2 ? 2 : 0, vMerge: vertCode((flags >> 5) & 0x3) });
    }
  }
  return { edges, cells };
}

/** The properties of the paragraph whose end mark sits at file position `fc`. */
export function propsAt(runs: PropsRun[], fc: number): ParagraphProps {
  let lo = 0;
  let hi = runs.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const r = runs[mid]!;
    if (fc < r.start) hi = mid - 1;
    else if (fc >= r.end) lo = mid + 1;
    else return r.props;
  }
  return NONE;
}
