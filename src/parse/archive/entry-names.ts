import { crc32 } from "../docx/crc32.js";
import type { ZipEntry } from "../docx/zip.js";

/** General-purpose flag bit 11: the name is UTF-8. */
const FLAG_UTF8 = 0x0800;
/** Info-ZIP Unicode Path extra field: a UTF-8 name, valid while the CRC of the stored name matches. */
const UNICODE_PATH = 0x7075;

const utf8 = new TextDecoder("utf-8", { fatal: true });
const gbk = new TextDecoder("gb18030");

/**
 * An entry's name as its writer meant it: UTF-8 when flag bit 11 says so or an Info-ZIP Unicode
 * Path field gives it; otherwise the bytes are the writer's code page, which for archives made
 * on Chinese Windows (the built-in "send to compressed folder", WinRAR, 360压缩) is GBK: bytes
 * that are not valid UTF-8 are read as GB18030 (a superset of GBK).
 */
export function entryName(entry: ZipEntry): string {
  if (entry.flags & FLAG_UTF8) return new TextDecoder("utf-8").decode(entry.rawName);
  const unicode = unicodePath(entry);
  if (unicode !== undefined) return unicode;
  try {
    return utf8.decode(entry.rawName);
  } catch {
    return gbk.decode(entry.rawName);
  }
}

function unicodePath(entry: ZipEntry): string | undefined {
  const { extra, rawName } = entry;
  const view = new DataView(extra.buffer, extra.byteOffset, extra.byteLength);
  for (let p = 0; p + 4 <= extra.length; ) {
    const id = view.getUint16(p, true);
    const size = view.getUint16(p + 2, true);
    if (p + 4 + size > extra.length) return undefined;
    if (id === UNICODE_PATH && size >= 5 && extra[p + 4] === 1 && view.getUint32(p + 5, true) === crc32(rawName)) {
      try {
        return utf8.decode(extra.subarray(p + 9, p + 4 + size));
      } catch {
        return undefined;
      }
    }
    p += 4 + size;
  }
  return undefined;
}

/**
 * A name safe to show and to mirror below an output folder: `/` separated, with every piece
 * that could lead elsewhere written out instead — `..` and `.` segments, a leading `/`, a drive
 * letter — so `../../etc/x` shows as `%2E%2E/%2E%2E/etc/x` and never names a path outside.
 */
export function safeEntryPath(name: string): string {
  const parts = name.replace(/\\/g, "/").split("/");
  return parts
    .map((part, i) => {
      if (part === "..") return "%2E%2E";
      if (part === ".") return "%2E";
      if (part === "" && i === 0 && parts.length > 1) return "%2F";
      if (i === 0 && /^[A-Za-z]:/.test(part)) return `${part[0]}%3A${part.slice(2)}`;
      return part.replace(/%/g, "%25").replace(/:/g, "%3A");
    })
    .filter((part, i, all) => part !== "" || i === all.length - 1)
    .join("/");
}
