import type { TextRun } from "./page-content.js";

/** Runs sharing a baseline, left to right. */
export interface TextLine {
  y: number;
  size: number;
  runs: TextRun[];
}

/** Baselines closer than this share a line, as a fraction of the font size. */
const SAME_LINE = 0.35;

/** Group runs into lines by baseline (top of the page first), each line's runs by x. */
export function groupLines(runs: readonly TextRun[]): TextLine[] {
  const sorted = [...runs].sort((a, b) => b.y - a.y || a.x - b.x);
  const lines: TextLine[] = [];
  for (const run of sorted) {
    const line = lines[lines.length - 1];
    if (line && Math.abs(line.y - run.y) <= SAME_LINE * Math.max(line.size, run.size)) {
      line.runs.push(run);
      line.size = Math.max(line.size, run.size);
    } else lines.push({ y: run.y, size: run.size, runs: [run] });
  }
  for (const line of lines) line.runs.sort((a, b) => a.x - b.x);
  return lines;
}

/**
 * A line's text. Runs are joined as drawn; a gap wider than half an em with no space drawn in it
 * becomes one space (producers often leave the space out and move the pen instead).
 */
export function lineText(line: TextLine): string {
  let out = "";
  let end = -Infinity;
  line.runs.forEach((run, i) => {
    if (run.gap && autospace(line, i)) return;
    if (out !== "" && run.x - end > 0.5 * line.size && !/\s$/.test(out) && !/^\s/.test(run.text)) out += " ";
    out += run.text;
    end = Math.max(end, run.x + run.width);
  });
  return out;
}

const HAN = /[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]/;
const LATIN = /[A-Za-z0-9]/;

/**
 * A space pdf.js put for a gap that is not one: the room left between the inked runs either side
 * (runs in two fonts can overlap the gap pdf.js measured) is almost nothing, or it is the narrow
 * spacing word processors add between a Chinese character and a Latin letter or digit by
 * themselves (LibreOffice, Word's "autospace"), not a space typed.
 */
function autospace(line: TextLine, i: number): boolean {
  let p = i - 1;
  while (p >= 0 && line.runs[p]!.gap) p--;
  let n = i + 1;
  while (n < line.runs.length && line.runs[n]!.gap) n++;
  const prev = line.runs[p];
  const next = line.runs[n];
  if (!prev || !next) return false;
  const room = next.x - (prev.x + prev.width);
  if (room <= 0.1 * line.size) return true;
  if (room > 0.35 * line.size) return false;
  const before = prev.text.slice(-1);
  const after = next.text.slice(0, 1);
  return (HAN.test(before) && LATIN.test(after)) || (LATIN.test(before) && HAN.test(after));
}

/** Left and right ends of the drawn text of a line (spaces at the ends not counted). */
export function lineExtent(line: TextLine): { left: number; right: number } {
  const inked = line.runs.filter((r) => r.text.trim() !== "");
  const runs = inked.length > 0 ? inked : line.runs;
  return { left: Math.min(...runs.map((r) => r.x)), right: Math.max(...runs.map((r) => r.x + r.width)) };
}
