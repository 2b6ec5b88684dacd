/**
 * Where a piece of the model came from, so a finding can point at "表2 第7行第4列" or a line.
 * Rows and columns are 1-based, counted in the expanded grid (after merges are resolved).
 */
export type Location =
  | { kind: "cell"; table: number; row: number; col: number }
  | { kind: "line"; line: number; col?: number }
  | { kind: "paragraph"; index: number }
  /** A spreadsheet cell as the sheet numbers it (`Sheet1!C14`); `sheetIndex` is its 1-based place in the workbook. */
  | { kind: "sheetCell"; sheet: string; sheetIndex: number; row: number; col: number }
  /** A PDF: the page, and the line on it counted from the top (every baseline of text is a line). */
  | { kind: "page"; page: number; line: number };

/** Model path (e.g. `indicators.annual[3].value`) → source location. */
export type SourceMap = Map<string, Location>;

/** The most specific location known for a path: the path itself, else its nearest ancestor. */
export function locate(map: SourceMap | undefined, path: string): Location | undefined {
  if (!map) return undefined;
  let p = path;
  for (;;) {
    const hit = map.get(p);
    if (hit) return hit;
    const cut = Math.max(p.lastIndexOf("."), p.lastIndexOf("["));
    if (cut <= 0) return undefined;
    p = p.slice(0, cut);
  }
}

export function formatLocation(loc: Location | undefined, lang: "zh" | "en" = "zh"): string {
  if (!loc) return "";
  // The reference a spreadsheet user types into the name box reads the same in both languages.
  if (loc.kind === "sheetCell") return sheetCellRef(loc.sheet, loc.row, loc.col);
  if (lang === "zh") {
    if (loc.kind === "cell") return `表${loc.table} 第${loc.row}行第${loc.col}列`;
    if (loc.kind === "line") return loc.col ? `第${loc.line}行第${loc.col}列` : `第${loc.line}行`;
    if (loc.kind === "page") return `第${loc.page}页第${loc.line}行`;
    return `第${loc.index}段`;
  }
  if (loc.kind === "cell") return `table ${loc.table} row ${loc.row} col ${loc.col}`;
  if (loc.kind === "line") return loc.col ? `line ${loc.line}:${loc.col}` : `line ${loc.line}`;
  if (loc.kind === "page") return `page ${loc.page} line ${loc.line}`;
  return `paragraph ${loc.index}`;
}

/** `Sheet1!C14`, the sheet name quoted (`'项目 表'!C14`) when it holds anything but letters, digits, `_` and `.`. */
export function sheetCellRef(sheet: string, row: number, col: number): string {
  const name = /^[\p{L}\p{N}_.]+$/u.test(sheet) && !/^\d/.test(sheet) ? sheet : `'${sheet.replace(/'/g, "''")}'`;
  return `${name}!${columnLetters(col)}${row}`;
}

/** `A` … `XFD` for columns 1 … 16384. */
export function columnLetters(col: number): string {
  let s = "";
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}
