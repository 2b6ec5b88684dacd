/**
 * Terminal column width of text: CJK ideographs, kana, Hangul, full-width forms and CJK punctuation
 * take two columns, combining marks and zero-width characters none, ANSI colour codes none.
 * Ambiguous-width symbols (≥, ①, ℃) count as one, as most terminals draw them.
 */
import { runTest } from "../util/ranges.js";

const ANSI = /\u001b\[[0-9;]*m/g;

const WIDE: readonly [number, number][] = [
  [0x1100, 0x115f],
  [0x2e80, 0x303e],
  [0x3041, 0x33ff],
  [0x3400, 0x4dbf],
  [0x4e00, 0x9fff],
  [0xa000, 0xa4cf],
  [0xac00, 0xd7a3],
  [0xf900, 0xfaff],
  [0xfe10, 0xfe19],
  [0xfe30, 0xfe6f],
  [0xff00, 0xff60],
  [0xffe0, 0xffe6],
  [0x1f300, 0x1f64f],
  [0x1f900, 0x1f9ff],
  [0x20000, 0x3fffd],
];

const isWide = runTest(WIDE);

const ZERO_WIDTH = /[\p{Mn}\p{Me}\p{Cc}\u200b-\u200f\u2028-\u202e\u2060-\u2064\ufe00-\ufe0f\ufeff]/u;

export function stripAnsi(text: string): string {
  return text.replace(ANSI, "");
}

/**
 * Stylish measures every cell of every finding, so the common characters (printable ASCII and the
 * CJK ideographs of Chinese text) are counted without a regular expression; the rest as before.
 */
export function displayWidth(text: string): number {
  const plain = text.includes("\u001b") ? stripAnsi(text) : text;
  let width = 0;
  for (let i = 0; i < plain.length; i++) {
    const unit = plain.charCodeAt(i);
    if (unit >= 0x20 && unit < 0x7f) width += 1;
    else if (unit >= 0x4e00 && unit <= 0x9fff) width += 2;
    // CJK punctuation (、。「」, before the tone marks at U+302A) and full-width forms (，：（）).
    else if ((unit >= 0x3000 && unit <= 0x3029) || (unit >= 0xff01 && unit <= 0xff60)) width += 2;
    else {
      const cp = plain.codePointAt(i)!;
      if (cp > 0xffff) i++;
      if (ZERO_WIDTH.test(String.fromCodePoint(cp))) continue;
      width += isWide(cp) ? 2 : 1;
    }
  }
  return width;
}

/** Pad with spaces on the right up to `width` columns. */
export function padEndWidth(text: string, width: number): string {
  return text + " ".repeat(Math.max(0, width - displayWidth(text)));
}

/** Pad with spaces on the left up to `width` columns. */
export function padStartWidth(text: string, width: number): string {
  return " ".repeat(Math.max(0, width - displayWidth(text))) + text;
}

/** Cut to at most `width` columns, ending with … when cut. */
export function truncateWidth(text: string, width: number): string {
  if (displayWidth(text) <= width) return text;
  let out = "";
  let used = 0;
  for (const ch of text) {
    const w = displayWidth(ch);
    if (used + w > width - 1) break;
    out += ch;
    used += w;
  }
  return `${out}…`;
}
