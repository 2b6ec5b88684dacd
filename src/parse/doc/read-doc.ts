import { PerfgoalError } from "../../model/errors.js";
import type { SourceDocument } from "../document.js";
import { openCompoundFile, type CompoundFile } from "./cfb.js";
import { scanParagraphProps } from "./paragraph-props.js";
import { rebuildBlocks } from "./rebuild.js";
import { checkTextStructure } from "./structure-limits.js";
import { applySymbolFonts } from "./symbol-fonts.js";
import { readWordText } from "./word-text.js";

const WORD_MAGIC = 0xa5ec;
/** Word 6.0/95 files (nFib 0x65–0x69) predate the piece-table layout read here. */
const OLDEST_SUPPORTED_NFIB = 0x6a;
const F_ENCRYPTED = 0x0100;
const F_WHICH_TABLE_STREAM = 0x0200;

/**
 * Compound File → neutral document. A Word 97–2003 .doc is read through word-extractor (text
 * from the piece table) plus the paragraph properties (table cells, rows, cell edges); a
 * password-protected .docx or .doc is PG-E-ENCRYPTED; other Compound Files (Excel, PowerPoint)
 * are PG-E-FORMAT; damage is PG-E-CORRUPT.
 */
export async function readDoc(bytes: Uint8Array): Promise<SourceDocument> {
  const cf = openCompoundFile(bytes);
  refuseNonWord(cf);
  const wordDocument = cf.readStream("WordDocument");
  // Named in the directory but not a stream (a storage, or an entry of another type).
  if (!wordDocument) throw new PerfgoalError("PG-E-CORRUPT", { zh: "WordDocument 不是数据流", en: "WordDocument is not a stream" });
  const tableStream = checkFib(cf, wordDocument);
  // Counts and sizes the readers below will follow, held against the file before any is followed.
  checkTextStructure(wordDocument, tableStream);

  let words;
  try {
    words = await readWordText(bytes);
  } catch (e) {
    throw new PerfgoalError("PG-E-CORRUPT", { zh: "Word 97–2003 文档结构无法读取", en: "the Word 97–2003 document structure cannot be read" }, { cause: e });
  }
  let runs: ReturnType<typeof scanParagraphProps> = [];
  try {
    runs = scanParagraphProps(wordDocument, tableStream);
  } catch {
    runs = []; // damaged properties: the cell marks alone still give the tables
  }
  const text = applySymbolFonts(words.text, words.pieces, wordDocument, tableStream);
  const { blocks, warnings } = rebuildBlocks(text, words.pieces, runs);
  return { blocks, meta: { format: "doc" }, warnings };
}

function refuseNonWord(cf: CompoundFile): void {
  const names = cf.rootNames;
  if (names.has("EncryptionInfo") || names.has("EncryptedPackage")) {
    throw new PerfgoalError("PG-E-ENCRYPTED", { zh: "受密码保护的 Office 文档，请去掉密码后另存", en: "a password-protected Office document: remove the password and save it again" });
  }
  if (names.has("WordDocument")) return;
  if (names.has("Workbook") || names.has("Book")) throw new PerfgoalError("PG-E-FORMAT", { zh: "Excel 97–2003 工作簿，不是 Word 文档", en: "an Excel 97–2003 workbook, not a Word document" });
  if (names.has("PowerPoint Document")) throw new PerfgoalError("PG-E-FORMAT", { zh: "PowerPoint 演示文稿，不是 Word 文档", en: "a PowerPoint presentation, not a Word document" });
  throw new PerfgoalError("PG-E-FORMAT", { zh: "OLE 复合文档，但不是 Word 文档", en: "an OLE compound file, but not a Word document" });
}

/** Check the file information block; return the table stream it names. */
function checkFib(cf: CompoundFile, wd: Uint8Array): Uint8Array {
  if (wd.length < 0x1a6) throw new PerfgoalError("PG-E-CORRUPT", { zh: "WordDocument 流过短", en: "WordDocument stream too short" });
  const v = new DataView(wd.buffer, wd.byteOffset, wd.byteLength);
  if (v.getUint16(0, true) !== WORD_MAGIC) throw new PerfgoalError("PG-E-CORRUPT", { zh: "WordDocument 流标识无效", en: "invalid WordDocument stream signature" });
  const nFib = v.getUint16(2, true);
  if (nFib < OLDEST_SUPPORTED_NFIB) throw new PerfgoalError("PG-E-FORMAT", { zh: "Word 6.0/95 或更早的文档，请用 Word 或 WPS 另存为 .docx", en: "a Word 6.0/95 or older document: save it as .docx in Word or WPS" });
  const flags = v.getUint16(0x0a, true);
  if (flags & F_ENCRYPTED) throw new PerfgoalError("PG-E-ENCRYPTED", { zh: "受密码保护的 Word 文档，请去掉密码后另存", en: "a password-protected Word document: remove the password and save it again" });
  const name = flags & F_WHICH_TABLE_STREAM ? "1Table" : "0Table";
  const table = cf.readStream(name);
  if (!table) throw new PerfgoalError("PG-E-CORRUPT", { zh: `缺少 ${name} 流`, en: `${name} stream missing` });
  return table;
}
