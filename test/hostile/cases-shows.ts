/**
 * "What Word shows": the seed .docx with one change each, that Word shows exactly like the seed
 * (hidden runs, Markup Compatibility, ignorable namespaces) or that is the same document written
 * another legal way (CDATA, a default namespace, character references with leading zeros,
 * zero-width characters in labels). Each must read exactly like the seed.
 */
import { strFromU8 } from "fflate";
import { buildZip, deflatedDocxWithDocumentXml, docxWithDocumentXml, rng, seedBytes, seedDocumentXml, storedEntry, unzipParts } from "./bytes.js";
import type { HostileCase } from "./make-cases.js";

const W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const BUDGET_RUN = "<w:r><w:rPr></w:rPr><w:t>361</w:t></w:r>";
const PROJECT_RUN = "<w:r><w:rPr></w:rPr><w:t>衡东县政府办项目支出　</w:t></w:r>";
const SAME = { readable: true, sameAs: "hengdong-2023.docx" } as const;

/** The seed's document.xml with `find` (which must occur once) replaced. */
function seedWith(find: string, replace: string): string {
  const xml = seedDocumentXml();
  if (xml.split(find).length !== 2) throw new Error(`the seed holds ${find} ${xml.split(find).length - 1} times`);
  return xml.replace(find, () => replace);
}

const docx = (find: string, replace: string) => () => docxWithDocumentXml(seedWith(find, replace));

/** The seed with a character style that hides its runs, and a run "0" in that style after the budget. */
function seedWithHidingStyle(): Uint8Array {
  const parts = unzipParts(seedBytes("hengdong-2023.docx"));
  const styles = strFromU8(parts["word/styles.xml"]!);
  const hiding = '<w:style w:type="character" w:styleId="PgHidden"><w:name w:val="Hidden"/><w:rPr><w:vanish/></w:rPr></w:style>';
  const entries = Object.entries(parts).map(([name, data]) => {
    if (name === "word/styles.xml") return storedEntry(name, styles.replace("</w:styles>", `${hiding}</w:styles>`));
    if (name === "word/document.xml") return storedEntry(name, seedWith(BUDGET_RUN, `${BUDGET_RUN}<w:r><w:rPr><w:rStyle w:val="PgHidden"/></w:rPr><w:t>0</w:t></w:r>`));
    return storedEntry(name, data);
  });
  return buildZip(entries);
}

/** Every element (and the w: attributes) under another prefix, or none: the same document by namespace. */
function seedUnderPrefix(prefix: string): string {
  const xml = seedDocumentXml();
  const tag = prefix ? `${prefix}:` : "";
  let out = xml.replace(/<(\/?)w:/g, `<$1${tag}`);
  if (prefix) out = out.replace(/ w:([A-Za-z]+)=/g, ` ${prefix}:$1=`).replace(` xmlns:w="${W_NS}"`, ` xmlns:${prefix}="${W_NS}"`);
  // Unprefixed elements: the main namespace is the default one; the attributes keep their w: prefix.
  else out = out.replace("<document ", `<document xmlns="${W_NS}" `);
  return out;
}

/** Every text of the seed as a CDATA section (none holds a reference or `]]>`). */
function seedInCdata(): string {
  return seedDocumentXml().replace(/<w:t>([^<]*)<\/w:t>/g, (m, text: string) => (text.includes("&") ? m : `<w:t><![CDATA[${text}]]></w:t>`));
}

/** Digits of the budget and the year written as character references padded with zeros. */
function seedWithPaddedReferences(): string {
  const ref = (ch: string, i: number) => (i % 2 === 0 ? `&#${"0".repeat(5 + i)}${ch.charCodeAt(0)};` : `&#x${"0".repeat(5 + i)}${ch.charCodeAt(0).toString(16)};`);
  const padded = (s: string) => [...s].map(ref).join("");
  return seedWith(BUDGET_RUN, `<w:r><w:rPr></w:rPr><w:t>${padded("361")}</w:t></w:r>`).replace("<w:t>2023</w:t>", `<w:t>${padded("2023")}</w:t>`);
}

const INVISIBLE = ["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad"];

/** Invisible characters inserted at random places inside the Chinese words of `text` (seeded). */
function sprinkle(text: string, seed: number): string {
  const next = rng(seed);
  return text.replace(/\p{Script=Han}{2,}/gu, (word) => {
    const chars = [...word];
    const at = 1 + Math.floor(next() * (chars.length - 1));
    chars.splice(at, 0, INVISIBLE[Math.floor(next() * INVISIBLE.length)]!);
    return chars.join("");
  });
}

function seedWithInvisibles(seed: number): string {
  return seedDocumentXml().replace(/<w:t>([^<]*)<\/w:t>/g, (_m, text: string) => `<w:t>${sprinkle(text, seed++)}</w:t>`);
}

/** Three million distinct element names in front of the seed's body: none is understood, all are walked. */
function seedWithDistinctNames(count: number): string {
  const junk: string[] = [];
  for (let i = 0; i < count; i++) junk.push(`<w:x${i.toString(36)}/>`);
  return seedWith("<w:body>", `<w:body>${junk.join("")}`);
}

export const SHOWS_CASES: HostileCase[] = [
  {
    group: "shows",
    file: "隐藏 数字.docx",
    build: docx(BUDGET_RUN, `${BUDGET_RUN}<w:r><w:rPr><w:vanish/></w:rPr><w:t>0</w:t></w:r>`),
    expect: { readable: true, warning: /隐藏文字.*表格1第2行第2列“0”/, sameAs: "hengdong-2023.docx" },
    why: "a hidden run '0' after the budget 361 (Word shows 361): read as 361, with a warning naming the cell",
  },
  {
    group: "shows",
    file: "隐藏 项目名.docx",
    build: docx(PROJECT_RUN, `${PROJECT_RUN}<w:r><w:rPr><w:specVanish/></w:rPr><w:t>（另一项目）</w:t></w:r>`),
    expect: { readable: true, warning: /隐藏文字.*“（另一项目）”/, sameAs: "hengdong-2023.docx" },
    why: "hidden text (w:specVanish) in the project name",
  },
  {
    group: "shows",
    file: "隐藏 字符样式.docx",
    build: seedWithHidingStyle,
    expect: { readable: true, warning: /隐藏文字.*表格1第2行第2列“0”/, sameAs: "hengdong-2023.docx" },
    why: "a run '0' after the budget in a character style that hides it (styles.xml)",
  },
  {
    group: "shows",
    file: "显示 关闭隐藏.docx",
    build: docx(BUDGET_RUN, '<w:r><w:rPr><w:vanish w:val="0"/><w:webHidden/></w:rPr><w:t>361</w:t></w:r>'),
    expect: SAME,
    why: "w:vanish turned off and w:webHidden (shown in print layout): read",
  },
  {
    group: "shows",
    file: "替换内容 回退.docx",
    build: docx(BUDGET_RUN, `<mc:AlternateContent><mc:Choice Requires="wps"><w:r><w:t>999</w:t></w:r></mc:Choice><mc:Fallback>${BUDGET_RUN}</mc:Fallback></mc:AlternateContent>`),
    expect: SAME,
    why: "mc:AlternateContent: a Choice '999' requiring wps, the Fallback 361: the Fallback is read",
  },
  {
    group: "shows",
    file: "替换内容 未知命名空间.docx",
    build: docx(
      BUDGET_RUN,
      `<mc:AlternateContent xmlns:pgx="urn:example:not-understood"><mc:Choice Requires="pgx"><w:r><w:t>999</w:t></w:r></mc:Choice><mc:Choice Requires="w">${BUDGET_RUN}</mc:Choice><mc:Fallback><w:r><w:t>888</w:t></w:r></mc:Fallback></mc:AlternateContent>`,
    ),
    expect: SAME,
    why: "mc:AlternateContent: a Choice in an unknown namespace, then one requiring only w: the second Choice, never both",
  },
  {
    group: "shows",
    file: "可忽略 命名空间.docx",
    build: docx(PROJECT_RUN, `${PROJECT_RUN}<w14:extra><w:r><w:t>（伪造）</w:t></w:r></w14:extra>`),
    expect: SAME,
    why: "content in a namespace the root lists as mc:Ignorable (w14) is not appended to the project name",
  },
  {
    group: "shows",
    file: "可忽略 局部声明.docx",
    build: docx(
      PROJECT_RUN,
      `<pgx:note xmlns:pgx="urn:example:ignorable" mc:Ignorable="pgx" mc:ProcessContent="pgx:note">${PROJECT_RUN}<pgx:r><w:r><w:t>（伪造）</w:t></w:r></pgx:r></pgx:note>`,
    ),
    expect: SAME,
    why: "an ignorable namespace declared on an inner element: its wrapper's content is read (mc:ProcessContent), its other element is not",
  },
  { group: "shows", file: "CDATA 文本.docx", build: () => docxWithDocumentXml(seedInCdata()), expect: SAME, why: "every text as a CDATA section" },
  { group: "shows", file: "默认 命名空间.docx", build: () => docxWithDocumentXml(seedUnderPrefix("")), expect: SAME, why: "elements in the default namespace, attributes under w: (merges kept)" },
  { group: "shows", file: "其他 前缀.docx", build: () => docxWithDocumentXml(seedUnderPrefix("ns0")), expect: SAME, why: "WordprocessingML under the prefix ns0 instead of w" },
  { group: "shows", file: "字符引用 前导零.docx", build: () => docxWithDocumentXml(seedWithPaddedReferences()), expect: SAME, why: "budget and year as character references with leading zeros" },
  { group: "shows", file: "零宽 字符.docx", build: () => docxWithDocumentXml(seedWithInvisibles(1)), expect: SAME, why: "zero-width characters and soft hyphens inside the labels and texts" },
  {
    group: "shows",
    file: "零宽 文本.txt",
    build: () => new TextEncoder().encode(sprinkle(new TextDecoder().decode(seedBytes("hengdong-2023.txt")), 2)),
    expect: { readable: true, sameAs: "hengdong-2023.txt" },
    why: "zero-width characters inside the words of the text form",
  },
  {
    group: "shows",
    file: "三百万 元素名.docx",
    build: () => deflatedDocxWithDocumentXml(seedWithDistinctNames(3_000_000)),
    expect: SAME,
    why: "three million distinct element names before the form: the name cache stays bounded",
    heavy: true,
  },
];
