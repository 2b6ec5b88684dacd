import { describe, expect, it } from "vitest";
import { scanXml, XmlScanError, type XmlScanErrorKind } from "../../../src/parse/docx/xml-scan.js";

type Event = ["open", string, Record<string, string>] | ["close"] | ["text", string];

/** Every event of a scan, with every text read. */
function events(xml: string | Uint8Array): Event[] {
  const out: Event[] = [];
  scanXml(typeof xml === "string" ? Buffer.from(xml, "utf8") : xml, {
    open: (name, attrs) => out.push(["open", name, attrs.all()]),
    close: () => out.push(["close"]),
    wantsText: () => true,
    text: (t) => out.push(["text", t]),
  });
  return out;
}

function texts(xml: string): string {
  return events(xml)
    .filter((e) => e[0] === "text")
    .map((e) => e[1])
    .join("");
}

function kind(xml: string): XmlScanErrorKind | "ok" {
  try {
    events(xml);
    return "ok";
  } catch (e) {
    expect(e).toBeInstanceOf(XmlScanError);
    return (e as XmlScanError).kind;
  }
}

describe("xml-scan", () => {
  it("reports elements, attributes in both quote kinds, self-closing tags and prefixes", () => {
    expect(events(`<?xml version="1.0"?><a:r xmlns:a="urn:a" x='1' y = "2"><a:t/><b>t</b></a:r>`)).toEqual([
      ["open", "a:r", { "xmlns:a": "urn:a", x: "1", y: "2" }],
      ["open", "a:t", {}],
      ["close"],
      ["open", "b", {}],
      ["text", "t"],
      ["close"],
      ["close"],
    ]);
  });

  it("decodes the predefined entities and character references, in text and attributes", () => {
    expect(texts(`<r>&lt;&gt;&amp;&quot;&apos;&#65;&#x4e2d;&#x41;</r>`)).toBe(`<>&"'A中A`);
    expect(events(`<r v="a&amp;b&#x20;c&lt;"/>`)[0]).toEqual(["open", "r", { v: "a&b c<" }]);
  });

  it("refuses unknown entities and bad character references", () => {
    expect(kind(`<r>&foo;</r>`)).toBe("malformed");
    expect(kind(`<r>&#0;</r>`)).toBe("malformed");
    expect(kind(`<r>&#x110000;</r>`)).toBe("malformed");
    expect(kind(`<r>a & b</r>`)).toBe("malformed");
    expect(kind(`<r v="&bar;"/>`)).toBe("malformed");
  });

  it("skips comments and processing instructions", () => {
    expect(texts(`<r>a<!-- <b> & --><?pi <c>?>b</r>`)).toBe("ab");
  });

  it("reads CDATA sections as text, taken literally", () => {
    expect(texts(`<r>a<![CDATA[<d>&x;]]>c</r>`)).toBe("a<d>&x;c");
    expect(texts(`<r><![CDATA[361]]></r>`)).toBe("361");
    expect(texts(`<r><![CDATA[a\r\nb]]></r>`)).toBe("a\nb");
    expect(texts(`<r><![CDATA[]]></r>`)).toBe("");
    expect(kind(`<r><![CDATA[\u0001]]></r>`)).toBe("malformed");
    expect(kind(`<![CDATA[x]]><r/>`)).toBe("malformed");
  });

  it("accepts character references with any number of leading zeros, still refusing illegal code points", () => {
    expect(texts(`<r>&#00036;&#x0000361;&#000000000000000000000000000051;</r>`)).toBe("$\u0361" + "3");
    expect(events(`<r v="&#x00000000041;"/>`)[0]).toEqual(["open", "r", { v: "A" }]);
    for (const ref of ["&#0000;", "&#x000D800;", "&#x0000110000;", "&#00000000000000000000000000099999999999;", "&#x;", "&#;", "&#X41;", "&#12a;"]) {
      expect(kind(`<r>${ref}</r>`), ref).toBe("malformed");
    }
    expect(kind(`<r>&#0000003`)).toBe("truncated");
  });

  it("refuses a DOCTYPE, never expanding anything", () => {
    expect(kind(`<!DOCTYPE r [<!ENTITY x "y">]><r>&x;</r>`)).toBe("doctype");
  });

  it("refuses malformed XML", () => {
    for (const xml of [`<a><b></a></b>`, `<a></b>`, `</a>`, `<a x=1/>`, `<a x="1"y="2"/>`, `<a x="1" x="2"/>`, `<a x="<"/>`, `<a><</a>`, `<a/><b/>`, `text<a/>`, `<a/>text`, `<1a/>`, `<a/ >`]) {
      expect(kind(xml), xml).toBe("malformed");
    }
  });

  it("reports input that ends inside markup as truncated", () => {
    for (const xml of [`<a><b>`, `<a`, `<a x="1`, `<a><!-- x`, `<a><![CDATA[`, `<?xml`, ``, `<a>&am`, `<a></a`]) {
      expect(kind(xml), xml).toBe("truncated");
    }
  });

  it("normalises line ends, and white space in attribute values", () => {
    expect(texts(`<r>a\r\nb\rc</r>`)).toBe("a\nb\nc");
    expect(events(`<r v="a\tb\r\nc"/>`)[0]).toEqual(["open", "r", { v: "a b c" }]);
  });

  it("refuses control characters in what it decodes", () => {
    expect(kind(`<r>a\u001bb</r>`)).toBe("malformed");
  });

  it("reads UTF-16 with a byte-order mark and skips a UTF-8 one", () => {
    const xml = `<r a="中">文</r>`;
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(xml, "utf16le")]);
    const be = Buffer.from(le);
    be.swap16();
    const bom8 = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(xml)]);
    const want = [["open", "r", { a: "中" }], ["text", "文"], ["close"]];
    expect(events(le)).toEqual(want);
    expect(events(be)).toEqual(want);
    expect(events(bom8)).toEqual(want);
  });

  it("decodes no text the handler does not want", () => {
    const seen: string[] = [];
    scanXml(Buffer.from(`<r><t>yes</t><u>no</u></r>`), {
      open: (name) => seen.push(`<${name}>`),
      close: () => {},
      wantsText: () => seen[seen.length - 1] === "<t>",
      text: (t) => seen.push(t),
    });
    expect(seen).toEqual(["<r>", "<t>", "yes", "<u>"]);
  });

  it("handles deep nesting and a huge text without recursion", () => {
    const n = 100_000;
    const xml = `<r>${"<a>".repeat(n)}${"x".repeat(1_000_000)}${"</a>".repeat(n)}</r>`;
    let depth = 0;
    let max = 0;
    let length = 0;
    scanXml(Buffer.from(xml), {
      open: () => (max = Math.max(max, ++depth)),
      close: () => depth--,
      wantsText: () => true,
      text: (t) => (length += t.length),
    });
    expect([max, depth, length]).toEqual([n + 1, 0, 1_000_000]);
  });
});
