/**
 * Characters drawn with symbol fonts. Word stores them as a font name plus a code (often in the
 * U+F0xx private range); without the font the code means nothing, so the ones that carry meaning
 * in forms (check boxes, comparison signs) are mapped to their Unicode equivalents.
 */
const CHECKED = "☑";
const UNCHECKED = "□";
const CROSSED = "☒";

const WINGDINGS: Record<number, string> = {
  0x6f: UNCHECKED,
  0x71: UNCHECKED,
  0x72: UNCHECKED,
  0xa8: UNCHECKED,
  0xfe: CHECKED,
  0xfd: CROSSED,
  0xfc: "✓",
  0xfb: "✗",
  0x6e: "■",
  0x6c: "●",
  0xa1: "○",
};

const WINGDINGS_2: Record<number, string> = {
  0xa3: UNCHECKED,
  0x2a: UNCHECKED,
  0x52: CHECKED,
  0x51: CROSSED,
  0x53: CROSSED,
  0x54: CROSSED,
  0x50: "✓",
  0x4f: "✗",
};

const SYMBOL: Record<number, string> = {
  0xb3: "≥",
  0xa3: "≤",
  0xb9: "≠",
  0xbb: "≈",
  0xb1: "±",
  0xb4: "×",
  0xb8: "÷",
  0xb0: "°",
  0xd6: "√",
  0x3c: "<",
  0x3e: ">",
  0x3d: "=",
  0x25: "%",
  0x2d: "−",
};

/** The mapping table for a font name, or undefined when the font is an ordinary text font. */
export function symbolTable(font: string | undefined): Record<number, string> | undefined {
  if (!font) return undefined;
  const f = font.trim().toLowerCase();
  if (f === "wingdings" || f === "wingdings 1") return WINGDINGS;
  if (f === "wingdings 2") return WINGDINGS_2;
  if (f === "symbol") return SYMBOL;
  return undefined;
}

/** `w:sym` → text: a mapped character, else the code point as given (private-use codes dropped). */
export function symbolChar(font: string | undefined, hexCode: string | undefined): string {
  const code = hexCode ? parseInt(hexCode, 16) : NaN;
  if (!Number.isFinite(code)) return "";
  const low = code >= 0xf000 && code <= 0xf0ff ? code - 0xf000 : code;
  const table = symbolTable(font);
  const mapped = table?.[low];
  if (mapped) return mapped;
  // Symbol's digits sit at their ASCII codes.
  if (table === SYMBOL && low >= 0x30 && low <= 0x39) return String.fromCharCode(low);
  if (table || (code >= 0xe000 && code <= 0xf8ff)) return "";
  return String.fromCodePoint(code);
}

/** Text typed in a symbol font: map the characters the table knows, keep the rest. */
export function mapSymbolText(table: Record<number, string>, text: string): string {
  let out = "";
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    const low = c >= 0xf000 && c <= 0xf0ff ? c - 0xf000 : c;
    out += table[low] ?? ch;
  }
  return out;
}
