import { constants, inflateSync } from "node:zlib";
import { PerfgoalError } from "../../model/errors.js";

/**
 * Drawing and structure streams (page contents, forms, object streams) of a form are well under
 * a megabyte inflated; embedded font programs reach a few megabytes. Images are never decoded.
 */
export const MAX_STREAM_INFLATED = 16 * 1024 * 1024;
export const MAX_FONT_INFLATED = 64 * 1024 * 1024;
/** All streams of one PDF together. */
export const MAX_PDF_INFLATED = 200 * 1024 * 1024;

const DICT_LOOKBACK = 2048;

/**
 * Check what the PDF's deflated streams inflate to before pdf.js reads them: pdf.js inflates a
 * page's whole content into memory and turns it into drawing operations, so a small file whose
 * content stream inflates to hundreds of megabytes would fill memory long before any limit on
 * operations could be checked. Each stream is inflated here with a cap on the bytes produced
 * (zlib stops there), and only counted.
 * Streams that cannot be inflated here (encrypted ones, other filters) are left to pdf.js.
 */
export function checkStreamSizes(bytes: Uint8Array): void {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let total = 0;
  for (let at = buf.indexOf("stream", 0, "latin1"); at >= 0; at = buf.indexOf("stream", at + 6, "latin1")) {
    if (at >= 3 && buf.toString("latin1", at - 3, at) === "end") continue;
    const dict = buf.toString("latin1", Math.max(0, at - DICT_LOOKBACK), at);
    const open = dict.lastIndexOf("obj");
    const own = open >= 0 ? dict.slice(open) : dict;
    if (!/\/FlateDecode\b/.test(own) || /\/Subtype\s*\/Image\b/.test(own)) continue;
    let start = at + 6;
    if (buf[start] === 0x0d) start++;
    if (buf[start] === 0x0a) start++;
    const end = buf.indexOf("endstream", start, "latin1");
    if (end < 0) continue;
    const font = /\/Length[123]\b|\/Subtype\s*\/(Type1C|CIDFontType0C|OpenType)\b/.test(own);
    const cap = Math.min(font ? MAX_FONT_INFLATED : MAX_STREAM_INFLATED, MAX_PDF_INFLATED - total);
    total += inflatedSize(buf.subarray(start, end), cap);
    at = end;
  }
}

function inflatedSize(data: Buffer, cap: number): number {
  try {
    // A stream may end without its final block (truncated, or padded by the writer): a sync
    // flush takes what there is.
    return inflateSync(data, { maxOutputLength: Math.max(1, cap), finishFlush: constants.Z_SYNC_FLUSH }).length;
  } catch (e) {
    if ((e as { code?: unknown }).code === "ERR_BUFFER_TOO_LARGE") {
      throw new PerfgoalError("PG-E-TOO-LARGE", { zh: "PDF 中有数据流解压后过大（疑似压缩炸弹）", en: "a stream of the PDF inflates too far (a decompression bomb)" });
    }
    return 0;
  }
}
