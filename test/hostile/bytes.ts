/**
 * Byte-level builders for hostile inputs: a seeded random source, a zip writer that can lie in its
 * headers, a hand-made deflate bomb and a minimal Compound File (OLE) writer. Everything is built
 * in memory at test time; nothing big is committed.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { crc32 } from "../../src/parse/docx/crc32.js";

export { crc32 };

export const EXAMPLES_DIR = fileURLToPath(new URL("../../examples/", import.meta.url));

/** The seed text form (UTF-8). */
export function seedText(): string {
  return new TextDecoder().decode(seedBytes("hengdong-2023.txt"));
}

/** A small valid form in YAML (the project name on line 5): the base for the YAML cases. */
export const MINIMAL_YAML = `title: 2024年度项目支出绩效目标申报表
year: 2024
amountUnit: 万元
project:
  name: 测试项目
funding:
  total: 100
goals:
  annual: 完成测试
indicators:
  annual:
    - tier1: 产出指标
      tier2: 数量指标
      tier3: 培训人次
      value: "≥100人次"
`;

/** A seed form from `examples/` (read-only there). */
export function seedBytes(name: string): Uint8Array {
  return new Uint8Array(readFileSync(EXAMPLES_DIR + name));
}

/** Deterministic pseudo-random numbers in [0, 1) (mulberry32). */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function randomBytes(length: number, seed: number): Uint8Array {
  const next = rng(seed);
  const out = new Uint8Array(length);
  for (let i = 0; i < length; i++) out[i] = Math.floor(next() * 256);
  return out;
}

export interface RawZipEntry {
  name: string;
  /** The bytes stored in the archive: raw deflate data for method 8, the content for method 0. */
  stored: Uint8Array;
  method: 0 | 8;
  /** The uncompressed size the headers claim (may lie). */
  claimedSize: number;
  crc?: number;
  flags?: number;
}

/** Entries already compressed (or stored) → zip bytes, with whatever sizes and names the caller claims. */
export function buildZip(entries: readonly RawZipEntry[]): Uint8Array {
  const enc = new TextEncoder();
  const locals: Uint8Array[] = [];
  const centrals: Uint8Array[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = enc.encode(e.name);
    const flags = (e.flags ?? 0) | 0x0800; // names in UTF-8
    const crc = e.crc ?? 0;
    const local = new Uint8Array(30 + name.length);
    const lv = new DataView(local.buffer);
    lv.setUint32(0, 0x04034b50, true);
    lv.setUint16(4, 20, true);
    lv.setUint16(6, flags, true);
    lv.setUint16(8, e.method, true);
    lv.setUint32(14, crc, true);
    lv.setUint32(18, e.stored.length, true);
    lv.setUint32(22, e.claimedSize, true);
    lv.setUint16(26, name.length, true);
    local.set(name, 30);
    const central = new Uint8Array(46 + name.length);
    const cv = new DataView(central.buffer);
    cv.setUint32(0, 0x02014b50, true);
    cv.setUint16(4, 20, true);
    cv.setUint16(6, 20, true);
    cv.setUint16(8, flags, true);
    cv.setUint16(10, e.method, true);
    cv.setUint32(16, crc, true);
    cv.setUint32(20, e.stored.length, true);
    cv.setUint32(24, e.claimedSize, true);
    cv.setUint16(28, name.length, true);
    cv.setUint32(42, offset, true);
    central.set(name, 46);
    locals.push(local, e.stored);
    centrals.push(central);
    offset += local.length + e.stored.length;
  }
  const dirSize = centrals.reduce((n, c) => n + c.length, 0);
  const end = new Uint8Array(22);
  const ev = new DataView(end.buffer);
  ev.setUint32(0, 0x06054b50, true);
  ev.setUint16(8, entries.length, true);
  ev.setUint16(10, entries.length, true);
  ev.setUint32(12, dirSize, true);
  ev.setUint32(16, offset, true);
  return concat([...locals, ...centrals, end]);
}

/** A stored (uncompressed) entry with honest headers. */
export function storedEntry(name: string, content: Uint8Array | string): RawZipEntry {
  const data = typeof content === "string" ? new TextEncoder().encode(content) : content;
  return { name, stored: data, method: 0, claimedSize: data.length, crc: crc32(data) };
}

export function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let off = 0;
  for (const p of parts) {
    out.set(p, off);
    off += p.length;
  }
  return out;
}

/**
 * Raw deflate data that inflates to `size` zero bytes (rounded up to whole 258-byte copies):
 * one fixed-Huffman block, a literal 0 then back-references of length 258 at distance 1.
 * About 160:1, built in milliseconds without ever holding the inflated bytes.
 */
export function zeroBomb(size: number): Uint8Array {
  const copies = Math.ceil(Math.max(0, size - 1) / 258);
  const out = new Uint8Array(Math.ceil((3 + 8 + copies * 13 + 7) / 8) + 1);
  let bit = 0;
  const put = (value: number, n: number) => {
    for (let i = 0; i < n; i++, bit++) if ((value >>> i) & 1) out[bit >>> 3]! |= 1 << (bit & 7);
  };
  // Huffman codes go most-significant bit first.
  const huff = (code: number, n: number) => {
    for (let i = n - 1; i >= 0; i--, bit++) if ((code >>> i) & 1) out[bit >>> 3]! |= 1 << (bit & 7);
  };
  put(1, 1); // BFINAL
  put(1, 2); // fixed Huffman
  huff(0x30, 8); // literal 0
  for (let i = 0; i < copies; i++) {
    huff(0xc5, 8); // length symbol 285 = 258
    huff(0, 5); // distance code 0 = 1
  }
  huff(0, 7); // end of block
  return out.subarray(0, Math.ceil(bit / 8));
}

/** The parts of a zip, by name (fflate; the input must be an honest zip). */
export function unzipParts(zip: Uint8Array): Record<string, Uint8Array> {
  return unzipSync(zip);
}

/** The seed .docx's main document XML. */
export function seedDocumentXml(): string {
  return strFromU8(unzipParts(seedBytes("hengdong-2023.docx"))["word/document.xml"]!);
}

/** The seed .docx with its document.xml replaced (other parts kept, all stored). */
export function docxWithDocumentXml(xml: string | Uint8Array, extra: RawZipEntry[] = []): Uint8Array {
  const parts = unzipParts(seedBytes("hengdong-2023.docx"));
  const entries: RawZipEntry[] = [];
  for (const [name, data] of Object.entries(parts)) {
    entries.push(name === "word/document.xml" ? storedEntry(name, xml) : storedEntry(name, data));
  }
  return buildZip([...entries, ...extra]);
}

/** The same, deflated (for big generated documents: megabytes of repeated XML shrink to kilobytes). */
export function deflatedDocxWithDocumentXml(xml: string): Uint8Array {
  const parts = unzipParts(seedBytes("hengdong-2023.docx"));
  return zipSync({ ...parts, "word/document.xml": strToU8(xml) }, { level: 1 });
}

/** Body XML of a document.xml (what sits between `<w:body>` and its `<w:sectPr>`). */
export function wrapBody(bodyXml: string): string {
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>' +
    bodyXml +
    "</w:body></w:document>"
  );
}

// --- Compound File (OLE2) ---------------------------------------------------------------------

const FREESECT = 0xffffffff;
const ENDOFCHAIN = 0xfffffffe;
const FATSECT = 0xfffffffd;
const NOSTREAM = 0xffffffff;
const SECTOR = 512;
/** Streams below this size would live in the mini stream; ours are padded up to it. */
const MINI_CUTOFF = 4096;

/**
 * A minimal version-3 Compound File holding the given streams directly under the root, each in
 * ordinary 512-byte sectors (streams are padded to 4096 bytes so no mini stream is needed).
 * Enough for readers to list the directory and open the streams.
 */
export function buildCfb(streams: readonly { name: string; data: Uint8Array }[]): Uint8Array {
  const padded = streams.map((s) => {
    const data = s.data.length >= MINI_CUTOFF ? s.data : concat([s.data, new Uint8Array(MINI_CUTOFF - s.data.length)]);
    return { name: s.name, data };
  });
  // Directory: root + streams, 4 entries per sector.
  const dirEntries = padded.length + 1;
  const dirSectors = Math.ceil(dirEntries / 4);
  const streamSectors = padded.map((s) => Math.ceil(s.data.length / SECTOR));
  const dataSectors = streamSectors.reduce((a, b) => a + b, 0) + dirSectors;
  let fatSectors = 1;
  while (fatSectors * (SECTOR / 4) < dataSectors + fatSectors) fatSectors++;
  if (fatSectors > 109) throw new Error("buildCfb: too many sectors for a header-only DIFAT");

  const total = dataSectors + fatSectors;
  const fat = new Uint32Array(fatSectors * (SECTOR / 4)).fill(FREESECT);
  const body = new Uint8Array(total * SECTOR);
  let next = 0;
  const starts: number[] = [];
  padded.forEach((s, i) => {
    starts.push(next);
    body.set(s.data, next * SECTOR);
    for (let k = 0; k < streamSectors[i]!; k++) fat[next + k] = k === streamSectors[i]! - 1 ? ENDOFCHAIN : next + k + 1;
    next += streamSectors[i]!;
  });
  const dirStart = next;
  for (let k = 0; k < dirSectors; k++) fat[next + k] = k === dirSectors - 1 ? ENDOFCHAIN : next + k + 1;
  next += dirSectors;
  const fatStart = next;
  for (let k = 0; k < fatSectors; k++) fat[fatStart + k] = FATSECT;

  // Children of the root chained as right siblings, in the order CFB compares names.
  const order = padded.map((_, i) => i).sort((a, b) => compareCfbNames(padded[a]!.name, padded[b]!.name));
  const dir = new Uint8Array(dirSectors * SECTOR);
  const writeEntry = (id: number, name: string, type: number, child: number, right: number, start: number, size: number) => {
    const at = id * 128;
    const view = new DataView(dir.buffer, at, 128);
    const chars = [...name].slice(0, 31);
    chars.forEach((ch, i) => view.setUint16(i * 2, ch.charCodeAt(0), true));
    view.setUint16(64, (chars.length + 1) * 2, true);
    view.setUint8(66, type);
    view.setUint8(67, 1); // black
    view.setUint32(68, NOSTREAM, true);
    view.setUint32(72, right, true);
    view.setUint32(76, child, true);
    view.setUint32(116, start, true);
    view.setUint32(120, size, true);
  };
  for (let id = 0; id < dirSectors * 4; id++) {
    // Unused entries: empty name, type 0, no siblings.
    const view = new DataView(dir.buffer, id * 128, 128);
    view.setUint32(68, NOSTREAM, true);
    view.setUint32(72, NOSTREAM, true);
    view.setUint32(76, NOSTREAM, true);
  }
  writeEntry(0, "Root Entry", 5, order.length > 0 ? order[0]! + 1 : NOSTREAM, NOSTREAM, ENDOFCHAIN, 0);
  order.forEach((i, k) => {
    const right = k + 1 < order.length ? order[k + 1]! + 1 : NOSTREAM;
    writeEntry(i + 1, padded[i]!.name, 2, NOSTREAM, right, starts[i]!, padded[i]!.data.length);
  });
  body.set(dir, dirStart * SECTOR);
  body.set(new Uint8Array(fat.buffer), fatStart * SECTOR);

  const header = new Uint8Array(SECTOR);
  const hv = new DataView(header.buffer);
  header.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], 0);
  hv.setUint16(24, 0x003e, true);
  hv.setUint16(26, 0x0003, true);
  hv.setUint16(28, 0xfffe, true);
  hv.setUint16(30, 9, true);
  hv.setUint16(32, 6, true);
  hv.setUint32(44, fatSectors, true);
  hv.setUint32(48, dirStart, true);
  hv.setUint32(56, MINI_CUTOFF, true);
  hv.setUint32(60, ENDOFCHAIN, true);
  hv.setUint32(64, 0, true);
  hv.setUint32(68, ENDOFCHAIN, true);
  hv.setUint32(72, 0, true);
  for (let k = 0; k < 109; k++) hv.setUint32(76 + k * 4, k < fatSectors ? fatStart + k : FREESECT, true);
  return concat([header, body]);
}

function compareCfbNames(a: string, b: string): number {
  if (a.length !== b.length) return a.length - b.length;
  const ua = a.toUpperCase();
  const ub = b.toUpperCase();
  return ua < ub ? -1 : ua > ub ? 1 : 0;
}

/** An Office "agile" EncryptionInfo stream (version 4.4) as Word writes for a password-protected .docx. */
export function encryptionInfo(): Uint8Array {
  const xml =
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n' +
    '<encryption xmlns="http://schemas.microsoft.com/office/2006/encryption" xmlns:p="http://schemas.microsoft.com/office/2006/keyEncryptor/password">' +
    '<keyData saltSize="16" blockSize="16" keyBits="256" hashSize="64" cipherAlgorithm="AES" cipherChaining="ChainingModeCBC" hashAlgorithm="SHA512" saltValue="AAAAAAAAAAAAAAAAAAAAAA=="/>' +
    '<keyEncryptors><keyEncryptor uri="http://schemas.microsoft.com/office/2006/keyEncryptor/password">' +
    '<p:encryptedKey spinCount="100000" saltSize="16" blockSize="16" keyBits="256" hashSize="64" cipherAlgorithm="AES" cipherChaining="ChainingModeCBC" hashAlgorithm="SHA512" saltValue="AAAAAAAAAAAAAAAAAAAAAA=="/>' +
    "</keyEncryptor></keyEncryptors></encryption>";
  const head = new Uint8Array(8);
  const v = new DataView(head.buffer);
  v.setUint16(0, 4, true);
  v.setUint16(2, 4, true);
  v.setUint32(4, 0x40, true);
  return concat([head, new TextEncoder().encode(xml)]);
}

/** A password-protected .docx: a Compound File with EncryptionInfo and EncryptedPackage streams. */
export function encryptedDocx(): Uint8Array {
  const size = new Uint8Array(8);
  new DataView(size.buffer).setUint32(0, 10_000, true);
  return buildCfb([
    { name: "EncryptionInfo", data: encryptionInfo() },
    { name: "EncryptedPackage", data: concat([size, randomBytes(10_000, 7)]) },
  ]);
}
