/**
 * fast-check arbitraries for damaged and odd inputs: byte-level mutations of any seed file,
 * structure-aware mutations of the seed .docx (its XML edited and re-zipped, entries duplicated,
 * dropped or stored with lying sizes), edited text forms in several encodings, and YAML.
 */
import fc from "fast-check";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import iconv from "iconv-lite";
import { stringify } from "yaml";
import { buildZip, MINIMAL_YAML, seedBytes, seedText, storedEntry } from "../hostile/bytes.js";

/** A position anywhere in the input, uniformly (fast-check's defaults favour the ends). */
const fraction = fc.noBias(fc.integer({ min: 0, max: 1_000_000 })).map((n) => n / 1_000_000);

/** An edit applied to a byte array. */
type ByteEdit =
  | { op: "flip"; at: number; value: number }
  | { op: "truncate"; at: number }
  | { op: "insert"; at: number; bytes: Uint8Array }
  | { op: "delete"; at: number; length: number }
  | { op: "duplicate"; at: number; length: number };

const byteEdit: fc.Arbitrary<ByteEdit> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ op: fc.constant("flip" as const), at: fraction, value: fc.integer({ min: 0, max: 255 }) }).map((e) => e as ByteEdit) },
  fc.record({ op: fc.constant("truncate" as const), at: fraction }).map((e) => e as ByteEdit),
  fc.record({ op: fc.constant("insert" as const), at: fraction, bytes: fc.uint8Array({ minLength: 1, maxLength: 64 }) }).map((e) => e as ByteEdit),
  fc.record({ op: fc.constant("delete" as const), at: fraction, length: fc.integer({ min: 1, max: 512 }) }).map((e) => e as ByteEdit),
  fc.record({ op: fc.constant("duplicate" as const), at: fraction, length: fc.integer({ min: 1, max: 2048 }) }).map((e) => e as ByteEdit),
);

function applyByteEdit(bytes: Uint8Array, e: ByteEdit): Uint8Array {
  const at = Math.min(bytes.length, Math.floor(e.at * bytes.length));
  switch (e.op) {
    case "flip": {
      if (bytes.length === 0) return bytes;
      const out = bytes.slice();
      out[Math.min(at, out.length - 1)] = e.value;
      return out;
    }
    case "truncate":
      return bytes.slice(0, at);
    case "insert":
      return concatBytes(bytes.subarray(0, at), e.bytes, bytes.subarray(at));
    case "delete":
      return concatBytes(bytes.subarray(0, at), bytes.subarray(Math.min(bytes.length, at + e.length)));
    case "duplicate":
      return concatBytes(bytes.subarray(0, at), bytes.subarray(at, at + e.length), bytes.subarray(at));
  }
}

function concatBytes(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let off = 0;
  for (const p of parts) {
    out.set(p, off);
    off += p.length;
  }
  return out;
}

/** A seed file with 1–8 byte-level edits; `flipsOnly` keeps every offset in place (the structure mostly holds). */
export function mutatedBytes(seed: Uint8Array, options: { flipsOnly?: boolean } = {}): fc.Arbitrary<Uint8Array> {
  const edit = options.flipsOnly ? byteEdit.filter((e) => e.op === "flip") : byteEdit;
  return fc.array(edit, { minLength: 1, maxLength: 8 }).map((edits) => edits.reduce(applyByteEdit, seed));
}

/** Pieces that matter to a WordprocessingML reader, to splice into document.xml. */
const XML_TOKENS = [
  "<w:tbl>", "</w:tbl>", "<w:tr>", "</w:tr>", "<w:tc>", "</w:tc>", "<w:p>", "</w:p>", "<w:r>", "</w:r>", "<w:t>", "</w:t>",
  '<w:gridSpan w:val="999999999"/>', '<w:gridSpan w:val="-3"/>', '<w:gridBefore w:val="63"/>', "<w:vMerge/>", '<w:vMerge w:val="restart"/>',
  "<w:hMerge/>", '<w:fldChar w:fldCharType="begin"/>', '<w:fldChar w:fldCharType="end"/>', "<w:instrText>FORMCHECKBOX</w:instrText>",
  "<mc:AlternateContent>", "<mc:Choice>", "</mc:AlternateContent>", "<w:txbxContent>", "</w:txbxContent>", "<w:sdt>", "<w:sdtContent>",
  "<w:showingPlcHdr/>", "<w:del>", "</w:del>", '<w:sym w:font="Wingdings" w:char="F0FE"/>', "<!DOCTYPE x>", "<![CDATA[", "]]>",
  "<?pi x?>", "&amp;", "&#0;", "&#xFFFF;", "&nosuch;", "<w:x:y>", "<:>", "\u0000", "\uFFFE", "\uD800", "≥", "≦", "％", "万元", "一级指标",
];

/** A string of pieces a form cell could hold: numbers, signs, units, Chinese and odd characters. */
export const cellText: fc.Arbitrary<string> = fc
  .array(
    fc.oneof(
      fc.constantFrom("≥", "≤", ">", "<", "=", "＝", "≧", "以上", "不低于", "约", "余", "%", "％", "万元", "元", "人次", "次/年", "个", "-", "~", "至", "—", ".", "．", ",", "，", "（", "）", "(", ")", " ", "\u3000", "\n", "\t", "|"),
      fc.integer({ min: -5, max: 100_000 }).map(String),
      fc.constantFrom("2023年", "2024年12月", "2023.07-2024.01", "产出指标", "数量指标", "满意度", "成本指标", "≥90%", "100%", "1-2次/年"),
      fc.string({ unit: "grapheme", maxLength: 6 }),
      fc.string({ unit: "binary", maxLength: 3 }),
    ),
    { maxLength: 12 },
  )
  .map((parts) => parts.join(""));

function xmlEscape(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

type XmlEdit =
  | { op: "token"; at: number; token: string }
  | { op: "cut"; at: number; length: number }
  | { op: "text"; index: number; text: string };

const xmlEdit: fc.Arbitrary<XmlEdit> = fc.oneof(
  fc.record({ op: fc.constant("token" as const), at: fraction, token: fc.constantFrom(...XML_TOKENS) }).map((e) => e as XmlEdit),
  fc.record({ op: fc.constant("cut" as const), at: fraction, length: fc.integer({ min: 1, max: 400 }) }).map((e) => e as XmlEdit),
  { weight: 3, arbitrary: fc.record({ op: fc.constant("text" as const), index: fc.nat(), text: cellText }).map((e) => e as XmlEdit) },
);

function applyXmlEdit(xml: string, e: XmlEdit): string {
  if (e.op === "token") {
    const at = Math.floor(e.at * xml.length);
    return xml.slice(0, at) + e.token + xml.slice(at);
  }
  if (e.op === "cut") {
    const at = Math.floor(e.at * xml.length);
    return xml.slice(0, at) + xml.slice(at + e.length);
  }
  // Replace the text of the n-th <w:t> run (well-formed: the reader and the extractor see new values).
  let n = 0;
  const runs = (xml.match(/<w:t(?: [^>]*)?>/g) ?? []).length;
  if (runs === 0) return xml;
  const target = e.index % runs;
  return xml.replace(/(<w:t(?: [^>]*)?>)([^<]*)(<\/w:t>)/g, (m, open: string, _old: string, close: string) => (n++ === target ? `${open}${xmlEscape(e.text)}${close}` : m));
}

type ZipEdit = "none" | "duplicate-main" | "drop-rels" | "drop-types" | "stored" | "lying-sizes" | "backslash-names";

/** The seed .docx with its XML edited and the package rebuilt in one of several odd ways. */
export function mutatedDocx(options: { structural: boolean }): fc.Arbitrary<Uint8Array> {
  const parts = unzipSync(seedBytes("hengdong-2023.docx"));
  const main = strFromU8(parts["word/document.xml"]!);
  const edits = options.structural ? fc.array(xmlEdit, { minLength: 1, maxLength: 6 }) : fc.array(xmlEdit.filter((e) => e.op === "text"), { minLength: 1, maxLength: 10 });
  const zipEdit: fc.Arbitrary<ZipEdit> = options.structural
    ? fc.constantFrom<ZipEdit>("none", "duplicate-main", "drop-rels", "drop-types", "stored", "lying-sizes", "backslash-names")
    : fc.constant<ZipEdit>("none");
  return fc.tuple(edits, zipEdit).map(([xmlEdits, zip]) => {
    const xml = xmlEdits.reduce(applyXmlEdit, main);
    const files: Record<string, Uint8Array> = { ...parts, "word/document.xml": strToU8(xml) };
    switch (zip) {
      case "none":
        return zipSync(files, { level: 1 });
      case "drop-rels":
        delete files["_rels/.rels"];
        return zipSync(files, { level: 1 });
      case "drop-types":
        delete files["[Content_Types].xml"];
        return zipSync(files, { level: 1 });
      case "stored":
        return zipSync(files, { level: 0 });
      case "duplicate-main":
        return buildZip([storedEntry("word/document.xml", strToU8(main)), ...Object.entries(files).map(([n, d]) => storedEntry(n, d))]);
      case "lying-sizes":
        return buildZip(Object.entries(files).map(([n, d]) => ({ ...storedEntry(n, d), claimedSize: 7 })));
      case "backslash-names":
        return buildZip(Object.entries(files).map(([n, d]) => storedEntry(n.replace(/\//g, "\\"), d)));
    }
  });
}

type TextEdit = { op: "cell"; line: number; text: string } | { op: "dropLine"; line: number } | { op: "swap"; a: number; b: number } | { op: "insertLine"; line: number; text: string };

const textEdit: fc.Arbitrary<TextEdit> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ op: fc.constant("cell" as const), line: fc.nat(), text: cellText }).map((e) => e as TextEdit) },
  fc.record({ op: fc.constant("dropLine" as const), line: fc.nat() }).map((e) => e as TextEdit),
  fc.record({ op: fc.constant("swap" as const), a: fc.nat(), b: fc.nat() }).map((e) => e as TextEdit),
  fc.record({ op: fc.constant("insertLine" as const), line: fc.nat(), text: cellText }).map((e) => e as TextEdit),
);

function applyTextEdit(lines: string[], e: TextEdit): string[] {
  const out = [...lines];
  if (out.length === 0) return out;
  if (e.op === "cell") {
    // Replace one cell of a line (cells are separated by runs of spaces, tabs or pipes).
    const i = e.line % out.length;
    const cells = out[i]!.split(/(\s{2,}|\t|\|)/);
    const k = (e.line >> 3) % cells.length;
    cells[k] = e.text;
    out[i] = cells.join("");
  } else if (e.op === "dropLine") out.splice(e.line % out.length, 1);
  else if (e.op === "swap") {
    const a = e.a % out.length;
    const b = e.b % out.length;
    [out[a], out[b]] = [out[b]!, out[a]!];
  } else out.splice(e.line % (out.length + 1), 0, e.text);
  return out;
}

const ENCODINGS = ["utf8", "utf8-bom", "gbk", "utf16le-bom", "utf16be"] as const;

/** A seed text form (one of its layouts) with edited cells and lines, in one of several encodings. */
export function mutatedText(): fc.Arbitrary<Uint8Array> {
  const seeds = [seedText(), new TextDecoder().decode(seedBytes("hengdong-2023.pipes.txt")), new TextDecoder().decode(seedBytes("hengdong-2023.webcopy.txt"))];
  return fc.tuple(fc.constantFrom(...seeds), fc.array(textEdit, { minLength: 1, maxLength: 8 }), fc.constantFrom(...ENCODINGS), fc.boolean()).map(([seed, edits, encoding, crlf]) => {
    let text = edits.reduce(applyTextEdit, seed.split("\n")).join(crlf ? "\r\n" : "\n");
    if (encoding === "utf8") return strToU8(text);
    if (encoding === "utf8-bom") return strToU8(`\ufeff${text}`);
    if (encoding === "gbk") return new Uint8Array(iconv.encode(text, "gbk"));
    if (encoding === "utf16le-bom") return concatBytes(new Uint8Array([0xff, 0xfe]), iconv.encode(text, "utf-16le"));
    text = text.replace(/\r/g, "");
    return new Uint8Array(iconv.encode(text, "utf-16be"));
  });
}

/** YAML: random documents, forms with random values of any type, and edited copies of a valid form. */
export function randomYaml(): fc.Arbitrary<Uint8Array> {
  const anyDoc = fc.anything({ maxDepth: 4, withNullPrototype: false }).map((v) => {
    try {
      return stringify(v);
    } catch {
      return String(v);
    }
  });
  const formLike = fc
    .record({
      title: fc.oneof(fc.string(), fc.integer(), fc.constant(null)),
      year: fc.oneof(fc.integer(), fc.string(), fc.double()),
      amountUnit: fc.oneof(fc.constantFrom("万元", "元", "亿元"), fc.anything({ maxDepth: 1 })),
      project: fc.oneof(fc.record({ name: fc.string() }), fc.anything({ maxDepth: 2 })),
      funding: fc.oneof(fc.record({ total: fc.oneof(fc.double(), fc.string()) }), fc.anything({ maxDepth: 1 })),
      goals: fc.record({ annual: fc.string() }),
      indicators: fc.record({
        annual: fc.array(fc.record({ tier1: cellText, tier2: cellText, tier3: cellText, value: fc.oneof(cellText, fc.integer(), fc.record({ raw: cellText })) }), { maxLength: 6 }),
      }),
    })
    .map((v) => {
      try {
        return stringify(v);
      } catch {
        return "";
      }
    });
  const edited = fc.array(fc.tuple(fraction, fc.oneof(fc.constantFrom(":", "- ", "[", "]", "{", "}", "&a ", "*a", "!!js/function ", "!x ", "\n  ", "\t", "'", '"', "#", "---\n", "? ", "<<: *a"), fc.string({ maxLength: 4 }))), { minLength: 1, maxLength: 6 }).map((edits) =>
    edits.reduce((text, [at, piece]) => {
      const i = Math.floor(at * text.length);
      return text.slice(0, i) + piece + text.slice(i);
    }, MINIMAL_YAML),
  );
  return fc.oneof(anyDoc, formLike, edited).map((text) => strToU8(text));
}

// --- Compound File fields of the seed .doc --------------------------------------------------

/** A field of the seed .doc's Compound File that a reader follows: where it is, and what it holds now. */
interface CfbField {
  what: "header" | "difat" | "fat-next" | "minifat-next" | "dir-start" | "dir-size" | "dir-link";
  offset: number;
  width: 2 | 4;
  value: number;
  /** For a next pointer: the sector (or mini sector) it belongs to. */
  index?: number;
}

const CFB_END = 0xfffffffe;

/** Every chain and size field of a valid Compound File (version 3, 512-byte sectors), located once. */
function cfbFields(bytes: Uint8Array): CfbField[] {
  const v = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const u32 = (at: number) => v.getUint32(at, true);
  const sector = (s: number) => (s + 1) * 512;
  const fields: CfbField[] = [];
  const add = (what: CfbField["what"], offset: number, width: 2 | 4 = 4, index?: number) =>
    fields.push({ what, offset, width, value: width === 4 ? u32(offset) : v.getUint16(offset, true), ...(index === undefined ? {} : { index }) });
  // Sector and mini-sector shifts, FAT/directory/mini-FAT/DIFAT starts and counts, the mini cutoff.
  add("header", 0x1e, 2);
  add("header", 0x20, 2);
  for (const at of [0x2c, 0x30, 0x38, 0x3c, 0x40, 0x44, 0x48]) add("header", at);
  const fatSectors = u32(0x2c);
  for (let i = 0; i < Math.min(109, fatSectors + 1); i++) add("difat", 0x4c + i * 4);
  const fatAt = (s: number) => sector(u32(0x4c + Math.floor(s / 128) * 4)) + (s % 128) * 4;
  const chain = (start: number) => {
    const out: number[] = [];
    for (let s = start; s !== CFB_END && out.length < 100_000; s = u32(fatAt(s))) out.push(s);
    return out;
  };
  const total = Math.floor(bytes.length / 512) - 1;
  for (let s = 0; s < Math.min(total, fatSectors * 128); s++) if (u32(fatAt(s)) !== 0xffffffff) add("fat-next", fatAt(s), 4, s);
  const miniFat = chain(u32(0x3c) >= CFB_END ? CFB_END : u32(0x3c));
  miniFat.forEach((s, k) => {
    for (let i = 0; i < 128; i++) if (u32(sector(s) + i * 4) !== 0xffffffff) add("minifat-next", sector(s) + i * 4, 4, k * 128 + i);
  });
  for (const s of chain(u32(0x30))) {
    for (let e = 0; e < 4; e++) {
      const at = sector(s) + e * 128;
      if (bytes[at + 66] === 0) continue;
      for (const link of [68, 72, 76]) add("dir-link", at + link);
      add("dir-start", at + 116);
      add("dir-size", at + 120);
    }
  }
  return fields;
}

/** Values that break a chain or a size: loops onto itself or the sector before, ends, special ids, the file's edge, huge. */
function cfbValue(field: CfbField, pick: number, sectors: number, random: number): number {
  const choices = [
    field.value,
    field.value - 1,
    field.value + 1,
    0,
    1,
    CFB_END,
    0xffffffff,
    0xfffffffd,
    0xfffffffc,
    sectors - 1,
    sectors,
    sectors + 1,
    0x7fffffff,
    random,
  ];
  const value = choices[pick % choices.length]! >>> 0;
  // A shift is two bytes: 9 and 12 are valid, the rest not (0, 7, 16, 31, 0xffff …).
  return field.width === 2 ? [field.value, 7, 9, 12, 16, 31, 0, 0xffff][pick % 8]! : value;
}

/**
 * The seed .doc with 1–4 of its Compound File fields changed: header counts, starts and shifts,
 * DIFAT entries, FAT and mini-FAT next pointers (a value of its own index or the one before makes
 * a loop), directory links, start sectors and sizes. Offsets elsewhere are kept, so the reader
 * follows the damaged chains.
 */
export function mutatedCfb(seed: Uint8Array): fc.Arbitrary<Uint8Array> {
  const fields = cfbFields(seed);
  const sectors = Math.floor(seed.length / 512) - 1;
  const edit = fc.record({ field: fc.nat({ max: fields.length - 1 }), pick: fc.nat(), random: fc.nat({ max: 0xffffffff }), selfLoop: fc.boolean() });
  return fc.array(edit, { minLength: 1, maxLength: 4 }).map((edits) => {
    const out = seed.slice();
    const v = new DataView(out.buffer);
    for (const e of edits) {
      const field = fields[e.field]!;
      let value = cfbValue(field, e.pick, sectors, e.random);
      // A next pointer aimed at its own sector: the shortest loop.
      if (e.selfLoop && field.index !== undefined) value = field.index;
      if (field.width === 2) v.setUint16(field.offset, value & 0xffff, true);
      else v.setUint32(field.offset, value >>> 0, true);
    }
    return out;
  });
}

// --- Markup compatibility, hidden text, CDATA and namespaces in document.xml ----------------

const MC_NS = "http://schemas.openxmlformats.org/markup-compatibility/2006";
const W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

type AlternateShape = "choice-fallback" | "choice-only" | "fallback-only" | "nested" | "unknown-requires";

type MarkupEdit =
  | { op: "alternate-run" | "alternate-paragraph"; index: number; shape: AlternateShape; text: string }
  | { op: "ignorable"; index: number; where: "in-run" | "in-paragraph" | "run" | "attribute"; declared: boolean; text: string }
  | { op: "vanish"; index: number; form: "hide-run" | "hidden-copy" | "val-false" | "spec-vanish"; text: string }
  | { op: "cdata"; index: number; split: boolean }
  | { op: "default-namespace"; prefix: "" | "ns0" };

const markupEdit: fc.Arbitrary<MarkupEdit> = fc.oneof(
  fc.record({
    op: fc.constantFrom("alternate-run" as const, "alternate-paragraph" as const),
    index: fc.nat(),
    shape: fc.constantFrom("choice-fallback" as const, "choice-only" as const, "fallback-only" as const, "nested" as const, "unknown-requires" as const),
    text: cellText,
  }),
  fc.record({ op: fc.constant("ignorable" as const), index: fc.nat(), where: fc.constantFrom("in-run" as const, "in-paragraph" as const, "run" as const, "attribute" as const), declared: fc.boolean(), text: cellText }),
  fc.record({ op: fc.constant("vanish" as const), index: fc.nat(), form: fc.constantFrom("hide-run" as const, "hidden-copy" as const, "val-false" as const, "spec-vanish" as const), text: cellText }),
  fc.record({ op: fc.constant("cdata" as const), index: fc.nat(), split: fc.boolean() }),
  { weight: 1, arbitrary: fc.record({ op: fc.constant("default-namespace" as const), prefix: fc.constantFrom("" as const, "ns0" as const) }) },
);

/** Replace the n-th match of `re` (global) through `f`. */
function replaceNth(xml: string, re: RegExp, n: number, f: (m: string) => string): string {
  const count = (xml.match(re) ?? []).length;
  if (count === 0) return xml;
  const target = n % count;
  let i = 0;
  return xml.replace(re, (m) => (i++ === target ? f(m) : m));
}

const RUN = /<w:r(?: [^>]*)?>(?:(?!<\/w:r>)[\s\S])*?<\/w:r>/g;
const PARAGRAPH = /<w:p(?: [^>]*)?>(?:(?!<\/w:p>)[\s\S])*?<\/w:p>/g;
const TEXT = /(<w:t(?: [^>]*)?>)([^<]*)(<\/w:t>)/g;

/** The first <w:t> of a run or paragraph with its text replaced. */
function withText(xml: string, text: string): string {
  let done = false;
  return xml.replace(TEXT, (m, open: string, _old: string, close: string) => {
    if (done) return m;
    done = true;
    return `${open}${xmlEscape(text)}${close}`;
  });
}

/** Declare a namespace prefix on the root element (and list it in mc:Ignorable when asked). */
function declare(xml: string, prefix: string, uri: string, ignorable: boolean): string {
  return xml.replace(/<w:document\b([^>]*)>/, (m, attrs: string) => {
    let a = attrs.includes(`xmlns:${prefix}=`) ? attrs : `${attrs} xmlns:${prefix}="${uri}"`;
    if (!a.includes("xmlns:mc=")) a += ` xmlns:mc="${MC_NS}"`;
    if (ignorable) a = /mc:Ignorable="/.test(a) ? a.replace(/mc:Ignorable="([^"]*)"/, (_m, list: string) => `mc:Ignorable="${list} ${prefix}"`) : `${a} mc:Ignorable="${prefix}"`;
    return `<w:document${a}>`;
  });
}

function alternate(original: string, changed: string, shape: AlternateShape): string {
  const requires = shape === "unknown-requires" ? "x99" : "w14";
  switch (shape) {
    case "choice-only":
      return `<mc:AlternateContent><mc:Choice Requires="${requires}">${changed}</mc:Choice></mc:AlternateContent>`;
    case "fallback-only":
      return `<mc:AlternateContent><mc:Fallback>${original}</mc:Fallback></mc:AlternateContent>`;
    case "nested":
      return `<mc:AlternateContent><mc:Choice Requires="w14"><mc:AlternateContent><mc:Choice Requires="w15">${changed}</mc:Choice><mc:Fallback>${original}</mc:Fallback></mc:AlternateContent></mc:Choice><mc:Fallback>${original}</mc:Fallback></mc:AlternateContent>`;
    default:
      return `<mc:AlternateContent><mc:Choice Requires="${requires}">${changed}</mc:Choice><mc:Fallback>${original}</mc:Fallback></mc:AlternateContent>`;
  }
}

function applyMarkupEdit(xml: string, e: MarkupEdit): string {
  switch (e.op) {
    case "alternate-run":
      return declare(replaceNth(xml, RUN, e.index, (run) => alternate(run, withText(run, e.text), e.shape)), "mc", MC_NS, false);
    case "alternate-paragraph":
      return declare(replaceNth(xml, PARAGRAPH, e.index, (p) => alternate(p, withText(p, e.text), e.shape)), "mc", MC_NS, false);
    case "ignorable": {
      const foreign = `<x:note x:id="1"><x:t>${xmlEscape(e.text)}</x:t></x:note>`;
      const edited =
        e.where === "attribute"
          ? replaceNth(xml, /<w:(?:p|r|tc|tbl)(?=[ >])/g, e.index, (open) => `${open} x:flag="${xmlEscape(e.text).replace(/"/g, "&quot;")}"`)
          : e.where === "in-run"
            ? replaceNth(xml, RUN, e.index, (run) => run.replace(/<\/w:r>$/, `${foreign}</w:r>`))
            : e.where === "in-paragraph"
              ? replaceNth(xml, PARAGRAPH, e.index, (p) => p.replace(/<\/w:p>$/, `<x:run><w:r><w:t>${xmlEscape(e.text)}</w:t></w:r></x:run></w:p>`))
              : replaceNth(xml, RUN, e.index, (run) => `${run}<w:r><x:rPr/><w:t>${xmlEscape(e.text)}</w:t></w:r>`);
      // Undeclared, the prefix is an XML error; declared and ignorable, Word skips it all.
      return e.declared ? declare(edited, "x", "urn:example:foreign", true) : edited;
    }
    case "vanish": {
      const mark = e.form === "val-false" ? '<w:vanish w:val="0"/>' : e.form === "spec-vanish" ? "<w:specVanish/>" : "<w:vanish/>";
      const hide = (run: string) => (/<w:rPr>/.test(run) ? run.replace(/<w:rPr>/, `<w:rPr>${mark}`) : run.replace(/^<w:r( [^>]*)?>/, (open) => `${open}<w:rPr>${mark}</w:rPr>`));
      if (e.form === "hidden-copy") return replaceNth(xml, RUN, e.index, (run) => `${run}${hide(withText(run, e.text))}`);
      return replaceNth(xml, RUN, e.index, hide);
    }
    case "cdata":
      return replaceNth(xml, TEXT, e.index, (m) =>
        m.replace(TEXT, (_m, open: string, text: string, close: string) => {
          const raw = text.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");
          if (!e.split || raw.length < 2) return `${open}<![CDATA[${raw}]]>${close}`;
          const half = Math.floor(raw.length / 2);
          return `${open}<![CDATA[${raw.slice(0, half)}]]><![CDATA[${raw.slice(half)}]]>${close}`;
        }),
      );
    case "default-namespace": {
      // Elements move to the default namespace (or another prefix); attributes keep w:, still declared.
      const renamed = xml.replace(/<(\/?)w:/g, e.prefix === "" ? "<$1" : `<$1${e.prefix}:`);
      const decl = e.prefix === "" ? ` xmlns="${W_NS}"` : ` xmlns:${e.prefix}="${W_NS}"`;
      return renamed.replace(/<((?:ns0:)?document)\b/, `<$1${decl}`);
    }
  }
}

/**
 * The seed .docx with markup Word reads by its own rules: runs and paragraphs wrapped in
 * mc:AlternateContent (Choice and Fallback holding different texts), elements and attributes
 * of an mc:Ignorable namespace (or of an undeclared one), hidden runs (w:vanish), text in CDATA
 * sections, and document.xml moved to a default namespace.
 */
export function markupCompatibilityDocx(): fc.Arbitrary<Uint8Array> {
  const parts = unzipSync(seedBytes("hengdong-2023.docx"));
  const main = strFromU8(parts["word/document.xml"]!);
  return fc.array(markupEdit, { minLength: 1, maxLength: 5 }).map((edits) => {
    const xml = edits.reduce(applyMarkupEdit, main);
    return zipSync({ ...parts, "word/document.xml": strToU8(xml) }, { level: 1 });
  });
}
