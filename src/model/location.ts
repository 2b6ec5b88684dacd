/**
 * Where a piece of the model came from, so a finding can point at "表2 第7行第4列" or a line.
 * Rows and columns are 1-based, counted in the expanded grid (after merges are resolved).
 */
export type Location =
  | { kind: "cell"; table: number; row: number; col: number }
  | { kind: "line"; line: number; col?: number }
  | { kind: "paragraph"; index: number }
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
