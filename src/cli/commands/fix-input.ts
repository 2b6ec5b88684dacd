import { promises as fs } from "node:fs";
import { PerfgoalError } from "../../model/errors.js";
import { MAX_INPUT_BYTES, parseBuffer, type ParseResult } from "../../parse/index.js";
import type { TextEncodingName } from "../../parse/text/decode.js";

/** A form file as `fix` needs it: its forms, and for YAML the text they were read from. */
export interface FixInput {
  parsed: ParseResult;
  /** YAML only: the text the forms came from, its encoding, and whether it began with a BOM. */
  yaml?: { text: string; encoding: TextEncodingName; bom: boolean };
}

/**
 * Read `abs` once (named `file` in messages) and parse it. The YAML text is decoded from the same
 * bytes the forms were read from, so every fix lands where the rule saw its text.
 */
export async function readFormFile(abs: string, file: string): Promise<FixInput> {
  let bytes: Buffer;
  try {
    const stat = await fs.stat(abs);
    if (!stat.isFile()) throw new PerfgoalError("PG-E-NOT-FILE", undefined, { file });
    if (stat.size > MAX_INPUT_BYTES) throw new PerfgoalError("PG-E-TOO-LARGE", { zh: `${stat.size} 字节`, en: `${stat.size} bytes` }, { file });
    bytes = await fs.readFile(abs);
  } catch (e) {
    if (e instanceof PerfgoalError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "ENOENT") throw new PerfgoalError("PG-E-NOT-FOUND", undefined, { file, cause: e });
    if (code === "EISDIR") throw new PerfgoalError("PG-E-NOT-FILE", undefined, { file });
    throw new PerfgoalError("PG-E-UNREADABLE", code, { file, cause: e });
  }
  const parsed = await parseBuffer(bytes, file);
  if (parsed.format !== "yaml") return { parsed };
  const { decodeText } = await import("../../parse/text/decode.js");
  const decoded = decodeText(bytes);
  // Bytes the decoder had to replace would be written back changed: the file is not rewritten.
  if (decoded.warnings.length > 0) {
    throw new PerfgoalError(
      "PG-E-ENCODING",
      { zh: "文件中有无法解码的字节，修正后写回会改变它们；请先另存为 UTF-8", en: "the file holds bytes that cannot be decoded and would be changed on writing; save it as UTF-8 first" },
      { file },
    );
  }
  return { parsed, yaml: { text: decoded.text, encoding: decoded.encoding, bom: decoded.encoding === "utf-8-bom" } };
}
