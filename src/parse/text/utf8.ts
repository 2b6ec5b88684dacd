/**
 * Byte-level UTF-8 checks. A hand-written validator avoids one thrown exception per line when a
 * GBK file is tested line by line, and it stays linear on any input.
 */

/** True when `bytes[start, end)` is well-formed UTF-8 (no overlongs, surrogates or values past U+10FFFF). */
export function isValidUtf8(bytes: Uint8Array, start = 0, end = bytes.length): boolean {
  let i = start;
  while (i < end) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min: number;
    let cp: number;
    if (b >= 0xc2 && b <= 0xdf) {
      need = 1;
      min = 0x80;
      cp = b & 0x1f;
    } else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      min = 0x800;
      cp = b & 0x0f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      min = 0x10000;
      cp = b & 0x07;
    } else {
      return false;
    }
    if (i + need >= end) return false; // sequence cut off by the end of the range
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k]!;
      if ((c & 0xc0) !== 0x80) return false;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return false;
    i += need + 1;
  }
  return true;
}

/** True when some byte in the range is outside ASCII. */
export function hasNonAscii(bytes: Uint8Array, start = 0, end = bytes.length): boolean {
  for (let i = start; i < end; i++) if (bytes[i]! >= 0x80) return true;
  return false;
}

/** What a range that is not well-formed UTF-8 looks like as UTF-8: how much of it reads, where it breaks. */
export interface Utf8Damage {
  /** Well-formed characters of three or four bytes (U+0800 and up: Chinese among them). */
  wide: number;
  /** Places where the bytes break (a run of bad bytes counts once). */
  spots: number;
  /** Bytes that belong to no well-formed character. */
  badBytes: number;
  /**
   * Every break is a whole UTF-8 sequence whose value is forbidden: an overlong form (`C0 AF`), a
   * surrogate (`ED A0 80`) or a value past U+10FFFF. Text that another encoding produced rarely
   * breaks only this way; UTF-8 that a program built carelessly does.
   */
  shaped: boolean;
  /** Offsets (from the start of the range) of the first few breaks. */
  first: number[];
}

/** Breaks whose offsets are kept: a warning names a few, not thousands. */
const KEPT_OFFSETS = 5;

/** Scan `bytes[start, end)` as UTF-8, counting what reads and where it breaks. Linear, no allocation per byte. */
export function scanUtf8Damage(bytes: Uint8Array, start = 0, end = bytes.length): Utf8Damage {
  const out: Utf8Damage = { wide: 0, spots: 0, badBytes: 0, shaped: true, first: [] };
  let inBreak = false;
  let i = start;
  while (i < end) {
    const b = bytes[i]!;
    if (b < 0x80) {
      inBreak = false;
      i++;
      continue;
    }
    const need = b >= 0xc0 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf7 ? 3 : 0;
    let whole = need > 0 && i + need < end;
    let cp = b & (need === 1 ? 0x1f : need === 2 ? 0x0f : 0x07);
    for (let k = 1; whole && k <= need; k++) {
      const c = bytes[i + k]!;
      if ((c & 0xc0) !== 0x80) whole = false;
      else cp = (cp << 6) | (c & 0x3f);
    }
    const min = need === 1 ? 0x80 : need === 2 ? 0x800 : 0x10000;
    if (whole && cp >= min && cp <= 0x10ffff && !(cp >= 0xd800 && cp <= 0xdfff)) {
      if (need >= 2) out.wide++;
      inBreak = false;
      i += need + 1;
      continue;
    }
    // A whole sequence with a forbidden value is one break; otherwise the lone byte is.
    const length = whole ? need + 1 : 1;
    if (!whole) out.shaped = false;
    if (!inBreak) {
      out.spots++;
      if (out.first.length < KEPT_OFFSETS) out.first.push(i - start);
    }
    inBreak = true;
    out.badBytes += length;
    i += length;
  }
  return out;
}
