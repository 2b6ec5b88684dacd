/**
 * Text clean-up shared by the extractor: cell text as written (trimmed) and labels in a
 * canonical form that can be compared with the synonym lists in `terms.ts`. Characters that
 * show as nothing (zero-width spaces and joiners, word joiner, BOM, soft hyphen) are removed
 * from both: a reader sees `预算\u200b金额` as 预算金额, and so must every comparison.
 */
import { remembering } from "../../util/remember.js";
import type { Block } from "../document.js";

/** Full-width punctuation that forms use interchangeably with the half-width forms. */
const HALF_WIDTH: Record<string, string> = {
  "（": "(",
  "）": ")",
  "【": "[",
  "】": "]",
  "〔": "[",
  "〕": "]",
  "［": "[",
  "］": "]",
  "：": ":",
  "＊": "*",
};

/** Whitespace, including the ideographic space U+3000 and no-break spaces, and the invisible characters. */
const SPACE = /[\s\u3000\u00a0\ufeff\u200b-\u200d\u2060\u00ad]+/g;

/**
 * Invisible characters: zero-width space, non-joiner and joiner, word joiner, BOM (zero-width
 * no-break space), soft hyphen (shown only where a line breaks, which a cell's text never records).
 */
const INVISIBLE = /[\u200b-\u200d\u2060\ufeff\u00ad]/;
const INVISIBLES = /[\u200b-\u200d\u2060\ufeff\u00ad]+/g;

function isInvisibleCode(c: number): boolean {
  return (c >= 0x200b && c <= 0x200d) || c === 0x2060 || c === 0xfeff || c === 0xad;
}

/** `text` without the characters that show as nothing. */
export function withoutInvisibles(text: string): string {
  return INVISIBLE.test(text) ? text.replace(INVISIBLES, "") : text;
}

const FULL_WIDTH_PUNCT = /[（）【】〔〕［］：＊]/;

/**
 * The blocks of a document with the invisible characters taken out of every paragraph and cell,
 * whichever reader produced them: the extractor then compares, splits and parses what a reader
 * sees. Blocks and cells without such characters are kept as they are.
 */
export function blocksWithoutInvisibles(blocks: readonly Block[]): Block[] {
  return blocks.map((b) => {
    if (b.kind === "paragraph") return INVISIBLE.test(b.text) ? { ...b, text: withoutInvisibles(b.text) } : b;
    let changed = false;
    const rows = b.table.rows.map((row) =>
      row.map((cell) => {
        if (!INVISIBLE.test(cell.text)) return cell;
        changed = true;
        return { ...cell, text: withoutInvisibles(cell.text) };
      }),
    );
    return changed ? { kind: "table", table: { ...b.table, rows } } : b;
  });
}

export function toHalfWidth(text: string): string {
  // Most cells hold none of these: test once instead of building a new string.
  if (!FULL_WIDTH_PUNCT.test(text)) return text;
  return text.replace(/[（）【】〔〕［］：＊]/g, (ch) => HALF_WIDTH[ch] ?? ch);
}

export function stripSpaces(text: string): string {
  return text.replace(SPACE, "");
}

/** The characters `\s` matches (U+3000, NBSP and U+FEFF among them). */
function isSpaceCode(c: number): boolean {
  return (
    c === 0x20 || (c >= 0x09 && c <= 0x0d) || c === 0xa0 || c === 0x3000 || c === 0xfeff || c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f
  );
}

/**
 * `text` without whitespace (and invisible characters) when at most `max` other characters
 * remain, else undefined. Checks for short things (a title, a year line) stay cheap on a
 * paragraph of megabytes.
 */
export function compactIfShort(text: string, max: number): string | undefined {
  let visible = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (!isSpaceCode(c) && !isInvisibleCode(c) && ++visible > max) return undefined;
  }
  return stripSpaces(text);
}

/**
 * A label in canonical form: no whitespace (labels are often broken across lines, `年度本级\n\n预算金额`),
 * half-width brackets and colons, no `*` required markers, no trailing colon.
 */
export function normaliseLabel(text: string): string {
  return rememberedLabel(text);
}

// Forms repeat the same labels row after row and form after form: remember short ones.
const rememberedLabel = remembering(normaliseLabelNow, { max: 20_000, maxKeyLength: 200 });

function normaliseLabelNow(text: string): string {
  const label = toHalfWidth(stripSpaces(text)).replace(/\*/g, "");
  // A loop, not /:+$/: that regex is quadratic on a long run of colons.
  let end = label.length;
  while (end > 0 && label.charCodeAt(end - 1) === 0x3a) end--;
  return label.slice(0, end);
}

/**
 * Cell text as written: invisible characters removed, each paragraph trimmed of surrounding
 * whitespace (U+3000 included), empty paragraphs dropped, paragraphs joined by "\n". Text
 * exports separate a cell's paragraphs with blank lines and a .docx does not; dropping the empty
 * ones makes both read the same.
 */
export function cleanText(raw: string): string {
  const text = withoutInvisibles(raw);
  // One line without surrounding space (most cells) is already clean.
  if (!/[\r\n]/.test(text)) return text.trim();
  return text
    .split(/\r\n|\r|\n/)
    // trim() strips the same characters as \s (U+3000, NBSP and U+FEFF included) in linear time;
    // a /\s+$/ regex is quadratic on a long run of spaces.
    .map((line) => line.trim())
    .filter((line) => line !== "")
    .join("\n");
}

/** Drop a trailing parenthesised qualifier: `资金总额(万元)` → `资金总额`. */
export function withoutTrailingParens(label: string): string {
  return label.replace(/\([^()]*\)$/, "");
}
