import { PerfgoalError } from "../../model/errors.js";
import { hasNonAscii, isValidUtf8, scanUtf8Damage, type Utf8Damage } from "./utf8.js";

/**
 * Bytes → text with the encoding detected, never assumed:
 * BOM → UTF-16 without BOM (NUL bytes on one side) → strict UTF-8 → GB18030 (covers GBK and GB2312).
 * A file whose lines mix UTF-8 and GBK is decoded line by line, with a warning. UTF-8 with a few
 * bad sequences stays UTF-8, with a warning naming the lines and byte offsets of the bad bytes.
 */
export type TextEncodingName = "utf-8" | "utf-8-bom" | "utf-16le" | "utf-16be" | "gb18030" | "utf-8+gb18030";

export interface DecodedText {
  text: string;
  encoding: TextEncodingName;
  /** Non-fatal remarks in Chinese (mixed encodings, a few undecodable bytes). */
  warnings: string[];
}

/** Share of undecodable or control characters above which the input is taken for binary junk. */
const MAX_JUNK_SHARE = 0.02;
/** How much of the start of a file the UTF-16 guess looks at. */
const UTF16_SAMPLE = 64 * 1024;

const utf8 = new TextDecoder("utf-8");
const gb18030 = new TextDecoder("gb18030");

export function decodeText(bytes: Uint8Array): DecodedText {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    const body = bytes.subarray(3);
    if (isValidUtf8(body)) return checked(utf8.decode(body), "utf-8-bom", []);
    return decodeMixed(body, "utf-8-bom", 3);
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return checked(new TextDecoder("utf-16le").decode(bytes.subarray(2)), "utf-16le", []);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return checked(new TextDecoder("utf-16be").decode(bytes.subarray(2)), "utf-16be", []);

  const utf16 = guessUtf16(bytes);
  if (utf16) return checked(new TextDecoder(utf16).decode(bytes), utf16, []);

  if (isValidUtf8(bytes)) {
    const text = utf8.decode(bytes);
    // Very short GBK text can happen to be valid UTF-8; it then decodes to Latin/Cyrillic junk.
    if (!looksLikeMisreadGbk(text)) return checked(text, "utf-8", []);
  }
  return decodeMixed(bytes, "gb18030", 0);
}

/**
 * A line that is not well-formed UTF-8 is still UTF-8 when it holds Chinese in UTF-8 and breaks
 * only in a few places: at most one break per this many well-formed wide characters (GBK read as
 * UTF-8 breaks at nearly every character and forms a wide character about once in sixty).
 */
const WIDE_PER_BREAK = 4;

/**
 * Decode line by line: each line strict UTF-8 when it is valid (and reads as Chinese), UTF-8 with
 * its bad bytes replaced when it is UTF-8 with a few breaks, else GB18030 when that reads it with
 * fewer errors. A line whose only breaks are whole forbidden sequences (`C0 AF`) and that has no
 * other wide character is decided by the rest of the file: GB18030 only in a file of GBK lines.
 * Line feeds are never part of a GB18030 multi-byte character, so splitting on 0x0A is safe.
 * `base` is the offset of `bytes` in the file (a BOM before it), for the offsets warned about.
 */
function decodeMixed(bytes: Uint8Array, whole: "gb18030" | "utf-8-bom", base: number): DecodedText {
  const parts: string[] = [];
  const undecided: { part: number; line: number; start: number; end: number; damage: Utf8Damage }[] = [];
  const damaged = new Utf8DamageReport(base);
  let utf8Lines = 0;
  let gbLines = 0;
  const asDamagedUtf8 = (line: number, start: number, end: number, damage: Utf8Damage) => {
    const text = utf8.decode(bytes.subarray(start, end));
    damaged.add(line, start, damage, countReplacements(text));
    utf8Lines++;
    return text;
  };
  let start = 0;
  for (let line = 1; start <= bytes.length; line++) {
    let end = bytes.indexOf(0x0a, start);
    if (end < 0) end = bytes.length;
    const bytesOfLine = bytes.subarray(start, end);
    if (!hasNonAscii(bytesOfLine)) {
      parts.push(utf8.decode(bytesOfLine));
    } else if (isValidUtf8(bytesOfLine)) {
      const asUtf8 = utf8.decode(bytesOfLine);
      if (!looksLikeMisreadGbk(asUtf8)) {
        parts.push(asUtf8);
        utf8Lines++;
      } else {
        parts.push(gb18030.decode(bytesOfLine));
        gbLines++;
      }
    } else {
      const damage = scanUtf8Damage(bytes, start, end);
      if (damage.wide > 0 && (damage.shaped || damage.wide >= WIDE_PER_BREAK * damage.spots)) {
        parts.push(asDamagedUtf8(line, start, end, damage));
      } else if (damage.shaped) {
        undecided.push({ part: parts.length, line, start, end, damage });
        parts.push("");
      } else {
        const asGb = gb18030.decode(bytesOfLine);
        if (countReplacements(asGb) < damage.spots) {
          parts.push(asGb);
          gbLines++;
        } else parts.push(asDamagedUtf8(line, start, end, damage));
      }
    }
    start = end + 1;
  }
  const gbFile = gbLines > 0 && utf8Lines === 0;
  for (const u of undecided) {
    if (gbFile) {
      parts[u.part] = gb18030.decode(bytes.subarray(u.start, u.end));
      gbLines++;
    } else parts[u.part] = asDamagedUtf8(u.line, u.start, u.end, u.damage);
  }
  const text = parts.join("\n");
  const warnings = damaged.warning();
  if (utf8Lines > 0 && gbLines > 0) {
    warnings.unshift(`文本混用 UTF-8 与 GBK 编码（UTF-8 ${utf8Lines} 行，GBK ${gbLines} 行），已逐行识别`);
    return checked(text, "utf-8+gb18030", warnings, damaged.replacements);
  }
  if (utf8Lines > 0 || whole === "utf-8-bom") return checked(text, whole === "utf-8-bom" ? "utf-8-bom" : "utf-8", warnings, damaged.replacements);
  return checked(text, "gb18030", warnings, damaged.replacements);
}

/** Lines, listed in a warning, where UTF-8 text breaks. */
const LISTED_LINES = 5;

/** Where UTF-8 lines broke, for one warning: the first lines with their first byte offsets, and totals. */
class Utf8DamageReport {
  private readonly listed: string[] = [];
  private lines = 0;
  private spots = 0;
  private bytes = 0;
  /** U+FFFD put in their place (a bad sequence may take several). */
  replacements = 0;

  constructor(private readonly base: number) {}

  add(line: number, start: number, damage: Utf8Damage, replacements: number): void {
    this.lines++;
    this.spots += damage.spots;
    this.bytes += damage.badBytes;
    this.replacements += replacements;
    if (this.listed.length < LISTED_LINES) this.listed.push(`第${line}行（字节偏移 ${damage.first.map((o) => this.base + start + o).join("、")}${damage.spots > damage.first.length ? " 等" : ""}）`);
  }

  warning(): string[] {
    if (this.lines === 0) return [];
    const more = this.lines > this.listed.length ? `等 ${this.lines} 行` : "";
    return [`${this.spots} 处共 ${this.bytes} 个字节不是有效的 UTF-8，已替换为 U+FFFD：${this.listed.join("、")}${more}`];
  }
}

function countReplacements(text: string): number {
  let n = 0;
  for (let i = text.indexOf("\ufffd"); i >= 0; i = text.indexOf("\ufffd", i + 1)) n++;
  return n;
}

/** UTF-16 without BOM: ASCII characters leave NUL bytes on one side only (odd side = little-endian). */
function guessUtf16(bytes: Uint8Array): "utf-16le" | "utf-16be" | undefined {
  const n = Math.min(bytes.length, UTF16_SAMPLE);
  let even = 0;
  let odd = 0;
  for (let i = 0; i < n; i++) {
    if (bytes[i] === 0) {
      if (i % 2 === 0) even++;
      else odd++;
    }
  }
  if (odd > n * 0.05 && odd > 4 * even) return "utf-16le";
  if (even > n * 0.05 && even > 4 * odd) return "utf-16be";
  return undefined;
}

/** Latin-1 signs that do occur in Chinese forms (· × ÷ ° ± §); other two-byte UTF-8 letters suggest misread GBK. */
const PLAUSIBLE_LATIN = new Set([0xb7, 0xd7, 0xf7, 0xb0, 0xb1, 0xa7]);

/** True when most non-ASCII characters fall in U+0080–U+07FF (accented Latin, Greek, Cyrillic …). */
function looksLikeMisreadGbk(text: string): boolean {
  let nonAscii = 0;
  let twoByte = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) continue;
    nonAscii++;
    if (c < 0x800 && !PLAUSIBLE_LATIN.has(c)) twoByte++;
  }
  return nonAscii > 0 && twoByte * 2 > nonAscii;
}

/**
 * Reject binary junk; warn about a few undecodable bytes. `reported`: replacement characters a
 * warning already accounts for (not warned about twice).
 */
function checked(text: string, encoding: TextEncodingName, warnings: string[], reported = 0): DecodedText {
  let replaced = 0;
  let controls = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0xfffd) replaced++;
    else if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c) || c === 0x7f) controls++;
  }
  const junk = replaced + controls;
  if (junk > 0 && junk > text.length * MAX_JUNK_SHARE) {
    throw new PerfgoalError("PG-E-ENCODING", {
      zh: `${junk} 个字符无法解码或为控制字符（按 ${encoding} 读取）`,
      en: `${junk} characters undecodable or control characters (read as ${encoding})`,
    });
  }
  const out = [...warnings];
  if (replaced > reported) out.push(`${replaced - reported} 处字节无法按 ${encoding} 解码，已替换为 U+FFFD`);
  if (controls > 0) out.push(`文本含 ${controls} 个控制字符`);
  return { text, encoding, warnings: out };
}
