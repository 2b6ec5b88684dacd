/**
 * How a text is read: as one of the two grids programs write, or by the stream reader. A text
 * from which no table was read is reported as `plain`.
 */
export type TextLayout = "word-export" | "tab-separated" | "stream" | "plain";

/**
 * TABs mark the two grids that programs write (Word's "save as text", one TAB-led cell per line,
 * and spreadsheet copies, TAB-separated rows): their rows and cells are certain, and their readers
 * rebuild the grid. Everything else — what web pages, PDFs and editors give — goes to the stream
 * reader, which reads each line by its own shape and the table by its vocabulary.
 */
export function detectLayout(lines: readonly string[]): TextLayout {
  let leadingTabOnly = 0;
  let innerTabs = 0;
  for (const line of lines) {
    const tab = line.indexOf("\t");
    if (tab === 0 && line.indexOf("\t", 1) < 0) leadingTabOnly++;
    else if (tab >= 0) innerTabs++;
  }
  // A tab-separated table with an empty first column also has leading-TAB lines, but it has inner TABs too.
  if (innerTabs > 0 && innerTabs * 10 >= leadingTabOnly) return "tab-separated";
  if (leadingTabOnly >= 2) return "word-export";
  return "stream";
}
