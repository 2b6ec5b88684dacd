/**
 * File names that are not valid UTF-8 (GBK bytes, as old Windows zips leave them): Linux allows any
 * bytes but `/` and NUL, and Node turns the invalid ones into U+FFFD, a name that opens nothing.
 * Such files are opened by their raw bytes and shown with each invalid byte as `\xHH`.
 */

/** The name as text when its bytes are valid UTF-8, else undefined. */
export function utf8Name(bytes: Uint8Array): string | undefined {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("utf8");
  return Buffer.from(text, "utf8").equals(bytes) ? text : undefined;
}

/** Length of the valid UTF-8 sequence starting at `i`, or 0 (overlong forms and surrogates are invalid). */
function sequenceAt(b: Uint8Array, i: number): number {
  const x = b[i]!;
  if (x < 0x80) return 1;
  const cont = (k: number, lo = 0x80, hi = 0xbf) => i + k < b.length && b[i + k]! >= lo && b[i + k]! <= hi;
  if (x >= 0xc2 && x <= 0xdf) return cont(1) ? 2 : 0;
  if (x === 0xe0) return cont(1, 0xa0) && cont(2) ? 3 : 0;
  if (x === 0xed) return cont(1, 0x80, 0x9f) && cont(2) ? 3 : 0;
  if (x >= 0xe1 && x <= 0xef) return cont(1) && cont(2) ? 3 : 0;
  if (x === 0xf0) return cont(1, 0x90) && cont(2) && cont(3) ? 4 : 0;
  if (x === 0xf4) return cont(1, 0x80, 0x8f) && cont(2) && cont(3) ? 4 : 0;
  if (x >= 0xf1 && x <= 0xf3) return cont(1) && cont(2) && cont(3) ? 4 : 0;
  return 0;
}

/** The name as shown everywhere (terminal, reports, output names): valid UTF-8 as is, other bytes as `\xHH`. */
export function escapedName(bytes: Uint8Array): string {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let out = "";
  let i = 0;
  while (i < buf.length) {
    const n = sequenceAt(buf, i);
    if (n === 0) {
      out += `\\x${buf[i]!.toString(16).toUpperCase().padStart(2, "0")}`;
      i++;
    } else {
      out += buf.toString("utf8", i, i + n);
      i += n;
    }
  }
  return out;
}
