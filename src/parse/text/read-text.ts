import { PerfgoalError } from "../../model/errors.js";
import type { SourceDocument } from "../document.js";
import { BlockSink } from "./blocks.js";
import { decodeText } from "./decode.js";
import { detectLayout, type TextLayout } from "./detect-layout.js";
import { readTabSeparated } from "./layouts/tab-separated.js";
import { readWordExport } from "./layouts/word-export.js";
import { splitLines } from "./lines.js";
import { readStream, type StreamResult } from "../stream/read-stream.js";

/**
 * Text form → neutral document (format "txt"): decode (encoding detected); Word's TAB export and
 * TAB-separated copies are read as grids, everything else by the stream reader (header rows,
 * paragraphs, and each indicator block as a grid aligned to its column template).
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
  let reading: StreamResult | undefined;
  switch (chosen) {
    case "stream":
      reading = readStream(lines, sink);
      break;
    case "word-export":
      readWordExport(lines, sink);
      break;
    case "tab-separated":
      readTabSeparated(text, sink);
      break;
    case "plain":
      lines.forEach((l, i) => sink.paragraph(l, i + 1));
      break;
  }
  // No table read means the text is no table at all; the extractor says so (PG-E-NO-TABLE).
  const meta: SourceDocument["meta"] = { format: "txt", textLayout: sink.tableCount === 0 ? "plain" : chosen };
  if (reading?.problems.length) meta.problems = reading.problems;
  if (reading?.noTable) meta.noTable = reading.noTable;
  return { blocks: sink.blocks, meta, warnings: [] };
}
