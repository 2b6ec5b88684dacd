/** Text as compared: NFKC, no whitespace, no punctuation. */
export function normaliseText(text: string): string {
  return text.normalize("NFKC").replace(/[\s\p{P}\p{S}]+/gu, "");
}

/** Share of the distinct characters of `a` that also occur in `b` (0 … 1). */
export function sharedCharRatio(a: string, b: string): number {
  const chars = new Set(normaliseText(a));
  if (chars.size === 0) return 0;
  const other = new Set(normaliseText(b));
  let shared = 0;
  for (const c of chars) if (other.has(c)) shared++;
  return shared / chars.size;
}

/** Shorten long cell text for a message. */
export function excerpt(text: string, max = 24): string {
  const t = text.trim().replace(/\s+/g, " ");
  return t.length <= max ? t : `${t.slice(0, max)}…`;
}
