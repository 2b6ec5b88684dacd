/**
 * A cell's text as the extractor wants it: each paragraph trimmed (padding spaces and U+3000 at both
 * ends go, inner runs of spaces stay), empty paragraphs dropped, the rest joined with "\n".
 * `年度本级\n\n预算金额` → `年度本级\n预算金额`; `≧95%\n　` → `≧95%`.
 */
export function cellText(paragraphs: readonly string[]): string {
  const kept: string[] = [];
  for (const p of paragraphs) {
    const t = p.trim();
    if (t !== "") kept.push(t);
  }
  return kept.join("\n");
}

/** The same for one string that may hold line breaks. */
export function cleanCellText(raw: string): string {
  return raw.includes("\n") || raw.includes("\r") ? cellText(raw.split(/\r\n|\r|\n/)) : raw.trim();
}
