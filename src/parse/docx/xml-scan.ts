/**
 * A small XML tokenizer over the raw bytes of a part: no string for the whole document, element
 * names decoded as latin1, attributes and text decoded only when the caller asks for them.
 * It checks well-formedness (tag nesting, quoting, entities) but never expands anything beyond
 * the five predefined entities and character references; a DOCTYPE is refused outright.
 * CDATA sections are text like any other (their content taken literally).
 * Every loop moves forward through the input and the open elements are an explicit stack, so
 * time is linear and depth costs no call-stack frames.
 */
import { PerfgoalError } from "../../model/errors.js";

/** `malformed`: bad XML; `truncated`: the input ended inside markup; `doctype`: a DOCTYPE. */
export type XmlScanErrorKind = "malformed" | "truncated" | "doctype";

export class XmlScanError extends Error {
  constructor(
    readonly kind: XmlScanErrorKind,
    message: string,
  ) {
    super(message);
  }
}

/** How every part of a package refuses a DOCTYPE: one wording for the document and the small parts. */
export function doctypeRefusal(): PerfgoalError {
  return new PerfgoalError("PG-E-XML", { zh: "含 DOCTYPE 声明（为防实体注入，拒绝处理）", en: "has a DOCTYPE declaration (refused to keep entities out)" });
}

export interface XmlHandler {
  /** `attrs` is only valid during the call (it is reused for the next element). */
  open(name: string, attrs: XmlAttributes): void;
  close(): void;
  /** Whether the next text would be read: text nobody reads is only checked, never decoded. */
  wantsText(): boolean;
  text(text: string): void;
}

/** Node's latin1Slice (untyped in @types/node): names are ASCII, and this skips toString's dispatch. */
type Bytes = Buffer & { latin1Slice(start: number, end: number): string };

const LT = 0x3c;
const GT = 0x3e;
const AMP = 0x26;
const SLASH = 0x2f;
const EQ = 0x3d;
const QUOT = 0x22;
const APOS = 0x27;
const BANG = 0x21;
const QUESTION = 0x3f;
const SEMI = 0x3b;
/** Longer than any predefined entity name; character references may be longer (leading zeros). */
const MAX_ENTITY = 12;
const HASH = 0x23;
const LOWER_X = 0x78;

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x09 || c === 0x0d;
}

/** Bytes that end a name (or cannot be in one): a table, as this runs for every byte of every name. */
const NAME_END = new Uint8Array(256);
for (const c of [0x20, 0x0a, 0x09, 0x0d, GT, SLASH, EQ, LT, QUOT, APOS, AMP]) NAME_END[c] = 1;

function badNameStart(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || c === 0x2d || c === 0x2e;
}

function malformed(message: string): XmlScanError {
  return new XmlScanError("malformed", message);
}

function truncated(message: string): XmlScanError {
  return new XmlScanError("truncated", message);
}

const PREDEFINED: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

/** Decode one entity reference (`name` is what sits between `&` and `;`), or throw. */
function entity(name: string): string {
  const known = PREDEFINED[name];
  if (known !== undefined) return known;
  if (name.charCodeAt(0) === 0x23) {
    const hex = name.charCodeAt(1) === 0x78;
    const digits = name.slice(hex ? 2 : 1);
    if (digits !== "" && (hex ? /^[0-9a-fA-F]+$/ : /^[0-9]+$/).test(digits)) {
      const code = parseInt(digits, hex ? 16 : 10);
      if (isXmlChar(code)) return String.fromCodePoint(code);
    }
    throw malformed(`malformed character reference: &${name};`);
  }
  throw malformed(`undefined entity: &${name.slice(0, 40)};`);
}

function isHexDigit(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x46) || (c >= 0x61 && c <= 0x66);
}

function isXmlChar(c: number): boolean {
  return c === 0x9 || c === 0xa || c === 0xd || (c >= 0x20 && c <= 0xd7ff) || (c >= 0xe000 && c <= 0xfffd) || (c >= 0x10000 && c <= 0x10ffff);
}

/** Replace the references in decoded text; the bytes were checked by the scan already. */
function decodeEntities(s: string): string {
  let out = "";
  let from = 0;
  for (let amp = s.indexOf("&"); amp >= 0; amp = s.indexOf("&", from)) {
    const semi = s.indexOf(";", amp);
    out += s.slice(from, amp) + entity(s.slice(amp + 1, semi));
    from = semi + 1;
  }
  return out + s.slice(from);
}

/** Whether the bytes at `at` spell the (latin1) string `s`. */
function sameBytes(buf: Bytes, at: number, s: string): boolean {
  for (let i = 0; i < s.length; i++) if (buf[at + i] !== s.charCodeAt(i)) return false;
  return true;
}

function rangesEqual(buf: Bytes, a: number, aEnd: number, b: number, bEnd: number): boolean {
  if (aEnd - a !== bEnd - b) return false;
  for (let i = 0; i < aEnd - a; i++) if (buf[a + i] !== buf[b + i]) return false;
  return true;
}

/** Characters XML 1.0 forbids: checked on whatever is decoded, so no control character reaches a report. */
const NOT_XML_CHAR = /[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]/;

/** Text as the XML parser reports it: line ends normalised, references replaced. */
function decodeText(buf: Bytes, start: number, end: number): string {
  let s = buf.toString("utf8", start, end);
  if (NOT_XML_CHAR.test(s)) throw malformed("disallowed character.");
  if (s.includes("\r")) s = s.replace(/\r\n?/g, "\n");
  return s.includes("&") ? decodeEntities(s) : s;
}

/** A CDATA section's content: no references, only line ends normalised. */
function decodeCdata(buf: Bytes, start: number, end: number): string {
  let s = buf.toString("utf8", start, end);
  if (NOT_XML_CHAR.test(s)) throw malformed("disallowed character.");
  if (s.includes("\r")) s = s.replace(/\r\n?/g, "\n");
  return s;
}

/** The attributes of the element being reported, decoded on demand. */
export class XmlAttributes {
  /** Per attribute: name start, name end, value start, value end. */
  readonly spans: number[] = [];
  count = 0;

  constructor(private readonly buf: Bytes) {}

  get(name: string): string | undefined {
    for (let i = 0; i < this.count; i++) {
      const k = i * 4;
      const s = this.spans[k]!;
      const e = this.spans[k + 1]!;
      if (e - s === name.length && sameBytes(this.buf, s, name)) return this.value(i);
    }
    return undefined;
  }

  /** The name of attribute `i` (0 ≤ i < count). */
  nameAt(i: number): string {
    return this.buf.latin1Slice(this.spans[i * 4]!, this.spans[i * 4 + 1]!);
  }

  /** The value of attribute `i` (0 ≤ i < count), decoded. */
  valueAt(i: number): string {
    return this.value(i);
  }

  /** Every attribute as name → value. */
  all(): Record<string, string> {
    const out: Record<string, string> = {};
    for (let i = 0; i < this.count; i++) out[this.buf.latin1Slice(this.spans[i * 4]!, this.spans[i * 4 + 1]!)] = this.value(i);
    return out;
  }

  private value(i: number): string {
    const s = decodeText(this.buf, this.spans[i * 4 + 2]!, this.spans[i * 4 + 3]!);
    // Attribute-value normalisation: each white-space character becomes a space.
    return /[\t\n]/.test(s) ? s.replace(/[\t\n]/g, " ") : s;
  }
}

/** UTF-16 parts (with a byte-order mark) are transcoded; UTF-8 ones lose their BOM. */
export function xmlBytes(bytes: Uint8Array): { buf: Bytes; start: number } {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return { buf: Buffer.from(new TextDecoder("utf-16le").decode(bytes), "utf8") as Bytes, start: 0 };
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return { buf: Buffer.from(new TextDecoder("utf-16be").decode(bytes), "utf8") as Bytes, start: 0 };
  const buf = (Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)) as Bytes;
  const bom = buf.length >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf;
  return { buf, start: bom ? 3 : 0 };
}

/** Scan a whole XML part (UTF-8, or UTF-16 with a BOM) and report its elements and text. */
export function scanXml(bytes: Uint8Array, handler: XmlHandler): void {
  const { buf, start } = xmlBytes(bytes);
  new Scanner(buf, start, handler).run();
}

class Scanner {
  private pos: number;
  private readonly len: number;
  /** Name start and end of every open element (`depth` pairs in use; never shrunk, so no reallocation). */
  private readonly stack: number[] = [];
  private depth = 0;
  /** Element names seen so far, by a hash of their bytes: most names repeat thousands of times. */
  private readonly names = new Map<number, string>();
  private sawRoot = false;
  private readonly attrs: XmlAttributes;

  constructor(
    private readonly buf: Bytes,
    start: number,
    private readonly handler: XmlHandler,
  ) {
    this.pos = start;
    this.len = buf.length;
    this.attrs = new XmlAttributes(buf);
  }

  run(): void {
    const { buf, len } = this;
    while (this.pos < len) {
      // A plain loop: text runs are short, where a native indexOf per run costs more than it saves.
      let lt = this.pos;
      let amp = false;
      for (let c = buf[lt]; lt < len && c !== LT; c = buf[++lt]) if (c === AMP) amp = true;
      if (lt > this.pos) this.textRun(this.pos, lt, amp);
      if (lt >= len) break;
      this.pos = lt + 1;
      const c = buf[this.pos];
      if (c === SLASH) this.endTag();
      else if (c === BANG) this.bang();
      else if (c === QUESTION) this.skipPast("?>", "unclosed processing instruction");
      else this.startTag();
    }
    if (this.depth > 0) {
      const k = (this.depth - 1) * 2;
      throw truncated(`unclosed tag: ${buf.latin1Slice(this.stack[k]!, this.stack[k + 1]!).slice(0, 60)}`);
    }
    if (!this.sawRoot) throw truncated("document must contain a root element.");
  }

  /** Character data between `start` and the next `<`. */
  private textRun(start: number, end: number, amp: boolean): void {
    const { buf } = this;
    // Check every reference, read or not: a bad one makes the whole part malformed.
    if (amp) this.checkReferences(start, end, "");
    if (this.depth === 0) {
      for (let i = start; i < end; i++) {
        if (!isSpace(buf[i]!)) throw malformed("text data outside of root node.");
      }
      return;
    }
    if (this.handler.wantsText()) this.handler.text(decodeText(buf, start, end));
  }

  /** Every `&` between `start` and `end` must open a valid reference closed before `end`. */
  private checkReferences(start: number, end: number, where: string): void {
    const { buf } = this;
    for (let a = start; a < end; a++) {
      if (buf[a] !== AMP) continue;
      const semi = this.referenceEnd(a, end, where);
      entity(buf.latin1Slice(a + 1, semi));
      a = semi;
    }
  }

  /**
   * The `;` closing the reference at `amp`. A character reference may carry any number of leading
   * zeros (`&#x0000361;` is legal XML), so its digits are walked to their end; an entity name is
   * looked for within MAX_ENTITY bytes. Either way each byte is visited once.
   */
  private referenceEnd(amp: number, end: number, where: string): number {
    const { buf } = this;
    let semi = amp + 1;
    if (buf[semi] === HASH) {
      semi++;
      if (buf[semi] === LOWER_X) semi++;
      while (semi < end && isHexDigit(buf[semi]!)) semi++;
      if (semi < end && buf[semi] === SEMI) return semi;
    } else {
      const stop = Math.min(end, amp + MAX_ENTITY);
      while (semi < stop && buf[semi] !== SEMI) semi++;
      if (semi < stop) return semi;
    }
    throw semi >= this.len ? truncated("unexpected end inside an entity") : malformed(`invalid entity reference${where}`);
  }

  /** The position just after a name starting at `p`. */
  private nameEnd(p: number): number {
    const { buf, len } = this;
    if (p >= len) throw truncated("unexpected end inside a tag");
    if (NAME_END[buf[p]!] === 1 || badNameStart(buf[p]!)) throw malformed("invalid name in a tag");
    while (p < len && NAME_END[buf[p]!] === 0) p++;
    if (p >= len) throw truncated("unexpected end inside a tag");
    return p;
  }

  private skipSpace(p: number): number {
    const { buf, len } = this;
    while (p < len && isSpace(buf[p]!)) p++;
    if (p >= len) throw truncated("unexpected end inside a tag");
    return p;
  }

  private startTag(): void {
    const { buf, attrs } = this;
    if (this.depth === 0 && this.sawRoot) throw malformed("more than one root element.");
    const nameStart = this.pos;
    let p = this.nameEnd(nameStart);
    const nameEnd = p;
    attrs.count = 0;
    let selfClosing = false;
    for (;;) {
      const before = p;
      p = this.skipSpace(p);
      const c = buf[p]!;
      if (c === GT) {
        p++;
        break;
      }
      if (c === SLASH) {
        if (p + 1 >= this.len) throw truncated("unexpected end inside a tag");
        if (buf[p + 1] !== GT) throw malformed("forward-slash in opening tag not followed by >");
        selfClosing = true;
        p += 2;
        break;
      }
      if (p === before) throw malformed("no whitespace between attributes");
      p = this.attribute(p);
    }
    this.pos = p;
    this.checkDuplicates();
    this.sawRoot = true;
    const name = this.name(nameStart, nameEnd);
    if (selfClosing) {
      this.handler.open(name, attrs);
      this.handler.close();
      return;
    }
    this.stack[this.depth * 2] = nameStart;
    this.stack[this.depth * 2 + 1] = nameEnd;
    this.depth++;
    this.handler.open(name, attrs);
  }

  /** One `name="value"`; returns the position after the closing quote. */
  private attribute(p: number): number {
    const { buf, attrs } = this;
    const nameStart = p;
    p = this.nameEnd(p);
    const nameEnd = p;
    p = this.skipSpace(p);
    if (buf[p] !== EQ) throw malformed("attribute without value");
    p = this.skipSpace(p + 1);
    const quote = buf[p];
    if (quote !== QUOT && quote !== APOS) throw malformed("unquoted attribute value");
    const valueStart = p + 1;
    const len = this.len;
    let close = valueStart;
    let amp = false;
    for (let c = buf[close]; close < len && c !== quote; c = buf[++close]) {
      if (c === LT) throw malformed("disallowed character < in attribute value");
      if (c === AMP) amp = true;
    }
    if (close >= len) throw truncated("unexpected end inside an attribute value");
    if (amp) this.checkReferences(valueStart, close, " in attribute value");
    const k = attrs.count++ * 4;
    attrs.spans[k] = nameStart;
    attrs.spans[k + 1] = nameEnd;
    attrs.spans[k + 2] = valueStart;
    attrs.spans[k + 3] = close;
    return close + 1;
  }

  /** The element name, decoded once per distinct name (a hash collision just decodes again). */
  private name(start: number, end: number): string {
    const { buf } = this;
    let h = end - start;
    for (let i = start; i < end; i++) h = (Math.imul(h, 31) + buf[i]!) | 0;
    const known = this.names.get(h);
    if (known !== undefined && known.length === end - start && sameBytes(buf, start, known)) return known;
    const name = buf.latin1Slice(start, end);
    if (NOT_XML_CHAR.test(name)) throw malformed("disallowed character in tag name.");
    if (this.names.size < 4096) this.names.set(h, name);
    return name;
  }

  private checkDuplicates(): void {
    const { attrs, buf } = this;
    const n = attrs.count;
    if (n < 2) return;
    const spans = attrs.spans;
    if (n > 16) {
      // Many attributes (a hostile tag): a set keeps this linear.
      const seen = new Set<string>();
      for (let i = 0; i < n; i++) {
        const name = buf.latin1Slice(spans[i * 4]!, spans[i * 4 + 1]!);
        if (seen.has(name)) throw malformed(`duplicate attribute: ${name.slice(0, 60)}`);
        seen.add(name);
      }
      return;
    }
    for (let i = 1; i < n; i++) {
      for (let j = 0; j < i; j++) {
        if (rangesEqual(buf, spans[i * 4]!, spans[i * 4 + 1]!, spans[j * 4]!, spans[j * 4 + 1]!)) {
          throw malformed(`duplicate attribute: ${buf.latin1Slice(spans[i * 4]!, spans[i * 4 + 1]!).slice(0, 60)}`);
        }
      }
    }
  }

  private endTag(): void {
    const { buf, stack } = this;
    const nameStart = this.pos + 1;
    const nameEnd = this.nameEnd(nameStart);
    const p = this.skipSpace(nameEnd);
    if (buf[p] !== GT) throw malformed("invalid characters in closing tag");
    if (this.depth === 0) throw malformed(`unmatched closing tag: ${buf.latin1Slice(nameStart, nameEnd).slice(0, 60)}`);
    const openStart = stack[(this.depth - 1) * 2]!;
    const openEnd = stack[(this.depth - 1) * 2 + 1]!;
    if (!rangesEqual(buf, openStart, openEnd, nameStart, nameEnd)) {
      throw malformed(`unexpected close tag ${buf.latin1Slice(nameStart, nameEnd).slice(0, 60)} (open: ${buf.latin1Slice(openStart, openEnd).slice(0, 60)})`);
    }
    this.depth--;
    this.pos = p + 1;
    this.handler.close();
  }

  /** `<!--` (skipped), `<![CDATA[` (text, taken literally) and `<!DOCTYPE` (refused). */
  private bang(): void {
    const { buf, pos } = this;
    if (this.startsWith(pos + 1, "--")) return this.skipPast("-->", "unclosed comment", pos + 3);
    if (this.startsWith(pos + 1, "[CDATA[")) {
      if (this.depth === 0) throw malformed("CDATA outside of root node.");
      this.skipPast("]]>", "unclosed CDATA section", pos + 8);
      if (this.handler.wantsText()) this.handler.text(decodeCdata(buf, pos + 8, this.pos - 3));
      return;
    }
    if (this.startsWith(pos + 1, "DOCTYPE")) throw new XmlScanError("doctype", "DOCTYPE");
    const rest = buf.latin1Slice(pos + 1, Math.min(this.len, pos + 8));
    if (rest.length < 7 && ["--", "[CDATA[", "DOCTYPE"].some((m) => m.startsWith(rest))) throw truncated("unexpected end after <!");
    throw malformed("unexpected markup after <!");
  }

  private startsWith(p: number, s: string): boolean {
    return p + s.length <= this.len && this.buf.latin1Slice(p, p + s.length) === s;
  }

  private skipPast(end: string, what: string, from = this.pos + 1): void {
    const at = this.buf.indexOf(end, from, "latin1");
    if (at < 0) throw truncated(what);
    this.pos = at + end.length;
  }
}
