import { groupLines, lineExtent, lineText } from "./lines.js";
import type { TextRun } from "./page-content.js";

/** Latin letters and digits either side of a wrap were one word apart: the wrap took their space. */
const LATIN_END = /[A-Za-z0-9%.,;:)]$/;
const LATIN_START = /^[A-Za-z0-9(]/;

/**
 * The text of a cell from the runs drawn in it. Lines the cell's width wrapped are joined again
 * (a wrap is where the line reaches the cell's right edge, within two ems); a shorter line ended
 * a paragraph, kept as "\n", as the .docx reader keeps paragraphs.
 */
export function cellText(runs: readonly TextRun[], left: number, right: number): string {
  const lines = groupLines(runs);
  let out = "";
  lines.forEach((line, i) => {
    const text = lineText(line).replace(/\s+$/, "");
    if (i === 0) {
      out = text;
      return;
    }
    const prev = lines[i - 1]!;
    const wrapped = right - lineExtent(prev).right < 2 * prev.size + 4 && left < right;
    if (!wrapped) out += "\n" + text;
    else if (LATIN_END.test(out) && LATIN_START.test(text)) out += " " + text;
    else out += text;
  });
  return out.replace(/^\s+/, "");
}
