/**
 * Damaged containers: .docx packages whose headers disagree with what they hold (a part replaced
 * after packing, a local header that tells another story than the directory, a second end record
 * that shows another package) and .doc files whose structures amplify the work of reading them.
 */
import type { HostileCase } from "./make-cases.js";
import { buildZip, concat, crc32, seedBytes, storedEntry, unzipParts, wrapBody, type RawZipEntry } from "./bytes.js";
import { amplifiedParagraphProps, amplifiedPieceTable } from "./doc-amplify.js";

const MAIN = "word/document.xml";
const decode = (b: Uint8Array) => new TextDecoder().decode(b);
const encode = (s: string) => new TextEncoder().encode(s);

/** The seed's parts as stored entries, document.xml's edited by `edit`. */
function seedEntries(edit: (e: RawZipEntry) => RawZipEntry = (e) => e): RawZipEntry[] {
  return Object.entries(unzipParts(seedBytes("hengdong-2023.docx"))).map(([name, data]) => (name === MAIN ? edit(storedEntry(name, data)) : storedEntry(name, data)));
}

/** The seed's document.xml with its budget 361 made 3610. */
export function alteredDocumentXml(): Uint8Array {
  const xml = decode(unzipParts(seedBytes("hengdong-2023.docx"))[MAIN]!);
  if (!xml.includes(">361<")) throw new Error("seed document has no budget 361");
  return encode(xml.replace(">361<", ">3610<"));
}

/** document.xml replaced after packing: the headers keep the CRC of the original. */
function replacedPartDocx(): Uint8Array {
  return buildZip(seedEntries((e) => ({ ...storedEntry(MAIN, alteredDocumentXml()), crc: e.crc! })));
}

/** Offset of the local header of the entry named `name`. */
function localHeaderOf(zip: Uint8Array, name: string): number {
  const want = encode(name);
  const v = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  for (let p = 0; p + 30 <= zip.length; p++) {
    if (v.getUint32(p, true) !== 0x04034b50 || v.getUint16(p + 26, true) !== want.length) continue;
    if (want.every((b, i) => zip[p + 30 + i] === b)) return p;
  }
  throw new Error(`no local header for ${name}`);
}

/** The seed package with the local header of document.xml patched (the directory left as it was). */
function patchedLocalHeader(patch: (v: DataView, at: number, zip: Uint8Array) => void, entries = seedEntries()): Uint8Array {
  const zip = buildZip(entries);
  patch(new DataView(zip.buffer), localHeaderOf(zip, MAIN), zip);
  return zip;
}

/** The seed package with the end record's position and size read back. */
function endRecord(zip: Uint8Array): { at: number; dirOffset: number; dirSize: number; count: number } {
  const v = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const at = zip.length - 22;
  return { at, count: v.getUint16(at + 10, true), dirSize: v.getUint32(at + 12, true), dirOffset: v.getUint32(at + 16, true) };
}

/**
 * Two end records, the classic trick: the real one's comment holds a second directory and a
 * second end record. A reader that scans from the end opens the second directory, in which
 * document.xml is a shadow copy appended to the package; a reader that takes the first entry
 * of a name from the real directory opens the seed.
 */
export function twoEndRecordsDocx(): Uint8Array {
  const shadow = storedEntry(MAIN, wrapBody("<w:p><w:r><w:t>shadow</w:t></w:r></w:p>"));
  const zip = buildZip([...seedEntries(), shadow]);
  const end = endRecord(zip);
  const v = new DataView(zip.buffer);
  // The second directory: the same records less the first document.xml, so the shadow is the one.
  const records: Uint8Array[] = [];
  let skipped = false;
  for (let p = end.dirOffset; p < end.dirOffset + end.dirSize; ) {
    const size = 46 + v.getUint16(p + 28, true) + v.getUint16(p + 30, true) + v.getUint16(p + 32, true);
    const name = decode(zip.subarray(p + 46, p + 46 + v.getUint16(p + 28, true)));
    if (name === MAIN && !skipped) skipped = true;
    else records.push(zip.subarray(p, p + size));
    p += size;
  }
  const dir = concat(records);
  const second = new Uint8Array(22);
  const sv = new DataView(second.buffer);
  sv.setUint32(0, 0x06054b50, true);
  sv.setUint16(8, records.length, true);
  sv.setUint16(10, records.length, true);
  sv.setUint32(12, dir.length, true);
  sv.setUint32(16, end.at + 22, true);
  const out = concat([zip, dir, second]);
  new DataView(out.buffer).setUint16(end.at + 20, dir.length + second.length, true);
  return out;
}

/** Bytes slipped in between the directory and the end record (which still points at the directory). */
function gapBeforeEndDocx(): Uint8Array {
  const zip = buildZip(seedEntries());
  const end = endRecord(zip);
  return concat([zip.subarray(0, end.at), new Uint8Array(64).fill(0x20), zip.subarray(end.at)]);
}

/** Local headers that leave CRC and sizes to a data descriptor (flag bit 3), as streaming writers do. */
function dataDescriptorDocx(): Uint8Array {
  const entries = seedEntries().map((e) => ({ ...e, flags: 0x0008 }));
  const zip = buildZip(entries);
  const v = new DataView(zip.buffer);
  for (const e of entries) {
    const at = localHeaderOf(zip, e.name);
    for (const field of [14, 18, 22]) v.setUint32(at + field, 0, true);
  }
  return zip;
}


export const CONTAINERS_CASES: HostileCase[] = [
  { group: "containers", file: "校验和 不符.docx", build: replacedPartDocx, expect: { refused: "PG-E-CORRUPT" }, why: "document.xml replaced after packing (budget 361 → 3610), its CRC-32 kept" },
  {
    group: "containers",
    file: "本地头 名称不符.docx",
    build: () => patchedLocalHeader((_v, at, zip) => zip.set(encode("word/documenX.xml"), at + 30)),
    expect: { refused: "PG-E-CORRUPT" },
    why: "the local header of document.xml names another part than the directory",
  },
  {
    group: "containers",
    file: "本地头 大小不符.docx",
    build: () =>
      patchedLocalHeader((v, at) => {
        v.setUint32(at + 18, v.getUint32(at + 18, true) - 100, true);
        v.setUint32(at + 22, v.getUint32(at + 22, true) - 100, true);
      }),
    expect: { refused: "PG-E-CORRUPT" },
    why: "the local header of document.xml gives other sizes than the directory",
  },
  {
    group: "containers",
    file: "本地头 校验和不符.docx",
    build: () => patchedLocalHeader((v, at) => v.setUint32(at + 14, crc32(alteredDocumentXml()), true)),
    expect: { refused: "PG-E-CORRUPT" },
    why: "the local header of document.xml gives another CRC than the directory",
  },
  { group: "containers", file: "两个 结束记录.docx", build: twoEndRecordsDocx, expect: { refused: "PG-E-CORRUPT" }, why: "a second directory and end record hidden in the end record's comment" },
  { group: "containers", file: "目录后 多余数据.docx", build: gapBeforeEndDocx, expect: { refused: "PG-E-CORRUPT" }, why: "bytes between the directory and the end record" },
  {
    group: "containers",
    file: "内嵌 空压缩包.docx",
    build: () => buildZip([...seedEntries(), storedEntry("word/embeddings/empty.zip", buildZip([]))]),
    expect: { readable: true, sameAs: "hengdong-2023.docx" },
    why: "an empty zip stored as the last part: its end record is data, not a second end record",
  },
  { group: "containers", file: "数据 描述符.docx", build: dataDescriptorDocx, expect: { readable: true, sameAs: "hengdong-2023.docx" }, why: "local headers that leave CRC and sizes to a data descriptor" },
  {
    group: "containers",
    file: "片段表 放大.doc",
    build: () => amplifiedPieceTable(85_000),
    expect: { refused: "PG-E-CORRUPT" },
    why: "a 1.1 MB .doc whose 85 000 pieces each name the whole text again",
    heavy: true,
  },
  {
    group: "containers",
    file: "段落属性 放大.doc",
    build: () => amplifiedParagraphProps(130_000),
    expect: { refused: "PG-E-CORRUPT" },
    why: "a 1.1 MB .doc whose 130 000 paragraph property entries all name one page of row ends over the whole text",
    heavy: true,
  },
];
