/** What Word shows is what is read: hidden runs, Markup Compatibility, namespaces by URI, bounded caches. */
import { describe, expect, it } from "vitest";
import { readDocx } from "../../../src/parse/docx/read-docx.js";
import { readBody } from "../../../src/parse/docx/body-reader.js";
import { docxOf, makeDocx, p, paragraphs, sketch, tables, tbl, tc, tr, W_NS } from "./helpers.js";

const MC = "http://schemas.openxmlformats.org/markup-compatibility/2006";
const read = (body: string) => readDocx(docxOf(body));
const cellText = (content: string) => tables(read(tbl([tr([tc(content)])])))[0]!.rows[0]![0]!.text;
const run = (inner: string, props = "") => `<w:r>${props ? `<w:rPr>${props}</w:rPr>` : ""}${inner}</w:r>`;
const para = (...runs: string[]) => `<w:p>${runs.join("")}</w:p>`;

describe("hidden text (w:vanish)", () => {
  it("a hidden run is not read, and the warning names the cell and quotes the text", () => {
    const doc = read(tbl([tr([tc("预算"), tc(para(run("<w:t>361</w:t>"), run("<w:t>0</w:t>", "<w:vanish/>")))])]));
    expect(sketch(tables(doc)[0]!)).toEqual([["预算", "361"]]);
    expect(doc.warnings).toEqual(["含 Word 不显示的隐藏文字，未读入：表格1第1行第2列“0”"]);
  });

  it("w:vanish with w:val on (1, true, on) hides; off (0, false, off) does not", () => {
    for (const v of ["1", "true", "on"]) expect(cellText(para(run("<w:t>a</w:t>"), run("<w:t>b</w:t>", `<w:vanish w:val="${v}"/>`))), v).toBe("a");
    for (const v of ["0", "false", "off"]) expect(cellText(para(run("<w:t>a</w:t>"), run("<w:t>b</w:t>", `<w:vanish w:val="${v}"/>`))), v).toBe("ab");
  });

  it("w:specVanish hides too; w:webHidden does not (Word shows it in print layout)", () => {
    expect(cellText(para(run("<w:t>a</w:t>"), run("<w:t>b</w:t>", "<w:specVanish/>")))).toBe("a");
    expect(cellText(para(run("<w:t>a</w:t>"), run("<w:t>b</w:t>", "<w:webHidden/>")))).toBe("ab");
  });

  it("tabs, breaks and symbols of a hidden run are hidden with it", () => {
    expect(cellText(para(run("<w:t>a</w:t>"), run('<w:tab/><w:br/><w:sym w:font="Wingdings" w:char="F0FE"/><w:t>b</w:t>', "<w:vanish/>")))).toBe("a");
  });

  it("a text box anchored in a hidden run is hidden", () => {
    const box = `<w:pict><v:shape><v:textbox><w:txbxContent>${p("框内")}</w:txbxContent></v:textbox></v:shape></w:pict>`;
    expect(paragraphs(read(para(run("<w:t>正文</w:t>"), run(box, "<w:vanish/>"))))).toEqual(["正文"]);
  });

  it("a hidden paragraph mark runs the paragraph on into the next (as Word shows it)", () => {
    const marked = `<w:p><w:pPr><w:rPr><w:vanish/></w:rPr></w:pPr>${run("<w:t>年度本级</w:t>")}</w:p>`;
    expect(cellText(marked + p("预算金额"))).toBe("年度本级预算金额");
    expect(read(tbl([tr([tc(marked + p("预算金额"))])])).warnings).toEqual([]);
  });

  it("a body paragraph whose mark is hidden stays before a following table, and at the end of the body", () => {
    const marked = (text: string) => `<w:p><w:pPr><w:rPr><w:vanish/></w:rPr></w:pPr>${run(`<w:t>${text}</w:t>`)}</w:p>`;
    const doc = read(marked("表前") + tbl([tr([tc("格")])]) + marked("末尾"));
    expect(doc.blocks.map((b) => (b.kind === "table" ? "table" : b.text))).toEqual(["表前", "table", "末尾"]);
  });

  it("hidden text in a body paragraph is named by paragraph; many places are counted", () => {
    expect(read(para(run("<w:t>标题</w:t>"), run("<w:t>隐藏</w:t>", "<w:vanish/>"))).warnings).toEqual(["含 Word 不显示的隐藏文字，未读入：第1段“隐藏”"]);
    const cells = Array.from({ length: 7 }, (_, i) => tc(para(run(`<w:t>${i}</w:t>`, "<w:vanish/>"))));
    const w = read(tbl([tr(cells)])).warnings;
    expect(w).toHaveLength(1);
    expect(w[0]).toMatch(/表格1第1行第5列“4”等 7 处$/);
  });

  it("hidden white space is not worth a warning", () => {
    expect(read(tbl([tr([tc(para(run("<w:t>a</w:t>"), run("<w:t xml:space=\"preserve\">  </w:t>", "<w:vanish/>")))])])).warnings).toEqual([]);
  });
});

describe("mc:AlternateContent as Word picks it", () => {
  const alt = (choices: string, fallback = "") => `<mc:AlternateContent>${choices}${fallback}</mc:AlternateContent>`;
  const choice = (requires: string, text: string, decl = "") => `<mc:Choice Requires="${requires}"${decl}>${run(`<w:t>${text}</w:t>`)}</mc:Choice>`;
  const fallback = (text: string) => `<mc:Fallback>${run(`<w:t>${text}</w:t>`)}</mc:Fallback>`;

  it("a Choice requiring a namespace perfgoal does not read gives way to the Fallback", () => {
    expect(cellText(para(alt(choice("wps", "999"), fallback("361"))))).toBe("361");
    expect(cellText(para(alt(choice("x", "999", ' xmlns:x="urn:example:unknown"'), fallback("361"))))).toBe("361");
  });

  it("a Choice requiring only understood namespaces is read, and the Fallback is not", () => {
    expect(cellText(para(alt(choice("w", "361"), fallback("999"))))).toBe("361");
    expect(cellText(para(alt(choice("w mc", "361"), fallback("999"))))).toBe("361");
  });

  it("the first acceptable Choice wins; a Requires naming an undeclared prefix, or none, is not acceptable", () => {
    expect(cellText(para(alt(choice("wps", "1") + choice("w", "2") + choice("w", "3"), fallback("4"))))).toBe("2");
    expect(cellText(para(alt(choice("nosuch", "1") + choice("", "2"), fallback("3"))))).toBe("3");
    expect(cellText(para(alt(choice("wps w", "1"))))).toBe("");
  });

  it("a Choice or Fallback outside an AlternateContent is not read", () => {
    expect(cellText(para(run("<w:t>a</w:t>"), choice("w", "b"), fallback("c")))).toBe("a");
  });

  it("nested AlternateContent: each picks its own branch", () => {
    const inner = alt(choice("wps", "X"), fallback("内"));
    expect(cellText(para(alt(`<mc:Choice Requires="w">${inner}</mc:Choice>`, fallback("外"))))).toBe("内");
  });
});

describe("mc:Ignorable", () => {
  const doc = (rootAttrs: string, body: string) =>
    `<?xml version="1.0"?><w:document xmlns:w="${W_NS}" xmlns:mc="${MC}" ${rootAttrs}><w:body>${body}</w:body></w:document>`;

  it("an element in an ignorable namespace is ignored with all its content", () => {
    const xml = doc('xmlns:x="urn:example:x" mc:Ignorable="x"', para(run("<w:t>衡东县</w:t>"), `<x:extra>${run("<w:t>伪造</w:t>")}</x:extra>`));
    expect(paragraphs(readDocx(makeDocx(xml)))).toEqual(["衡东县"]);
  });

  it("an element in a namespace that is not ignorable is walked through (a VML or DrawingML wrapper)", () => {
    const xml = doc('xmlns:x="urn:example:x"', para(run("<w:t>衡东县</w:t>"), `<x:extra>${run("<w:t>办</w:t>")}</x:extra>`));
    expect(paragraphs(readDocx(makeDocx(xml)))).toEqual(["衡东县办"]);
  });

  it("Ignorable declared on an inner element applies to its subtree only", () => {
    const inner = `<w:p xmlns:y="urn:example:y" mc:Ignorable="y">${run("<w:t>甲</w:t>")}<y:e>${run("<w:t>乙</w:t>")}</y:e></w:p>`;
    const after = `<w:p xmlns:y="urn:example:y">${run("<w:t>丙</w:t>")}<y:e>${run("<w:t>丁</w:t>")}</y:e></w:p>`;
    expect(paragraphs(readDocx(makeDocx(doc("", inner + after))))).toEqual(["甲", "丙丁"]);
  });

  it("the understood namespaces are never ignored, whatever Ignorable lists", () => {
    expect(paragraphs(readDocx(makeDocx(doc('mc:Ignorable="w"', p("正文")))))).toEqual(["正文"]);
  });

  it("mc:ProcessContent: the element is dropped but its content read", () => {
    const body = para(run("<w:t>甲</w:t>"), `<x:wrap>${run("<w:t>乙</w:t>")}</x:wrap>`, `<x:other>${run("<w:t>丙</w:t>")}</x:other>`);
    expect(paragraphs(readDocx(makeDocx(doc('xmlns:x="urn:example:x" mc:Ignorable="x" mc:ProcessContent="x:wrap"', body))))).toEqual(["甲乙"]);
    expect(paragraphs(readDocx(makeDocx(doc('xmlns:x="urn:example:x" mc:Ignorable="x" mc:ProcessContent="x:*"', body))))).toEqual(["甲乙丙"]);
  });

  it("Ignorable under another prefix for the markup-compatibility namespace", () => {
    const xml = `<?xml version="1.0"?><w:document xmlns:w="${W_NS}" xmlns:m="${MC}" xmlns:x="urn:example:x" m:Ignorable="x"><w:body>${para(run("<w:t>甲</w:t>"), `<x:e>${run("<w:t>乙</w:t>")}</x:e>`)}</w:body></w:document>`;
    expect(paragraphs(readDocx(makeDocx(xml)))).toEqual(["甲"]);
  });
});

describe("namespaces by URI, never by the literal prefix", () => {
  it("a default-namespace document with w: attributes keeps its merges", () => {
    const xml =
      `<?xml version="1.0"?><document xmlns="${W_NS}" xmlns:w="${W_NS}"><body><tbl>` +
      `<tr><tc><tcPr><gridSpan w:val="2"/><vMerge w:val="restart"/></tcPr><p><r><t>A</t></r></p></tc><tc><p><r><t>B</t></r></p></tc></tr>` +
      `<tr><tc><tcPr><gridSpan w:val="2"/><vMerge/></tcPr><p/></tc><tc><p><r><t>C</t></r></p></tc></tr>` +
      `</tbl></body></document>`;
    expect(sketch(tables(readDocx(makeDocx(xml)))[0]!)).toEqual([
      ["A[2x2]", "^1,1", "B"],
      ["^1,1", "^1,1", "C"],
    ]);
  });

  it("unprefixed attributes in a default-namespace document are read too", () => {
    const xml = `<?xml version="1.0"?><document xmlns="${W_NS}"><body><tbl><tr><tc><tcPr><gridSpan val="2"/></tcPr><p><r><t>A</t></r></p></tc></tr><tr><tc><p/></tc><tc><p/></tc></tr></tbl></body></document>`;
    expect(sketch(tables(readDocx(makeDocx(xml)))[0]!)[0]).toEqual(["A[1x2]", "^1,1"]);
  });

  it("attributes under another prefix bound to WordprocessingML, and a prefix rebound in a subtree", () => {
    const xml =
      `<?xml version="1.0"?><w:document xmlns:w="${W_NS}" xmlns:q="${W_NS}"><w:body><w:tbl><w:tr>` +
      `<w:tc><w:tcPr><w:gridSpan q:val="2"/></w:tcPr>${p("A")}</w:tc></w:tr><w:tr>${tc("1")}${tc("2")}</w:tr></w:tbl>` +
      `<w:p><w:r><w:t>读</w:t></w:r><w:r xmlns:w="urn:example:not-word"><w:t>不读</w:t></w:r></w:p>` +
      `<w:p><w:r><w:t>又读</w:t></w:r></w:p></w:body></w:document>`;
    const doc = readDocx(makeDocx(xml));
    expect(sketch(tables(doc)[0]!)[0]).toEqual(["A[1x2]", "^1,1"]);
    expect(paragraphs(doc)).toEqual(["读", "又读"]);
  });
});

describe("bounded name cache", () => {
  it("a million distinct element names read like none (memory is measured in test/hostile/limits.test.ts)", () => {
    const junk = Array.from({ length: 1_000_000 }, (_, i) => `<w:x${i}/>`).join("");
    const xml = `<?xml version="1.0"?><w:document xmlns:w="${W_NS}"><w:body>${junk}${p("正文")}</w:body></w:document>`;
    expect(readBody(Buffer.from(xml)).blocks).toEqual([{ kind: "paragraph", text: "正文", index: 1 }]);
  });

  it("a name is resolved again when a declaration changes what its prefix means", () => {
    const xml =
      `<?xml version="1.0"?><w:document xmlns:w="${W_NS}" xmlns:a="urn:example:a"><w:body>` +
      `<w:p><a:r><w:t>不</w:t></a:r><w:r><w:t>甲</w:t></w:r></w:p>` +
      `<w:p xmlns:a="${W_NS}"><a:r><a:t>乙</a:t></a:r></w:p>` +
      `<w:p><a:r><w:t>不</w:t></a:r></w:p></w:body></w:document>`;
    expect(readBody(Buffer.from(xml)).blocks.filter((b) => b.kind === "paragraph").map((b) => (b as { text: string }).text)).toEqual(["甲", "乙"]);
  });
});

describe("hidden text through styles (styles.xml)", () => {
  const STYLES_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles";
  const styles = (inner: string, defaults = "") =>
    `<?xml version="1.0"?><w:styles xmlns:w="${W_NS}"><w:docDefaults><w:rPrDefault><w:rPr>${defaults}</w:rPr></w:rPrDefault></w:docDefaults>${inner}</w:styles>`;
  const style = (type: string, id: string, rPr = "", basedOn = "", isDefault = false) =>
    `<w:style w:type="${type}" w:styleId="${id}"${isDefault ? ' w:default="1"' : ""}>${basedOn ? `<w:basedOn w:val="${basedOn}"/>` : ""}<w:rPr>${rPr}</w:rPr></w:style>`;
  const withStyles = (body: string, stylesXml: string, extra: Record<string, string> = {}) =>
    readDocx(makeDocx(`<?xml version="1.0"?><w:document xmlns:w="${W_NS}"><w:body>${body}</w:body></w:document>`, { "word/styles.xml": stylesXml, ...extra }));
  const styledRun = (id: string, text: string, more = "") => run(`<w:t>${text}</w:t>`, `<w:rStyle w:val="${id}"/>${more}`);
  const texts = (body: string, stylesXml: string) => tables(withStyles(tbl([tr([tc(body)])]), stylesXml))[0]!.rows[0]![0]!.text;

  it("a character style that hides, directly or through w:basedOn, hides its runs", () => {
    const xml = styles(style("character", "Hide", "<w:vanish/>") + style("character", "Derived", "", "Hide"));
    expect(texts(para(run("<w:t>361</w:t>"), styledRun("Hide", "0"), styledRun("Derived", "0")), xml)).toBe("361");
    expect(withStyles(tbl([tr([tc(para(run("<w:t>361</w:t>"), styledRun("Hide", "0")))])]), xml).warnings).toEqual(["含 Word 不显示的隐藏文字，未读入：表格1第1行第1列“0”"]);
  });

  it("direct formatting wins over the style; w:val=false in a style leaves the state unchanged", () => {
    const xml = styles(style("character", "Hide", "<w:vanish/>") + style("character", "Off", '<w:vanish w:val="false"/>', "Hide"));
    expect(texts(para(styledRun("Hide", "a", '<w:vanish w:val="0"/>'), styledRun("Off", "b")), xml)).toBe("a");
  });

  it("toggle semantics: a hiding character style in a hiding paragraph style shows the run again", () => {
    const xml = styles(style("paragraph", "HiddenPara", "<w:vanish/>") + style("character", "Hide", "<w:vanish/>"));
    const body = `<w:p><w:pPr><w:pStyle w:val="HiddenPara"/></w:pPr>${run("<w:t>藏</w:t>")}${styledRun("Hide", "显")}</w:p>` + p("下一段");
    expect(texts(body, xml)).toBe("显下一段");
  });

  it("document defaults and the default paragraph style apply when a paragraph names no style", () => {
    expect(paragraphs(withStyles(p("不显示") + `<w:p>${run("<w:t>显示</w:t>", '<w:vanish w:val="0"/>')}</w:p>`, styles("", "<w:vanish/>")))).toEqual(["显示"]);
    expect(paragraphs(withStyles(p("不显示"), styles(style("paragraph", "Normal", "<w:vanish/>", "", true))))).toEqual([]);
  });

  it("a style chain that loops is followed once round", () => {
    const xml = styles(style("character", "A", "<w:vanish/>", "B") + style("character", "B", "", "A"));
    expect(texts(para(run("<w:t>a</w:t>"), styledRun("A", "b"), styledRun("B", "c")), xml)).toBe("a");
  });

  it("the styles part is found through the main part's relationships", () => {
    const rels = `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="r1" Type="${STYLES_REL}" Target="other-styles.xml"/></Relationships>`;
    const doc = withStyles(para(run("<w:t>a</w:t>"), styledRun("Hide", "b")), styles(""), { "word/_rels/document.xml.rels": rels, "word/other-styles.xml": styles(style("character", "Hide", "<w:vanish/>")) });
    expect(paragraphs(doc)).toEqual(["a"]);
  });

  it("a damaged styles part is said in a warning; a DOCTYPE in it is refused", () => {
    const doc = withStyles(p("正文"), "<w:styles><broken");
    expect(paragraphs(doc)).toEqual(["正文"]);
    expect(doc.warnings.join("\n")).toMatch(/styles\.xml/);
    expect(() => withStyles(p("正文"), `<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e "e">]><w:styles xmlns:w="${W_NS}"/>`)).toThrow(expect.objectContaining({ code: "PG-E-XML" }));
  });
});
