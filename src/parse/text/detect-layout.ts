import { isPipeRow } from "./layouts/pipe-rows.js";
import { splitSpaced } from "./layouts/space-separated.js";

/** The text layouts perfgoal reads tables from; `plain` means no table structure was found. */
export type TextLayout = "word-export" | "pipe-rows" | "web-copy" | "tab-separated" | "space-separated" | "plain";

/**
 * Decide a file's layout from line shapes, most specific first:
 * web copy (lines that are just `|`, cells ending in ` |`) → pipe rows → TABs (a TAB inside lines
 * means tab-separated; only a leading TAB means Word's export) → runs of spaces → plain.
 */
export function detectLayout(lines: readonly string[]): TextLayout {
  let rowStarts = 0;
  let cellEnds = 0;
  let pipeRows = 0;
  let leadingTabOnly = 0;
  let innerTabs = 0;
  for (const line of lines) {
    const t = line.trim();
    if (t === "|") rowStarts++;
    else if (t.endsWith("|") && !t.startsWith("|")) cellEnds++;
    else if (isPipeRow(line)) pipeRows++;
    const tab = line.indexOf("\t");
    if (tab === 0 && line.indexOf("\t", 1) < 0) leadingTabOnly++;
    else if (tab >= 0) innerTabs++;
  }
  if (rowStarts >= 2 && cellEnds >= rowStarts) return "web-copy";
  if (pipeRows >= 2) return "pipe-rows";
  // A tab-separated table with an empty first column also has leading-TAB lines, but it has inner TABs too.
  if (innerTabs > 0 && innerTabs * 10 >= leadingTabOnly) return "tab-separated";
  if (leadingTabOnly >= 2) return "word-export";
  let spaced = 0;
  for (const line of lines) {
    if (splitSpaced(line, 2).length >= 2 && ++spaced >= 2) return "space-separated";
  }
  return "plain";
}
