/**
 * fast-check arbitraries for damaged and odd inputs: byte-level mutations of any seed file,
 * structure-aware mutations of the seed .docx (its XML edited and re-zipped, entries duplicated,
 * dropped or stored with lying sizes), edited text forms in several encodings, and YAML.
 */
import fc from "fast-check";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import iconv from "iconv-lite";
import { stringify } from "yaml";
import { buildZip, seedBytes, storedEntry } from "../hostile/bytes.js";
import { MINIMAL_YAML, seedText } from "../hostile/make-cases.js";

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
