import { PerfgoalError } from "../../model/errors.js";

/**
 * Checks, before any text is read, that the structures a .doc reader follows cannot make it do
 * more work than the file is big. Every count and size here comes from the file, so each is held
 * against what the file can actually hold:
 *
 * - the piece table (Clx → PlcPcd, [MS-DOC] 2.9.38): inside the table stream, its size a whole
 *   number of entries, character positions rising from 0, each piece's bytes inside the
 *   WordDocument stream, and all pieces together no more bytes than the stream has (Word stores
 *   each character once; a table that names the same bytes over and over is an amplifier, not
 *   a document);
 * - the property bin tables (PlcBtePapx, PlcBteChpx, 2.8.x): inside the table stream, each
 *   naming a page of the WordDocument stream, no page named twice, and no more runs than there
 *   are characters (every paragraph or character run holds at least one).
 *
 * Together these bound the text by the stream's size and the runs by the text, so everything
 * downstream (word-extractor's passes, the property scans, the rebuild) is linear in the file.
 */
export interface TextStructure {
  /** Characters of all pieces together (every story: main text, notes, headers …). */
  characters: number;
}

const FIB_CLX = 0x1a2;
const FIB_PLCF_BTE_CHPX = 0xfa;
const FIB_PLCF_BTE_PAPX = 0x102;
const PAGE = 512;
/** Pcd.fc bit 30: an 8-bit (compressed) piece, its position stored doubled. */
const FC_COMPRESSED = 0x40000000;

function damaged(zh: string, en: string): PerfgoalError {
  return new PerfgoalError("PG-E-CORRUPT", { zh, en });
}

export function checkTextStructure(wordDocument: Uint8Array, table: Uint8Array): TextStructure {
  const wd = new DataView(wordDocument.buffer, wordDocument.byteOffset, wordDocument.byteLength);
  const ts = new DataView(table.buffer, table.byteOffset, table.byteLength);
  if (wd.byteLength < FIB_CLX + 8) throw damaged("WordDocument 流过短", "WordDocument stream too short");
  const characters = checkPieceTable(wd, ts);
  checkBins(wd, ts, FIB_PLCF_BTE_PAPX, characters, { zh: "段落属性", en: "paragraph property" });
  checkBins(wd, ts, FIB_PLCF_BTE_CHPX, characters, { zh: "字符属性", en: "character property" });
  return { characters };
}

/** The piece table as word-extractor walks it; returns the characters it names. */
function checkPieceTable(wd: DataView, ts: DataView): number {
  const pieceTable = (zh: string, en: string) => damaged(`文本片段表${zh}`, `piece table: ${en}`);
  const fc = wd.getUint32(FIB_CLX, true);
  const lcb = wd.getUint32(FIB_CLX + 4, true);
  if (fc + lcb > ts.byteLength) throw pieceTable("超出表格流", "beyond the table stream");
  const end = fc + lcb;
  let pos = fc;
  // Property lists (Prc) come first: a type byte 1 and a two-byte size each.
  while (pos < end && ts.getUint8(pos) === 1) {
    if (pos + 3 > end) throw pieceTable("损坏", "damaged");
    pos += 3 + ts.getUint16(pos + 1, true);
  }
  if (pos + 5 > end || ts.getUint8(pos) !== 2) throw pieceTable("缺失", "missing");
  const size = ts.getUint32(pos + 1, true);
  const base = pos + 5;
  if (base + size > end || size < 16 || (size - 4) % 12 !== 0) throw pieceTable("大小无效", "invalid size");
  const count = (size - 4) / 12;

  let bytes = 0;
  let prev = ts.getUint32(base, true);
  if (prev !== 0) throw pieceTable("起始位置无效", "does not start at character 0");
  for (let i = 0; i < count; i++) {
    const next = ts.getUint32(base + (i + 1) * 4, true);
    if (next <= prev) throw pieceTable("字符位置未按顺序递增", "character positions do not rise");
    const raw = ts.getUint32(base + (count + 1) * 4 + i * 8 + 2, true);
    const compressed = (raw & FC_COMPRESSED) !== 0;
    const start = compressed ? Math.floor(((raw & ~FC_COMPRESSED) >>> 0) / 2) : raw;
    const length = (next - prev) * (compressed ? 1 : 2);
    if (start + length > wd.byteLength) throw pieceTable("指向 WordDocument 流之外", "a piece lies outside the WordDocument stream");
    bytes += length;
    if (bytes > wd.byteLength) throw pieceTable("引用的文本超过 WordDocument 流的长度（重复引用同一段字节）", "names more text than the WordDocument stream holds (the same bytes over and over)");
    prev = next;
  }
  return prev;
}

/** A bin table: pages inside the stream, each named once, no more runs than characters. */
function checkBins(wd: DataView, ts: DataView, fibOffset: number, characters: number, what: { zh: string; en: string }): void {
  const fc = wd.getUint32(fibOffset, true);
  const lcb = wd.getUint32(fibOffset + 4, true);
  // Under 12 bytes a bin table holds no page: word-extractor reads none, nor does perfgoal.
  if (lcb < 12) return;
  const bins = (zh: string, en: string) => damaged(`${what.zh}表${zh}`, `${what.en} table: ${en}`);
  if (fc + lcb > ts.byteLength) throw bins("超出表格流", "beyond the table stream");
  if ((lcb - 4) % 8 !== 0) throw bins("大小无效", "invalid size");
  const count = (lcb - 4) / 8;
  const pages = Math.floor(wd.byteLength / PAGE);
  const seen = new Uint8Array(pages);
  let runs = 0;
  for (let i = 0; i < count; i++) {
    const page = ts.getUint32(fc + (count + 1) * 4 + i * 4, true);
    if (page >= pages) throw bins("指向 WordDocument 流之外", "a page lies outside the WordDocument stream");
    if (seen[page]) throw bins("重复引用同一页", "names the same page twice");
    seen[page] = 1;
    runs += wd.getUint8(page * PAGE + PAGE - 1);
  }
  if (runs > characters + count) throw bins(`的格式段（${runs}）多于文本字符（${characters}）`, `more runs (${runs}) than characters (${characters})`);
}
