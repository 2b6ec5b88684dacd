/** The input formats perfgoal tells apart by their first bytes (never by the file name alone). */
export type DetectedFormat = "docx" | "doc" | "txt" | "yaml" | "zip" | "cfb" | "pdf" | "html" | "rtf" | "xml" | "binary" | "empty";

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const ZIP_EMPTY = [0x50, 0x4b, 0x05, 0x06];
const CFB = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const PDF = [0x25, 0x50, 0x44, 0x46, 0x2d];

function startsWith(bytes: Uint8Array, sig: number[]): boolean {
  return bytes.length >= sig.length && sig.every((b, i) => bytes[i] === b);
}

/**
 * Decide the format from the content. Zip and Compound-File containers are refined by the
 * docx/doc readers (a zip without word/document.xml, an encrypted package).
 * `.yaml`/`.yml`/`.json` names, a perfgoal YAML header, or a JSON object select YAML among text files.
 */
export function detectFormat(bytes: Uint8Array, fileName = ""): DetectedFormat {
  if (bytes.length === 0) return "empty";
  if (startsWith(bytes, ZIP) || startsWith(bytes, ZIP_EMPTY)) return "zip";
  if (startsWith(bytes, CFB)) return "cfb";
  if (startsWith(bytes, PDF)) return "pdf";
  const head = Buffer.from(bytes.subarray(0, 512)).toString("latin1").replace(/^\uFEFF|^\xEF\xBB\xBF/, "").trimStart().toLowerCase();
  if (looksHtml(head)) return "html";
  // Word's "save as .doc" on web pages and old editors: RTF text or a single-file web page (MHT).
  if (head.startsWith("{\\rtf")) return "rtf";
  if (/^mime-version:/.test(head) || (/^(from|date|subject|message-id|content-type):/m.test(head) && head.includes("multipart/related"))) return "html";
  // Word 2003 XML ("save as XML") and other XML documents: text, but not a table perfgoal reads.
  if (head.startsWith("<?xml") || head.startsWith("<w:worddocument")) return "xml";
  if (looksBinary(bytes)) return "binary";
  if (/\.ya?ml$/i.test(fileName) || head.startsWith("# yaml-language-server")) return "yaml";
  // JSON of the model is YAML 1.2 too: an object whose first key is quoted (no text form starts so).
  if (/\.json$/i.test(fileName) || /^\{\s*"/.test(head)) return "yaml";
  return "txt";
}

/** An HTML page or fragment, possibly after an XML declaration or comments (web pages saved as .doc). */
function looksHtml(head: string): boolean {
  const start = head.replace(/^<\?xml[^>]*>\s*/, "").replace(/^(<!--[\s\S]*?-->\s*)+/, "");
  return /^<(!doctype html|html|head|body|meta|table|div|p|style|title)[\s>/]/.test(start);
}

/** Control bytes other than tab/CR/LF/FF/ESC in the first 4 KiB mean binary, unless the text is UTF-16. */
function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 4096);
  if (n >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) return false;
  let zerosEven = 0;
  let zerosOdd = 0;
  let controls = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i]!;
    if (b === 0) {
      if (i % 2 === 0) zerosEven++;
      else zerosOdd++;
    } else if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c && b !== 0x1b) controls++;
  }
  // UTF-16 without BOM: NULs on one side only. Its control characters are counted per 16-bit
  // unit: the low bytes of Chinese characters are often below 0x20 and are no sign of binary.
  const zeros = zerosEven + zerosOdd;
  if (zeros > n * 0.05 && (zerosOdd > 4 * zerosEven || zerosEven > 4 * zerosOdd)) return utf16Controls(bytes, n, zerosOdd > zerosEven) > (n / 2) * 0.01;
  return zeros > 0 || controls > n * 0.01;
}

/** Control characters (NUL included, tab/CR/LF/FF/ESC not) among the first n bytes read as UTF-16. */
function utf16Controls(bytes: Uint8Array, n: number, littleEndian: boolean): number {
  let controls = 0;
  for (let i = 0; i + 1 < n; i += 2) {
    const unit = littleEndian ? bytes[i]! | (bytes[i + 1]! << 8) : (bytes[i]! << 8) | bytes[i + 1]!;
    if (unit < 0x20 && unit !== 0x09 && unit !== 0x0a && unit !== 0x0d && unit !== 0x0c && unit !== 0x1b) controls++;
  }
  return controls;
}
