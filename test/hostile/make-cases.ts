/**
 * The catalogue of broken, mislabelled and hostile inputs, generated at test time (nothing big is
 * committed). Each case says what perfgoal must answer: a refusal with a stable code, or a
 * correct read (with a warning at most).
 *
 *   npx tsx test/hostile/make-cases.ts <folder> [group…]   writes the cases for a look by hand
 */
import { promises as fs } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import iconv from "iconv-lite";
import type { ErrorCode } from "../../src/model/errors.js";
import { openCompoundFile } from "../../src/parse/doc/cfb.js";
import { buildCfb, type CfbOptions } from "../parse/doc/cfb-builder.js";
import {
  buildZip,
  concat,
  deflatedDocxWithDocumentXml,
  docxWithDocumentXml,
  encryptedDocx,
  randomBytes,
  seedBytes,
  seedDocumentXml,
  storedEntry,
  unzipParts,
  wrapBody,
  zeroBomb,
  MINIMAL_YAML,
  seedText,
} from "./bytes.js";
import { SHOWS_CASES } from "./cases-shows.js";
import { ISOLATION_CASES } from "./cases-isolation.js";
import { CONTAINERS_CASES } from "./cases-containers.js";
import { SHEETS_CASES } from "./cases-sheets.js";

export type Group = "broken" | "names" | "zip" | "xml" | "encrypted" | "text" | "yaml" | "shows" | "isolation" | "containers" | "sheets";

export type Expectation =
  /** Refused: exit 1, one stderr line naming the file with this code. */
  | { refused: ErrorCode }
  /**
   * Read as a form; `warning` when a remark on stderr is expected (wrong extension, mixed encoding …);
   * `sameAs`: the seed in examples/ it must read exactly like.
   */
  | { readable: true; warning?: RegExp; sameAs?: string };

export interface HostileCase {
  group: Group;
  /** File name inside the group's folder: spaces and Chinese on purpose. */
  file: string;
  build: () => Uint8Array;
  expect: Expectation;
  /** Why this case exists, in a few words. */
  why: string;
  /** Worth running in a child process with memory and time measured. */
  heavy?: boolean;
}

const utf8 = (s: string) => new TextEncoder().encode(s);
const decode = (b: Uint8Array) => new TextDecoder().decode(b);


/** The seed text up to (not including) its indicator table: a header with no indicators. */
export function headerOnlyText(): string {
  const lines = seedText().split("\n");
  const at = lines.findIndex((l) => l.includes("一级指标"));
  // Keep the lines before the table header, minus any table rule lines right above it.
  return lines
    .slice(0, Math.max(1, at))
    .filter((l) => !/一级|绩效指标/.test(l))
    .join("\n");
}


/** `&a [*b,*b,…]` ten levels deep: 10^9 nodes if expanded. */
function yamlAliasBomb(): string {
  const lines = ['a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
  for (let i = 1; i < 10; i++) lines.push(`a${i}: &a${i} [${Array.from({ length: 10 }, () => `*a${i - 1}`).join(",")}]`);
  return `${MINIMAL_YAML}bomb: *a9\n${lines.join("\n")}\n`;
}

/** Block mappings nested `depth` levels by indentation (no brackets). */
function yamlDeepBlock(depth: number): string {
  let out = MINIMAL_YAML + "otherFields:\n";
  for (let i = 0; i < depth; i++) out += `${" ".repeat(i + 1)}k${i}:\n`;
  return out + `${" ".repeat(depth + 1)}deep\n`;
}

/** Block sequences nested `depth` levels: `- - - - x`. */
function yamlDeepSeq(depth: number): string {
  return `${MINIMAL_YAML}otherFields:\n  ${"- ".repeat(depth)}x\n`;
}

const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>';

/** document.xml with a DOCTYPE inserted before the root element. */
function withDoctype(xml: string, doctype: string): string {
  return xml.replace(/^(<\?xml[^>]*\?>)?\s*/, (m, decl: string | undefined) => `${decl ?? XML_HEAD}${doctype}`);
}

/** The classic billion laughs: ten levels of ten references. */
export function billionLaughsDoctype(): string {
  const ents = ['<!ENTITY lol0 "lol">'];
  for (let i = 1; i < 10; i++) ents.push(`<!ENTITY lol${i} "${`&lol${i - 1};`.repeat(10)}">`);
  return `<!DOCTYPE w:document [${ents.join("")}]>`;
}

/** Tables nested `depth` deep, each in the only cell of its parent, with text at the bottom. */
export function nestedTablesXml(depth: number): string {
  const open = "<w:tbl><w:tr><w:tc>";
  const close = "</w:tc></w:tr></w:tbl>";
  return wrapBody(`${open.repeat(depth)}<w:p><w:r><w:t>最深处</w:t></w:r></w:p>${close.repeat(depth)}<w:p/>`);
}

/** The seed document with a deep nest of tables inserted after the form's tables. */
function seedWithNestedTables(depth: number): string {
  const xml = seedDocumentXml();
  const open = "<w:tbl><w:tr><w:tc>";
  const close = "<w:p/></w:tc></w:tr></w:tbl>";
  const nest = `${open.repeat(depth)}<w:p><w:r><w:t>嵌套</w:t></w:r></w:p>${close.repeat(depth)}`;
  const at = xml.lastIndexOf("<w:sectPr");
  return xml.slice(0, at) + nest + xml.slice(at);
}

/** The seed document with `text` written into the first cell that holds `near`. */
function seedWithCellText(near: string, text: string): string {
  const xml = seedDocumentXml();
  const at = xml.indexOf(`>${near}<`);
  if (at < 0) throw new Error(`seed document has no cell text ${near}`);
  return `${xml.slice(0, at + 1)}${text}${xml.slice(at + 1)}`;
}

const MB = 1024 * 1024;

/** Text that stresses regexes: digits, signs and spaces that never settle into a value. */
function regexStress(size: number): string {
  const unit = "≥1 2.3,4-5%约 ";
  return unit.repeat(Math.ceil(size / unit.length)).slice(0, size);
}

/** The seed .docx cut to a share of its length. */
function truncated(bytes: Uint8Array, share: number): Uint8Array {
  return bytes.subarray(0, Math.floor(bytes.length * share));
}

/** The seed .docx with document.xml cut off mid-way (the zip itself intact). */
function cutXmlDocx(): Uint8Array {
  const xml = seedDocumentXml();
  return docxWithDocumentXml(xml.slice(0, Math.floor(xml.length * 0.6)));
}

/** A zip of the seed's parts plus entries with climbing or absolute names. */
function traversalDocx(marker: string): Uint8Array {
  return docxWithDocumentXml(seedDocumentXml(), [
    storedEntry("../../perfgoal-escaped.txt", marker),
    storedEntry(`/tmp/perfgoal-absolute-${marker}.txt`, marker),
    storedEntry("..\\..\\perfgoal-backslash.txt", marker),
    storedEntry("C:/perfgoal-drive.txt", marker),
  ]);
}

/** The main document part as a deflate bomb whose headers claim 2 KB. */
function bombDocx(inflated: number): Uint8Array {
  const parts = unzipParts(seedBytes("hengdong-2023.docx"));
  const entries = Object.entries(parts)
    .filter(([name]) => name !== "word/document.xml")
    .map(([name, data]) => storedEntry(name, data));
  entries.push({ name: "word/document.xml", stored: zeroBomb(inflated), method: 8, claimedSize: 2048 });
  return buildZip(entries);
}

/** A zip whose small package part (the relationships) is the bomb. */
function relsBombDocx(inflated: number): Uint8Array {
  const parts = unzipParts(seedBytes("hengdong-2023.docx"));
  const entries = Object.entries(parts)
    .filter(([name]) => name !== "_rels/.rels")
    .map(([name, data]) => storedEntry(name, data));
  entries.unshift({ name: "_rels/.rels", stored: zeroBomb(inflated), method: 8, claimedSize: 500 });
  return buildZip(entries);
}

/** Two entries named word/document.xml: the first wins, a later copy cannot shadow it. */
function duplicateEntryDocx(): Uint8Array {
  const parts = unzipParts(seedBytes("hengdong-2023.docx"));
  const entries = Object.entries(parts).map(([name, data]) => storedEntry(name, data));
  entries.push(storedEntry("word/document.xml", wrapBody("<w:p><w:r><w:t>shadow</w:t></w:r></w:p>")));
  return buildZip(entries);
}

const HTML_PAGE = `<html xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:w="urn:schemas-microsoft-com:office:word">
<head><meta http-equiv="Content-Type" content="text/html; charset=utf-8"><title>项目支出绩效目标申报表</title></head>
<body><table border="1"><tr><td>一级指标</td><td>二级指标</td><td>三级指标</td><td>指标值</td></tr>
<tr><td>产出指标</td><td>数量指标</td><td>培训人次</td><td>≥100人次</td></tr></table></body></html>
`;

const MHT_PAGE = `MIME-Version: 1.0
Content-Type: multipart/related; boundary="----=_NextPart_01D9"

------=_NextPart_01D9
Content-Location: file:///C:/form.htm
Content-Type: text/html; charset="utf-8"

<html><body><table><tr><td>一级指标</td></tr></table></body></html>
------=_NextPart_01D9--
`;

const RTF_DOC = String.raw`{\rtf1\ansi\ansicpg936\deff0{\fonttbl{\f0\fnil\fcharset134 SimSun;}}
\trowd\cellx2000\cellx4000\intbl 一级指标\cell 二级指标\cell\row
}`;

const WORD_2003_XML = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<?mso-application progid="Word.Document"?>
<w:wordDocument xmlns:w="http://schemas.microsoft.com/office/word/2003/wordml"><w:body><w:p><w:r><w:t>项目支出绩效目标申报表</w:t></w:r></w:p></w:body></w:wordDocument>
`;

const PDF_DOC = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n";

/** The seed .doc's streams repacked with a sector chain that loops (see cfb-builder.ts). */
function loopedDoc(options: CfbOptions): Uint8Array {
  const seed = openCompoundFile(seedBytes("hengdong-2023.doc"));
  return buildCfb({ WordDocument: seed.readStream("WordDocument")!, "1Table": seed.readStream("1Table")! }, options);
}

export const CASES: HostileCase[] = [
  // --- broken ------------------------------------------------------------------------------
  { group: "broken", file: "空 文件.docx", build: () => new Uint8Array(0), expect: { refused: "PG-E-EMPTY" }, why: "empty .docx" },
  { group: "broken", file: "空 文件.doc", build: () => new Uint8Array(0), expect: { refused: "PG-E-EMPTY" }, why: "empty .doc" },
  { group: "broken", file: "空 文件.txt", build: () => new Uint8Array(0), expect: { refused: "PG-E-EMPTY" }, why: "empty .txt" },
  { group: "broken", file: "空 文件.yaml", build: () => new Uint8Array(0), expect: { refused: "PG-E-EMPTY" }, why: "empty .yaml" },
  { group: "broken", file: "随机 字节.docx", build: () => randomBytes(64 * 1024, 1), expect: { refused: "PG-E-FORMAT" }, why: "random bytes as .docx" },
  { group: "broken", file: "随机 字节.doc", build: () => randomBytes(64 * 1024, 2), expect: { refused: "PG-E-FORMAT" }, why: "random bytes as .doc" },
  { group: "broken", file: "随机 字节.txt", build: () => randomBytes(64 * 1024, 3), expect: { refused: "PG-E-FORMAT" }, why: "random bytes as .txt" },
  { group: "broken", file: "截断 一半.docx", build: () => truncated(seedBytes("hengdong-2023.docx"), 0.5), expect: { refused: "PG-E-CORRUPT" }, why: "truncated .docx (zip directory lost)" },
  { group: "broken", file: "截断 末尾.docx", build: () => truncated(seedBytes("hengdong-2023.docx"), 0.98), expect: { refused: "PG-E-CORRUPT" }, why: ".docx missing its last bytes" },
  { group: "broken", file: "截断 一半.doc", build: () => truncated(seedBytes("hengdong-2023.doc"), 0.5), expect: { refused: "PG-E-CORRUPT" }, why: "truncated .doc" },
  { group: "broken", file: "截断 开头.doc", build: () => truncated(seedBytes("hengdong-2023.doc"), 0.02), expect: { refused: "PG-E-CORRUPT" }, why: ".doc cut right after its header" },
  { group: "broken", file: "迷你分配表 成环.doc", build: () => loopedDoc({ loopMiniFat: true }), expect: { refused: "PG-E-CORRUPT" }, why: "a .doc whose mini-FAT chain loops where the header declares none (the .doc reader would follow it until V8 aborts)" },
  { group: "broken", file: "根链 成环.doc", build: () => loopedDoc({ loopRootChain: true }), expect: { refused: "PG-E-CORRUPT" }, why: "a .doc whose root chain loops where the root's size is 0" },
  { group: "broken", file: "XML 截断.docx", build: cutXmlDocx, expect: { refused: "PG-E-CORRUPT" }, why: "document.xml cut off inside the zip" },

  // --- wrong names -------------------------------------------------------------------------
  { group: "names", file: "文本 另存.docx", build: () => seedBytes("hengdong-2023.txt"), expect: { readable: true, warning: /\.docx/, sameAs: "hengdong-2023.txt" }, why: "text saved as .docx" },
  { group: "names", file: "旧版 另存.docx", build: () => seedBytes("hengdong-2023.doc"), expect: { readable: true, warning: /\.docx/, sameAs: "hengdong-2023.doc" }, why: ".doc saved as .docx" },
  { group: "names", file: "新版 另存.doc", build: () => seedBytes("hengdong-2023.docx"), expect: { readable: true, warning: /\.doc/, sameAs: "hengdong-2023.docx" }, why: ".docx saved as .doc" },
  { group: "names", file: "网页 另存.doc", build: () => utf8(HTML_PAGE), expect: { refused: "PG-E-FORMAT" }, why: "HTML page saved as .doc" },
  { group: "names", file: "网页 单文件.doc", build: () => utf8(MHT_PAGE), expect: { refused: "PG-E-FORMAT" }, why: "single-file web page (MHTML) saved as .doc" },
  { group: "names", file: "RTF 另存.doc", build: () => utf8(RTF_DOC), expect: { refused: "PG-E-FORMAT" }, why: "RTF saved as .doc" },
  { group: "names", file: "Word 2003 XML.doc", build: () => utf8(WORD_2003_XML), expect: { refused: "PG-E-FORMAT" }, why: "Word 2003 XML saved as .doc" },
  { group: "names", file: "扫描 件.pdf", build: () => utf8(PDF_DOC), expect: { refused: "PG-E-CORRUPT" }, why: "a PDF with a catalog and no pages" },
  { group: "names", file: "扫描 件.docx", build: () => utf8(PDF_DOC), expect: { refused: "PG-E-CORRUPT" }, why: "a PDF saved as .docx (read as the PDF it is)" },

  // --- zip dangers -------------------------------------------------------------------------
  { group: "zip", file: "压缩 炸弹.docx", build: () => bombDocx(300 * MB), expect: { refused: "PG-E-ZIP-BOMB" }, why: "document.xml inflates to 300 MB, headers claim 2 KB", heavy: true },
  { group: "zip", file: "关系 炸弹.docx", build: () => relsBombDocx(64 * MB), expect: { refused: "PG-E-ZIP-BOMB" }, why: "_rels/.rels inflates to 64 MB", heavy: true },
  { group: "zip", file: "路径 穿越.docx", build: () => traversalDocx("h8"), expect: { readable: true, sameAs: "hengdong-2023.docx" }, why: "entries named ../ and /tmp/… (never extracted)" },
  { group: "zip", file: "没有 正文.docx", build: () => buildZip([storedEntry("[Content_Types].xml", "<Types/>"), storedEntry("xl/workbook.xml", "<workbook/>")]), expect: { refused: "PG-E-FORMAT" }, why: "zip without word/document.xml" },
  { group: "zip", file: "空 压缩包.docx", build: () => buildZip([]), expect: { refused: "PG-E-FORMAT" }, why: "zip with no entries" },
  { group: "zip", file: "重复 条目.docx", build: duplicateEntryDocx, expect: { readable: true, sameAs: "hengdong-2023.docx" }, why: "document.xml twice: the first is read" },
  { group: "zip", file: "加密 条目.docx", build: () => buildZip([{ ...storedEntry("word/document.xml", seedDocumentXml()), flags: 1 }]), expect: { refused: "PG-E-ENCRYPTED" }, why: "zip entry with the encryption flag" },

  // --- XML dangers -------------------------------------------------------------------------
  {
    group: "xml",
    file: "外部 实体.docx",
    build: () => docxWithDocumentXml(withDoctype(seedDocumentXml(), '<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>').replace("<w:t>", "<w:t>&xxe;")),
    expect: { refused: "PG-E-XML" },
    why: "DOCTYPE with an external file entity",
  },
  { group: "xml", file: "十亿 笑声.docx", build: () => docxWithDocumentXml(withDoctype(seedDocumentXml(), billionLaughsDoctype()).replace("<w:t>", "<w:t>&lol9;")), expect: { refused: "PG-E-XML" }, why: "billion laughs" },
  { group: "xml", file: "关系 实体.docx", build: () => relsWithDoctype(), expect: { refused: "PG-E-XML" }, why: "DOCTYPE in _rels/.rels" },
  { group: "xml", file: "嵌套 表格.docx", build: () => docxWithDocumentXml(nestedTablesXml(5000)), expect: { refused: "PG-E-NO-TABLE" }, why: "tables nested 5000 deep, nothing else", heavy: true },
  { group: "xml", file: "表单 含深嵌套.docx", build: () => docxWithDocumentXml(seedWithNestedTables(5000)), expect: { readable: true, warning: /嵌套/, sameAs: "hengdong-2023.docx" }, why: "the seed form plus tables nested 5000 deep", heavy: true },
  { group: "xml", file: "深层 元素.docx", build: () => docxWithDocumentXml(wrapBody(`${"<w:x>".repeat(200_000)}${"</w:x>".repeat(200_000)}`)), expect: { refused: "PG-E-NO-TABLE" }, why: "200 000 nested unknown elements", heavy: true },
  { group: "xml", file: "巨大 单元格.docx", build: () => docxWithDocumentXml(seedWithCellText("100%", "数".repeat(4 * MB))), expect: { readable: true }, why: "a 指标值 cell holding 4 M characters", heavy: true },
  {
    group: "xml",
    file: "宽 表格.docx",
    build: () => deflatedDocxWithDocumentXml(wrapBody(`<w:tbl><w:tr>${"<w:tc><w:p><w:r><w:t>1</w:t></w:r></w:p></w:tc>".repeat(260_000)}</w:tr></w:tbl>`)),
    expect: { refused: "PG-E-TOO-LARGE" },
    why: "one table row of 260 000 cells",
    heavy: true,
  },
  {
    group: "xml",
    file: "长 表格.docx",
    build: () => deflatedDocxWithDocumentXml(wrapBody(`<w:tbl>${"<w:tr><w:tc><w:p><w:r><w:t>一级指标</w:t></w:r></w:p></w:tc><w:tc><w:p/></w:tc></w:tr>".repeat(120_000)}</w:tbl>`)),
    expect: { refused: "PG-E-NO-TABLE" },
    why: "120 000 rows that each look like a header",
    heavy: true,
  },
  { group: "xml", file: "段落 过多.docx", build: () => deflatedDocxWithDocumentXml(wrapBody("<w:p><w:r><w:t>x</w:t></w:r></w:p>".repeat(510_000))), expect: { refused: "PG-E-TOO-LARGE" }, why: "510 000 paragraphs", heavy: true },
  { group: "xml", file: "一级 巨大.docx", build: () => docxWithDocumentXml(seedWithCellText("产出指标", "产".repeat(4 * MB))), expect: { refused: "PG-E-TOO-LARGE" }, why: "a merged 一级 cell holding 4 M characters", heavy: true },
  { group: "xml", file: "一级 空白.docx", build: () => docxWithDocumentXml(seedWithCellText("产出指标", " ".repeat(4 * MB))), expect: { readable: true }, why: "a merged 一级 cell padded with 4 M spaces", heavy: true },
  { group: "xml", file: "正则 压力.docx", build: () => docxWithDocumentXml(seedWithCellText("100%", regexStress(4 * MB))), expect: { readable: true }, why: "a cell of 4 MB of digits, signs and spaces", heavy: true },

  // --- encrypted -----------------------------------------------------------------------------
  { group: "encrypted", file: "加密 文档.docx", build: encryptedDocx, expect: { refused: "PG-E-ENCRYPTED" }, why: "password-protected .docx (Compound File with EncryptionInfo)" },
  { group: "encrypted", file: "加密 另存.doc", build: encryptedDocx, expect: { refused: "PG-E-ENCRYPTED" }, why: "password-protected .docx named .doc" },

  // --- text --------------------------------------------------------------------------------
  { group: "text", file: "国标 GBK.txt", build: () => iconv.encode(seedText(), "gbk"), expect: { readable: true, sameAs: "hengdong-2023.txt" }, why: "GBK" },
  { group: "text", file: "UTF-16 小端.txt", build: () => concat([new Uint8Array([0xff, 0xfe]), iconv.encode(seedText(), "utf-16le")]), expect: { readable: true, sameAs: "hengdong-2023.txt" }, why: "UTF-16LE with BOM" },
  { group: "text", file: "UTF-16 大端 无BOM.txt", build: () => iconv.encode(seedText(), "utf-16be"), expect: { readable: true, sameAs: "hengdong-2023.txt" }, why: "UTF-16BE without BOM" },
  { group: "text", file: "BOM 回车换行.txt", build: () => utf8(`\ufeff${seedText().replace(/\r?\n/g, "\r\n")}`), expect: { readable: true, sameAs: "hengdong-2023.txt" }, why: "UTF-8 with BOM and CRLF" },
  { group: "text", file: "混合 编码.txt", build: mixedEncodingText, expect: { readable: true, warning: /UTF-8.*GBK/, sameAs: "hengdong-2023.txt" }, why: "lines in UTF-8 and GBK mixed" },
  { group: "text", file: "二进制 垃圾.txt", build: () => randomBytes(200_000, 4), expect: { refused: "PG-E-FORMAT" }, why: "binary junk named .txt" },
  { group: "text", file: "控制 字符.txt", build: controlJunkText, expect: { refused: "PG-E-ENCODING" }, why: "text riddled with control characters beyond the first 4 KiB" },
  { group: "text", file: "一行 20MB.txt", build: () => utf8("项目名称".repeat(5 * MB / 2)), expect: { refused: "PG-E-NO-TABLE" }, why: "one 20 MB line", heavy: true },
  { group: "text", file: "一行 竖线.txt", build: () => utf8("| 指标 ".repeat(20 * MB / 8)), expect: { refused: "PG-E-TOO-LARGE" }, why: "one 20 MB line of pipe cells: a row of millions of cells", heavy: true },
  { group: "text", file: "两行 竖线.txt", build: () => utf8(`${"| 指标 ".repeat(10 * MB / 8)}\n${"| 指标 ".repeat(10 * MB / 8)}\n`), expect: { refused: "PG-E-TOO-LARGE" }, why: "two 10 MB rows of pipe cells", heavy: true },
  { group: "text", file: "一行 制表符.txt", build: () => utf8("一级指标\t".repeat(20 * MB / 13)), expect: { refused: "PG-E-TOO-LARGE" }, why: "one 20 MB line of tab cells", heavy: true },
  { group: "text", file: "表单 加长行.txt", build: () => utf8(`${seedText()}\n${"说明".repeat(10 * MB / 6)}\n`), expect: { readable: true }, why: "the seed form and a 20 MB line after it", heavy: true },
  { group: "text", file: "只有 表头.txt", build: () => utf8(headerOnlyText()), expect: { refused: "PG-E-NO-TABLE" }, why: "header fields without an indicator table" },
  { group: "text", file: "十万行 空格词.txt", build: () => utf8(`产出指标 ${"字 ".repeat(40)}
`.repeat(100_000)), expect: { refused: "PG-E-NO-TABLE" }, why: "100 000 row lines of 40 single-spaced words: soft splits within their budget", heavy: true },
  { group: "text", file: "表头 加万行空格词.txt", build: () => utf8(`一级指标 二级指标 三级指标 指标值
${"产出指标 数量指标 某 字 字 字 字 字 字 ≥1个\n".repeat(10_000)}`), expect: { readable: true }, why: "an indicator table of 10 000 single-space rows", heavy: true },

  // --- YAML --------------------------------------------------------------------------------
  { group: "yaml", file: "别名 炸弹.yaml", build: () => utf8(yamlAliasBomb()), expect: { refused: "PG-E-YAML" }, why: "alias bomb" },
  {
    group: "yaml",
    file: "类型 错误.yaml",
    build: () => utf8(MINIMAL_YAML.replace("year: 2024", "year: 二〇二四").replace("total: 100", "total: [1, 2]")),
    expect: { refused: "PG-E-SCHEMA" },
    why: "wrong types, reported by path",
  },
  { group: "yaml", file: "方括号 嵌套.yaml", build: () => utf8(`${MINIMAL_YAML}otherFields: ${"[".repeat(50_000)}${"]".repeat(50_000)}\n`), expect: { refused: "PG-E-YAML" }, why: "flow nesting 50 000 deep", heavy: true },
  { group: "yaml", file: "缩进 嵌套.yaml", build: () => utf8(yamlDeepBlock(2000)), expect: { refused: "PG-E-YAML" }, why: "block mappings nested 2000 deep", heavy: true },
  { group: "yaml", file: "序列 嵌套.yaml", build: () => utf8(yamlDeepSeq(5000)), expect: { refused: "PG-E-YAML" }, why: "block sequences nested 5000 deep", heavy: true },
  {
    group: "yaml",
    file: "未知 标签.yaml",
    build: () => utf8(MINIMAL_YAML.replace("name: 测试项目", "name: !!js/function 'function(){ require(\"fs\").writeFileSync(\"/tmp/perfgoal-yaml-evaluated\", \"x\") }'")),
    expect: { refused: "PG-E-YAML" },
    why: "!!js/function tag (never evaluated)",
  },
  { group: "yaml", file: "自定义 标签.yaml", build: () => utf8(MINIMAL_YAML.replace("total: 100", "total: !eval 100")), expect: { refused: "PG-E-YAML" }, why: "a local !tag" },
  { group: "yaml", file: "重复 键.yaml", build: () => utf8(MINIMAL_YAML.replace("year: 2024\n", "year: 2024\nyear: 2025\n")), expect: { refused: "PG-E-YAML" }, why: "duplicate keys (never last-one-wins)" },
  { group: "yaml", file: "十万 键.yaml", build: () => utf8(`${MINIMAL_YAML}${Array.from({ length: 100_000 }, (_, i) => `k${i}: ${i}`).join("\n")}\n`), expect: { refused: "PG-E-SCHEMA" }, why: "100 000 keys in one map: the duplicate-key check is linear", heavy: true },
  { group: "yaml", file: "长 文本.yaml", build: () => utf8(MINIMAL_YAML.replace("annual: 完成测试", `annual: "${"完成".repeat(600_000)}"`)), expect: { readable: true }, why: "a goal of 3.6 MB in one YAML string", heavy: true },
  { group: "yaml", file: "超大 文件.yaml", build: () => utf8(MINIMAL_YAML.replace("annual: 完成测试", `annual: "${"完成".repeat(3 * MB)}"`)), expect: { refused: "PG-E-TOO-LARGE" }, why: "an 18 MB YAML file", heavy: true },
  { group: "yaml", file: "二进制 垃圾.yaml", build: () => randomBytes(10_000, 5), expect: { refused: "PG-E-FORMAT" }, why: "binary junk named .yaml" },
  { group: "yaml", file: "不是 映射.yaml", build: () => utf8("- 1\n- 2\n"), expect: { refused: "PG-E-SCHEMA" }, why: "a list instead of a form" },
  { group: "yaml", file: "语法 错误.yaml", build: () => utf8(`${MINIMAL_YAML}signatures: {filler: "未闭合\n`), expect: { refused: "PG-E-YAML" }, why: "broken syntax" },

  ...SHOWS_CASES,
  ...ISOLATION_CASES,
  ...CONTAINERS_CASES,
  ...SHEETS_CASES,
];

/** The seed's _rels/.rels with a DOCTYPE in front. */
function relsWithDoctype(): Uint8Array {
  const parts = unzipParts(seedBytes("hengdong-2023.docx"));
  const rels = decode(parts["_rels/.rels"]!);
  parts["_rels/.rels"] = utf8(withDoctype(rels, '<!DOCTYPE Relationships [<!ENTITY x SYSTEM "file:///etc/passwd">]>'));
  return buildZip(Object.entries(parts).map(([name, data]) => storedEntry(name, data)));
}

/** The seed text with every other non-ASCII line in GBK. */
function mixedEncodingText(): Uint8Array {
  const lines = seedText().split("\n");
  let n = 0;
  const parts = lines.map((l) => {
    const gbk = /[^\x00-\x7f]/.test(l) && n++ % 2 === 1;
    return gbk ? iconv.encode(`${l}\n`, "gbk") : utf8(`${l}\n`);
  });
  return concat(parts);
}

/** Text whose first 4 KiB are clean and the rest full of control characters. */
function controlJunkText(): Uint8Array {
  const clean = utf8(seedText());
  const junk = new Uint8Array(20_000);
  for (let i = 0; i < junk.length; i++) junk[i] = i % 3 === 0 ? 0x01 + (i % 7) : 0x41 + (i % 26);
  return concat([clean, junk]);
}

export function casesOf(group: Group): HostileCase[] {
  return CASES.filter((c) => c.group === group);
}

/** Write the cases of the groups (all by default) into `dir/<group>/<file>`; returns their paths. */
export async function writeCases(dir: string, groups?: readonly Group[]): Promise<{ case: HostileCase; path: string }[]> {
  const out: { case: HostileCase; path: string }[] = [];
  for (const c of CASES) {
    if (groups && !groups.includes(c.group)) continue;
    const file = path.join(dir, c.group, c.file);
    await fs.mkdir(path.dirname(file), { recursive: true });
    await fs.writeFile(file, c.build());
    out.push({ case: c, path: file });
  }
  return out;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [dir, ...groups] = process.argv.slice(2);
  if (!dir) {
    process.stderr.write("usage: tsx test/hostile/make-cases.ts <folder> [group…]\n");
    process.exit(2);
  }
  const written = await writeCases(dir, groups.length > 0 ? (groups as Group[]) : undefined);
  for (const w of written) process.stdout.write(`${path.relative(dir, w.path)}\t${"refused" in w.case.expect ? w.case.expect.refused : "readable"}\t${w.case.why}\n`);
}
