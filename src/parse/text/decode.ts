import { PerfgoalError } from "../../model/errors.js";
import { hasNonAscii, isValidUtf8 } from "./utf8.js";

/**
 * Bytes → text with the encoding detected, never assumed:
 * BOM → UTF-16 without BOM (NUL bytes on one side) → strict UTF-8 → GB18030 (covers GBK and GB2312).
 * A file whose lines mix UTF-8 and GBK is decoded line by line, with a warning.
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
    return decodeMixed(body, "utf-8-bom");
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
  return decodeMixed(bytes, "gb18030");
}

/**
 * Decode line by line: each line strict UTF-8 when it is valid (and reads as Chinese), else GB18030.
 * Line feeds are never part of a GB18030 multi-byte character, so splitting on 0x0A is safe.
 */
function decodeMixed(bytes: Uint8Array, whole: "gb18030" | "utf-8-bom"): DecodedText {
  const parts: string[] = [];
  let utf8Lines = 0;
  let gbLines = 0;
  let start = 0;
  while (start <= bytes.length) {
    let end = bytes.indexOf(0x0a, start);
    if (end < 0) end = bytes.length;
    const line = bytes.subarray(start, end);
    if (!hasNonAscii(line)) {
      parts.push(utf8.decode(line));
    } else {
      const asUtf8 = isValidUtf8(line) ? utf8.decode(line) : undefined;
      if (asUtf8 !== undefined && !looksLikeMisreadGbk(asUtf8)) {
        parts.push(asUtf8);
        utf8Lines++;
      } else {
        parts.push(gb18030.decode(line));
        gbLines++;
      }
    }
    start = end + 1;
  }
  const text = parts.join("\n");
  if (utf8Lines > 0 && gbLines > 0) {
    return checked(text, "utf-8+gb18030", [`文本混用 UTF-8 与 GBK 编码（UTF-8 ${utf8Lines} 行，GBK ${gbLines} 行），已逐行识别`]);
  }
  if (utf8Lines > 0 || whole === "utf-8-bom") return checked(text, whole === "utf-8-bom" ? "utf-8-bom" : "utf-8", []);
  return checked(text, "gb18030", []);
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

/** Reject binary junk; warn about a few undecodable bytes. */
function checked(text: string, encoding: TextEncodingName, warnings: string[]): DecodedText {
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
  if (replaced > 0) out.push(`${replaced} 处字节无法按 ${encoding} 解码，已替换为 U+FFFD`);
  if (controls > 0) out.push(`文本含 ${controls} 个控制字符`);
  return { text, encoding, warnings: out };
}
