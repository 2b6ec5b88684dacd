import { strFromU8, unzipSync } from "fflate";
import { SaxesParser, type SaxesTagPlain } from "saxes";
import path from "node:path";

/** A rendered .docx, unzipped: part name → bytes. */
export function unzipDocx(bytes: Uint8Array): Record<string, Uint8Array> {
  return unzipSync(bytes);
}

/** Walk an XML part with saxes; throws on a well-formedness error. */
export function walkXml(xml: string, onOpen: (tag: SaxesTagPlain) => void = () => {}, onClose: (tag: SaxesTagPlain) => void = () => {}): void {
  const parser = new SaxesParser();
  let error: Error | undefined;
  parser.on("error", (e) => {
    error ??= e;
  });
  parser.on("opentag", (t) => onOpen(t as SaxesTagPlain));
  parser.on("closetag", (t) => onClose(t as SaxesTagPlain));
  parser.write(xml).close();
  if (error) throw error;
}

/** Parts whose XML does not parse, with the parser's message. */
export function malformedParts(parts: Record<string, Uint8Array>): string[] {
  const bad: string[] = [];
  for (const [name, data] of Object.entries(parts)) {
    if (!/\.(xml|rels)$/.test(name)) continue;
    try {
      walkXml(strFromU8(data));
    } catch (e) {
      bad.push(`${name}: ${(e as Error).message}`);
    }
  }
  return bad;
}

/** Internal relationships whose target part is missing. */
export function danglingRelationships(parts: Record<string, Uint8Array>): string[] {
  const bad: string[] = [];
  for (const name of Object.keys(parts).filter((n) => n.endsWith(".rels"))) {
    // `word/_rels/document.xml.rels` describes `word/document.xml`; `_rels/.rels` the package.
    const sourceDir = path.posix.dirname(path.posix.dirname(name));
    walkXml(strFromU8(parts[name]!), (tag) => {
      if (tag.name !== "Relationship" || tag.attributes.TargetMode === "External") return;
      const target = tag.attributes.Target ?? "";
      const resolved = target.startsWith("/") ? target.slice(1) : path.posix.normalize(path.posix.join(sourceDir === "." ? "" : sourceDir, target));
      if (!(resolved in parts)) bad.push(`${name}: ${tag.attributes.Id} → ${target}`);
    });
  }
  return bad;
}

/** Parts that `[Content_Types].xml` gives no content type (neither an Override nor a Default). */
export function partsWithoutContentType(parts: Record<string, Uint8Array>): string[] {
  const overrides = new Set<string>();
  const defaults = new Set<string>();
  walkXml(strFromU8(parts["[Content_Types].xml"]!), (tag) => {
    if (tag.name === "Override") overrides.add(tag.attributes.PartName!.replace(/^\//, ""));
    if (tag.name === "Default") defaults.add(tag.attributes.Extension!.toLowerCase());
  });
  return Object.keys(parts).filter((p) => {
    if (p === "[Content_Types].xml" || p.endsWith("/")) return false;
    const base = path.posix.basename(p);
    const ext = base.includes(".") ? base.slice(base.lastIndexOf(".") + 1).toLowerCase() : "";
    return !overrides.has(p) && !defaults.has(ext);
  });
}

export interface GridProblem {
  table: number;
  row: number;
  problem: string;
}

interface TableState {
  index: number;
  gridCols: number;
  row: number;
  col: number;
  /** Per grid column: the span of a vertical merge open above it (its start column and width). */
  open: ({ start: number; span: number } | undefined)[];
  cell?: { span: number; vMerge?: string; start: number };
  rowSeen: boolean;
}

/**
 * Every table row adds up to the grid (Σ gridSpan + gridBefore + gridAfter = number of gridCol),
 * and every vMerge continuation sits under a restart (or another continuation) of the same columns.
 */
export function tableGridProblems(documentXml: string): GridProblem[] {
  const problems: GridProblem[] = [];
  const stack: TableState[] = [];
  let tables = 0;
  const top = () => stack[stack.length - 1];
  walkXml(
    documentXml,
    (tag) => {
      const t = top();
      const val = tag.attributes["w:val"];
      switch (tag.name) {
        case "w:tbl":
          stack.push({ index: ++tables, gridCols: 0, row: 0, col: 0, open: [], rowSeen: false });
          break;
        case "w:gridCol":
          if (t) t.gridCols++;
          break;
        case "w:tr":
          if (t) {
            t.row++;
            t.col = 0;
          }
          break;
        case "w:gridBefore":
        case "w:gridAfter":
          if (t) t.col += Number(val ?? 0);
          break;
        case "w:tc":
          if (t) t.cell = { span: 1, start: t.col };
          break;
        case "w:gridSpan":
          if (t?.cell) t.cell.span = Number(val ?? 1);
          break;
        case "w:vMerge":
          if (t?.cell) t.cell.vMerge = val ?? "continue";
          break;
      }
    },
    (tag) => {
      const t = top();
      if (!t) return;
      if (tag.name === "w:tc" && t.cell) {
        const { span, start, vMerge } = t.cell;
        if (vMerge === "continue") {
          const above = t.open[start];
          if (!above || above.start !== start || above.span !== span) problems.push({ table: t.index, row: t.row, problem: `vMerge continue at column ${start + 1} without a restart above` });
        }
        for (let c = start; c < start + span; c++) t.open[c] = vMerge ? { start, span } : undefined;
        t.col += span;
        t.cell = undefined;
      } else if (tag.name === "w:tr") {
        if (t.col !== t.gridCols) problems.push({ table: t.index, row: t.row, problem: `row covers ${t.col} of ${t.gridCols} grid columns` });
      } else if (tag.name === "w:tbl") stack.pop();
    },
  );
  return problems;
}

/** Every element name in a part, for presence checks (w:tblHeader, w:cantSplit …). */
export function elementsOf(xml: string): { name: string; attributes: Record<string, string> }[] {
  const out: { name: string; attributes: Record<string, string> }[] = [];
  walkXml(xml, (tag) => out.push({ name: tag.name, attributes: tag.attributes }));
  return out;
}
