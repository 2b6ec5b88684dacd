import { PerfgoalError } from "../../model/errors.js";
import type { SourceDocument } from "../document.js";
import { BlockSink } from "./blocks.js";
import { decodeText } from "./decode.js";
import { detectLayout, type TextLayout } from "./detect-layout.js";
import { readPipeRows } from "./layouts/pipe-rows.js";
import { readSpaceSeparated } from "./layouts/space-separated.js";
import { readTabSeparated } from "./layouts/tab-separated.js";
import { readWebCopy } from "./layouts/web-copy.js";
import { readWordExport } from "./layouts/word-export.js";
import { splitLines } from "./lines.js";

/**
 * Text form → neutral document (format "txt"): decode (encoding detected), detect the text layout,
 * turn its table into a grid and every other non-blank line into a paragraph.
 * Cells carry `{kind: "line", line, col}` locations (1-based; line of the cell's first line).
 */
export function readText(bytes: Uint8Array): SourceDocument {
  if (bytes.length === 0) throw new PerfgoalError("PG-E-EMPTY");
  const decoded = decodeText(bytes);
  const doc = readTextString(decoded.text);
  return { ...doc, meta: { ...doc.meta, encoding: decoded.encoding }, warnings: [...decoded.warnings, ...doc.warnings] };
}

/** The same from text already decoded (the layout may be forced, e.g. by a test). */
export function readTextString(text: string, layout?: TextLayout): SourceDocument {
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const lines = splitLines(text);
  const chosen = layout ?? detectLayout(lines);
  const sink = new BlockSink();
  switch (chosen) {
    case "word-export":
      readWordExport(lines, sink);
      break;
    case "pipe-rows":
      readPipeRows(lines, sink);
      break;
    case "web-copy":
      readWebCopy(lines, sink);
      break;
    case "tab-separated":
      readTabSeparated(text, sink);
      break;
    case "space-separated":
      readSpaceSeparated(lines, sink);
      break;
    case "plain":
      lines.forEach((l, i) => sink.paragraph(l, i + 1));
      break;
  }
  // No table read means the text is no table at all; the extractor says so (PG-E-NO-TABLE).
  return { blocks: sink.blocks, meta: { format: "txt", textLayout: sink.tableCount === 0 ? "plain" : chosen }, warnings: [] };
}
