/**
 * Display width as a monospaced text view shows it: CJK and full-width characters take two columns.
 * Used to line up cells of text copied from PDFs, where columns are padded with spaces.
 */
export function charWidth(c: number): number {
  if (c < 0x1100) return 1;
  if (c >= 0xdc00 && c <= 0xdfff) return 0; // low surrogate: counted with its high half
  if (c >= 0xd800 && c <= 0xdbff) return 2; // astral CJK (U+20000 …) is wide
  if (
    (c >= 0x1100 && c <= 0x115f) ||
    (c >= 0x2e80 && c <= 0xa4cf) ||
    (c >= 0xac00 && c <= 0xd7a3) ||
    (c >= 0xf900 && c <= 0xfaff) ||
    (c >= 0xfe30 && c <= 0xfe4f) ||
    (c >= 0xff00 && c <= 0xff60) ||
    (c >= 0xffe0 && c <= 0xffe6)
  ) {
    return 2;
  }
  return 1;
}
