/**
 * Text plumbing for the 指标值 parser: a one-to-one character normalisation (so every index in the
 * normalised text is also an index in the raw text, and a symbol can be quoted as written) and a
 * cursor that only moves forward (so parsing stays linear in the length of the value).
 */

/** Look-alikes that are not in the full-width ASCII block. */
const LOOKALIKES: Record<string, string> = {
  "\u2212": "-", // minus sign
  "\u2010": "-", // hyphen
  "\u2011": "-", // non-breaking hyphen
  "\u301c": "~", // wave dash 〜
  "\u2550": "=", // box-drawing double line ═, seen for = in a self-evaluation
};

/** Every character normaliseChars changes: one class, so a single linear pass finds them. */
const TO_NORMALISE = /[\uff01-\uff5e\s\u200b\u2212\u2010\u2011\u301c\u2550]/g;

function normaliseOne(ch: string): string {
  const code = ch.charCodeAt(0);
  if (code >= 0xff01 && code <= 0xff5e) return String.fromCharCode(code - 0xfee0);
  return LOOKALIKES[ch] ?? " ";
}

/**
 * Map each UTF-16 unit to its plain form: full-width ASCII (０-９ ＝ ＞ ％ ～ （ …) to ASCII,
 * every space (ideographic, no-break, tab, line break) to " ", a few look-alike dashes and equals
 * signs to ASCII. Length is preserved.
 */
export function normaliseChars(raw: string): string {
  return raw.replace(TO_NORMALISE, normaliseOne);
}

export function isDigit(ch: string | undefined): boolean {
  return ch !== undefined && ch >= "0" && ch <= "9";
}

/** A forward-only reader over `text[pos, end)`. */
export class Cursor {
  pos: number;
  constructor(
    readonly text: string,
    start: number,
    public end: number,
  ) {
    this.pos = start;
  }

  get done(): boolean {
    return this.pos >= this.end;
  }

  peek(offset = 0): string | undefined {
    const i = this.pos + offset;
    return i < this.end ? this.text[i] : undefined;
  }

  /** Does `word` start at the cursor (and end inside the region)? */
  at(word: string): boolean {
    return this.pos + word.length <= this.end && this.text.startsWith(word, this.pos);
  }

  /** Consume `word` if it is next. */
  take(word: string): boolean {
    if (!this.at(word)) return false;
    this.pos += word.length;
    return true;
  }

  /** Consume the first of `words` that is next; returns it. */
  takeAny(words: readonly string[]): string | undefined {
    for (const w of words) if (this.take(w)) return w;
    return undefined;
  }

  skipSpaces(): void {
    while (this.pos < this.end && this.text[this.pos] === " ") this.pos++;
  }

  /** Consume a run of 1…max ASCII digits; returns them, or undefined when none is next. */
  takeDigits(max = Infinity): string | undefined {
    const start = this.pos;
    while (this.pos < this.end && this.pos - start < max && isDigit(this.text[this.pos])) this.pos++;
    return this.pos > start ? this.text.slice(start, this.pos) : undefined;
  }
}

/** A number as written: optional minus, digits with `,` thousands groups, optional decimals. */
export interface ScannedNumber {
  value: number;
  start: number;
  end: number;
}

/**
 * Read a number at the cursor. Thousands separators count only in groups of exactly three digits
 * after a lead of one to three (`1,000` but not `600,初中`); the result must be finite.
 */
export function takeNumber(c: Cursor): ScannedNumber | undefined {
  const start = c.pos;
  let text = "";
  if (c.peek() === "-" && isDigit(c.peek(1))) {
    c.pos++;
    text = "-";
  }
  const lead = c.takeDigits();
  if (lead === undefined) {
    c.pos = start;
    return undefined;
  }
  text += lead;
  if (lead.length <= 3) {
    while (c.peek() === "," && isDigit(c.peek(1)) && isDigit(c.peek(2)) && isDigit(c.peek(3)) && !isDigit(c.peek(4))) {
      text += c.text.slice(c.pos + 1, c.pos + 4);
      c.pos += 4;
    }
  }
  if (c.peek() === "." && isDigit(c.peek(1))) {
    c.pos++;
    text += "." + c.takeDigits()!;
  }
  const value = Number(text);
  if (!Number.isFinite(value)) {
    c.pos = start;
    return undefined;
  }
  return { value: Object.is(value, -0) ? 0 : value, start, end: c.pos };
}

/** Trailing punctuation that ends a sentence but says nothing about the value. */
const TRAILING_PUNCTUATION = new Set(["。", ".", ";", "；", ",", "，", "、", " "]);

const CLOSING: Record<string, string> = { ")": "(", "]": "[", "】": "【", "》": "《" };

/**
 * The part of the value that carries the target: spaces trimmed, trailing punctuation dropped, and
 * one trailing bracketed note (`100%(历史标准)`, `2019年12月(计划标准)`) set aside.
 */
export function coreRegion(norm: string): { start: number; end: number } {
  let start = 0;
  let end = norm.length;
  while (start < end && norm[start] === " ") start++;
  const trimEnd = (): void => {
    while (end > start && TRAILING_PUNCTUATION.has(norm[end - 1]!)) end--;
  };
  trimEnd();
  const open = CLOSING[norm[end - 1] ?? ""];
  if (open !== undefined) {
    const at = norm.lastIndexOf(open, end - 2);
    // Keep a value that is nothing but a bracket: the note is then all there is.
    if (at > start) {
      end = at;
      trimEnd();
    }
  }
  return { start, end };
}
