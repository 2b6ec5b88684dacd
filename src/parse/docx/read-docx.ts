import type { Block, SourceDocument } from "../document.js";
import { readBody } from "./body-reader.js";
import { expandTable, MAX_GRID_CELLS, type HiddenInCell } from "./grid.js";
import { hiddenTextWarning } from "./hidden-text.js";
import { findMainDocument, findStylesPart } from "./package.js";
import { readHiddenStyles, type HiddenStyles } from "./styles.js";
import { doctypeRefusal, XmlScanError } from "./xml-scan.js";
import { asZip, MAX_TOTAL_INFLATED, readEntry, type ZipArchive } from "./zip.js";

/**
 * .docx → neutral document: body paragraphs and every table as an expanded grid, in reading
 * order. Only the main document part is inflated (headers, footers and media are not read).
 * Text Word does not show (hidden runs) is not read; a warning says where it was.
 * Bad input throws a PerfgoalError: PG-E-CORRUPT (truncated zip or XML), PG-E-ZIP-BOMB,
 * PG-E-XML (malformed XML or a DOCTYPE), PG-E-FORMAT (a zip that is not a Word document),
 * PG-E-TOO-LARGE (absurd table sizes).
 */
export function readDocx(input: Uint8Array | ZipArchive): SourceDocument {
  const zip = asZip(input);
  const budget = { remaining: MAX_TOTAL_INFLATED };
  const main = findMainDocument(zip, budget);
  const warnings: string[] = [];
  const styles = hiddenStyles(findStylesPart(zip, main, budget), warnings);
  const raw = readBody(readEntry(zip, main, budget), styles);

  const cells = { cells: MAX_GRID_CELLS };
  const hiddenCells: HiddenInCell[] = [];
  const blocks: Block[] = raw.blocks.map((b) =>
    b.kind === "paragraph"
      ? { kind: "paragraph", text: b.text, loc: { kind: "paragraph", index: b.index } }
      : { kind: "table", table: expandTable(b.table, cells, hiddenCells) },
  );
  const hidden = hiddenTextWarning(hiddenCells, raw.hiddenInBody);
  return { blocks, meta: { format: "docx" }, warnings: [...warnings, ...raw.warnings, ...(hidden ? [hidden] : [])] };
}

/** The styles that hide text; a damaged styles part is said, not fatal (only hiding is read from it). */
function hiddenStyles(xml: Uint8Array | undefined, warnings: string[]): HiddenStyles | undefined {
  if (!xml) return undefined;
  try {
    return readHiddenStyles(xml);
  } catch (e) {
    if (!(e instanceof XmlScanError)) throw e;
    if (e.kind === "doctype") throw doctypeRefusal();
    warnings.push("样式部件（styles.xml）无法解析：由样式设为隐藏的文字无法识别，已按显示读入");
    return undefined;
  }
}

