/**
 * The remark for text a .docx holds but Word does not show (`w:vanish`): it is not read, and the
 * reviewer is told where it was, since the file then says more than its signer saw.
 */
import type { HiddenInCell } from "./grid.js";

/** Places named in the remark; the rest are counted. */
const MAX_PLACES = 5;
const MAX_QUOTE = 20;

/** One warning line naming where hidden text sat, or undefined when there was none. */
export function hiddenTextWarning(cells: readonly HiddenInCell[], paragraphs: readonly [number, string][]): string | undefined {
  const places = [
    ...paragraphs.filter(([, text]) => text.trim() !== "").map(([index, text]) => `第${index}段“${quote(text)}”`),
    ...cells.map((c) => `表格${c.table}第${c.row}行第${c.col}列“${quote(c.text)}”`),
  ];
  if (places.length === 0) return undefined;
  const more = places.length > MAX_PLACES ? `等 ${places.length} 处` : "";
  return `含 Word 不显示的隐藏文字，未读入：${places.slice(0, MAX_PLACES).join("，")}${more}`;
}

/** The hidden text on one line, shortened: it is quoted, not reproduced. */
function quote(text: string): string {
  const line = text.replace(/\s+/g, " ").trim();
  return line.length > MAX_QUOTE ? `${line.slice(0, MAX_QUOTE)}…` : line;
}
