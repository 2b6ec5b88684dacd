/** Split text into lines on CRLF, LF or a lone CR (old Mac files), without keeping the line ends. */
export function splitLines(text: string): string[] {
  const lines = text.split(/\r\n|\r|\n/);
  // A final line end does not open an empty last line.
  if (lines.length > 1 && lines[lines.length - 1] === "") lines.pop();
  return lines;
}

/** Blank: nothing but whitespace (String.prototype.trim also strips U+3000 and NBSP). */
export function isBlank(line: string): boolean {
  return line.trim() === "";
}

/** 1-based column of the first non-whitespace character at or after `from`, or `from + 1` when there is none. */
export function textColumn(line: string, from = 0): number {
  for (let i = from; i < line.length; i++) {
    if (!isSpaceChar(line.charCodeAt(i))) return i + 1;
  }
  return from + 1;
}

/** Whitespace as cells pad it: space, tab, U+3000 ideographic space, NBSP. */
export function isSpaceChar(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x3000 || c === 0xa0;
}
