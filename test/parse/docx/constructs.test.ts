import { describe, expect, it } from "vitest";
import { readDocx } from "../../../src/parse/docx/read-docx.js";
import { docxOf, documentXml, makeDocx, p, paragraphs, sketch, tables, tbl, tc, tr, W_NS } from "./helpers.js";

const read = (body: string) => readDocx(docxOf(body));
const grid = (body: string, n = 0) => sketch(tables(read(body))[n]!);
/** The text of the only cell of a one-cell table whose content is `content`. */
const cellText = (content: string) => tables(read(tbl([tr([tc(content)])])))[0]!.rows[0]![0]!.text;
const run = (inner: string) => `<w:r>${inner}</w:r>`;

describe("merges", () => {
  it("w:gridSpan widens a cell; covered cells point at the origin", () => {
    const t = tables(read(tbl([tr([tc("A", '<w:gridSpan w:val="3"/>')]), tr([tc("1"), tc("2"), tc("3")])])))[0]!;
    expect(sketch(t)).toEqual([
      ["A[1x3]", "^1,1", "^1,1"],
      ["1", "2", "3"],
    ]);
    expect(t.rows[0]![2]).toEqual({ text: "", covered: true, originRow: 1, originCol: 1, rowSpan: 1, colSpan: 1, loc: { kind: "cell", table: 1, row: 1, col: 3 } });
  });

  it("w:vMerge: restart, bare continue (Word) and w:val=continue (LibreOffice)", () => {
    const rows = [
      tr([tc("A", '<w:vMerge w:val="restart"/>'), tc("1")]),
      tr([tc("", "<w:vMerge/>"), tc("2")]),
      tr([tc("", '<w:vMerge w:val="continue"/>'), tc("3")]),
      tr([tc("B"), tc("4")]),
    ];
    expect(grid(tbl(rows))).toEqual([
      ["A[3x1]", "1"],
      ["^1,1", "2"],
      ["^1,1", "3"],
      ["B", "4"],
    ]);
  });

  it("a vMerge continue cell with nothing above is an ordinary cell", () => {
    expect(grid(tbl([tr([tc("A", "<w:vMerge/>"), tc("B")])]))).toEqual([["A", "B"]]);
  });

  it("text left in a continuation cell is appended to the merge, not lost", () => {
    expect(grid(tbl([tr([tc("A", '<w:vMerge w:val="restart"/>')]), tr([tc("a2", "<w:vMerge/>")])]))).toEqual([["A\na2[2x1]"], ["^1,1"]]);
  });

  it("vMerge over a gridSpan cell merges the whole block", () => {
    const rows = [tr([tc("W", '<w:gridSpan w:val="2"/><w:vMerge w:val="restart"/>'), tc("K")]), tr([tc("", '<w:gridSpan w:val="2"/><w:vMerge/>'), tc("K2")])];
    expect(grid(tbl(rows))).toEqual([
      ["W[2x2]", "^1,1", "K"],
      ["^1,1", "^1,1", "K2"],
    ]);
  });

  it("legacy w:hMerge restart/continue is a horizontal merge", () => {
    expect(grid(tbl([tr([tc("H", '<w:hMerge w:val="restart"/>'), tc("", "<w:hMerge/>"), tc("I")]), tr([tc("1"), tc("2"), tc("3")])]))).toEqual([
      ["H[1x2]", "^1,1", "I"],
      ["1", "2", "3"],
    ]);
  });

  it("w:gridBefore/w:gridAfter leave their positions as empty uncovered cells", () => {
    const rows = [tr([tc("A"), tc("B"), tc("C")]), tr([tc("X")], '<w:gridBefore w:val="1"/><w:gridAfter w:val="1"/>')];
    const t = tables(read(tbl(rows)))[0]!;
    expect(sketch(t)).toEqual([
      ["A", "B", "C"],
      ["", "X", ""],
    ]);
    expect(t.rows[1]![0]!.covered).toBe(false);
    expect(t.rows[1]![1]!.loc).toEqual({ kind: "cell", table: 1, row: 2, col: 2 });
  });

  it("short rows are padded to the widest row", () => {
    expect(grid(tbl([tr([tc("A")]), tr([tc("1"), tc("2")])]))).toEqual([
      ["A", ""],
      ["1", "2"],
    ]);
  });

  it("hostile spans are capped (a row cannot claim a billion columns)", () => {
    const t = tables(read(tbl([tr([tc("A", '<w:gridSpan w:val="1000000000"/>')])])))[0]!;
    expect(t.rows[0]!.length).toBe(63);
  });
});

describe("tracked changes", () => {
  it("insertions are kept, deletions and moved-away text dropped", () => {
    const para =
      "<w:p>" +
      run("<w:t>保留</w:t>") +
      `<w:ins w:id="1" w:author="a">${run("<w:t>插入</w:t>")}</w:ins>` +
      `<w:del w:id="2" w:author="a">${run("<w:delText>删除</w:delText>")}${run("<w:t>异常</w:t>")}</w:del>` +
      `<w:moveFrom w:id="3" w:author="a">${run("<w:t>移走</w:t>")}</w:moveFrom>` +
      `<w:moveTo w:id="4" w:author="a">${run("<w:t>移入</w:t>")}</w:moveTo>` +
      "</w:p>";
    expect(paragraphs(read(para))).toEqual(["保留插入移入"]);
  });

  it("a deleted paragraph mark joins the paragraph to the next one", () => {
    const joined = `<w:p><w:pPr><w:rPr><w:del w:id="1" w:author="a"/></w:rPr></w:pPr>${run("<w:t>前半</w:t>")}</w:p>${p("后半")}`;
    expect(paragraphs(read(joined))).toEqual(["前半后半"]);
    expect(cellText(joined)).toBe("前半后半");
  });

  it("deleted rows and cells are left out of the grid", () => {
    const rows = [
      tr([tc("A"), tc("B")]),
      tr([tc("gone"), tc("gone")], '<w:del w:id="1" w:author="a"/>'),
      tr([tc("C"), tc("x", '<w:cellDel w:id="2" w:author="a"/>'), tc("D")]),
    ];
    expect(grid(tbl(rows))).toEqual([
      ["A", "B"],
      ["C", "D"],
    ]);
  });

  it("old properties kept for review (w:tcPrChange …) do not apply", () => {
    const old = '<w:tcPrChange w:id="1" w:author="a"><w:tcPr><w:gridSpan w:val="2"/></w:tcPr></w:tcPrChange>';
    expect(grid(tbl([tr([tc("A", old), tc("B")])]))).toEqual([["A", "B"]]);
  });
});

describe("cell and paragraph text", () => {
  it("joins a cell's paragraphs with \\n and keeps spaces as written", () => {
    expect(cellText(p("第一段 ") + p("  第二段"))).toBe("第一段 \n  第二段");
  });

  it("w:tab → \\t, w:br and w:cr → \\n; tab stops in w:pPr are not text", () => {
    const para = `<w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="720"/></w:tabs></w:pPr>${run("<w:t>a</w:t><w:tab/><w:t>b</w:t><w:br/><w:t>c</w:t><w:cr/><w:t>d</w:t><w:ptab w:relativeTo=\"margin\" w:alignment=\"right\" w:leader=\"none\"/><w:t>e</w:t>")}</w:p>`;
    expect(paragraphs(read(para))).toEqual(["a\tb\nc\nd\te"]);
  });

  it("w:noBreakHyphen → '-', w:softHyphen dropped", () => {
    expect(paragraphs(read(`<w:p>${run("<w:t>1</w:t><w:noBreakHyphen/><w:t>2次</w:t><w:softHyphen/><w:t>/年</w:t>")}</w:p>`))).toEqual(["1-2次/年"]);
  });

  it("w:sym check boxes and comparison signs become Unicode", () => {
    const syms = ['<w:sym w:font="Wingdings" w:char="F0FE"/>', '<w:sym w:font="Wingdings" w:char="F0A8"/>', '<w:sym w:font="Wingdings 2" w:char="F052"/>', '<w:sym w:font="Symbol" w:char="F0B3"/>', '<w:sym w:font="Symbol" w:char="F0A3"/>'];
    expect(paragraphs(read(`<w:p>${run(syms.join("") + "<w:t>90%</w:t>")}</w:p>`))).toEqual(["☑□☑≥≤90%"]);
  });

  it("text typed in Wingdings is mapped too", () => {
    const box = (ch: string) => run(`<w:rPr><w:rFonts w:ascii="Wingdings" w:hAnsi="Wingdings"/></w:rPr><w:t>${ch}</w:t>`);
    expect(paragraphs(read(`<w:p>${box("þ")}${run("<w:t>是 </w:t>")}${box("¨")}${run("<w:t>否</w:t>")}</w:p>`))).toEqual(["☑是 □否"]);
  });

  it("w:smartTag and w:hyperlink content is kept", () => {
    const para = `<w:p><w:smartTag w:uri="urn:x" w:element="place">${run("<w:t>衡东</w:t>")}</w:smartTag><w:hyperlink r:id="rId9" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">${run("<w:t>县</w:t>")}</w:hyperlink></w:p>`;
    expect(paragraphs(read(para))).toEqual(["衡东县"]);
  });

  it("numbers body paragraphs (empty ones count, but are not returned)", () => {
    const doc = read(p("附件1") + "<w:p/>" + p("标题") + tbl([tr([tc("x")])]) + p("填表人："));
    expect(doc.blocks.map((b) => (b.kind === "paragraph" ? [b.text, b.loc] : "table"))).toEqual([
      ["附件1", { kind: "paragraph", index: 1 }],
      ["标题", { kind: "paragraph", index: 3 }],
      "table",
      ["填表人：", { kind: "paragraph", index: 4 }],
    ]);
  });
});

describe("fields", () => {
  it("w:fldSimple keeps its result", () => {
    expect(paragraphs(read(`<w:p><w:fldSimple w:instr=" DATE ">${run("<w:t>2023年</w:t>")}</w:fldSimple></w:p>`))).toEqual(["2023年"]);
  });

  it("complex fields keep the result and drop the instruction", () => {
    const para =
      "<w:p>" +
      run("<w:t>截至</w:t>") +
      run('<w:fldChar w:fldCharType="begin"/>') +
      run('<w:instrText xml:space="preserve"> MERGEFIELD 日期 </w:instrText>') +
      run('<w:fldChar w:fldCharType="separate"/>') +
      run("<w:t>12月</w:t>") +
      run('<w:fldChar w:fldCharType="end"/>') +
      "</w:p>";
    expect(paragraphs(read(para))).toEqual(["截至12月"]);
  });

  it("a nested field inside an instruction shows only the outer result", () => {
    const para =
      "<w:p>" +
      run('<w:fldChar w:fldCharType="begin"/>') +
      run("<w:instrText> IF </w:instrText>") +
      run('<w:fldChar w:fldCharType="begin"/>') +
      run("<w:instrText> MERGEFIELD a </w:instrText>") +
      run('<w:fldChar w:fldCharType="separate"/>') +
      run("<w:t>inner</w:t>") +
      run('<w:fldChar w:fldCharType="end"/>') +
      run('<w:fldChar w:fldCharType="separate"/>') +
      run("<w:t>结果</w:t>") +
      run('<w:fldChar w:fldCharType="end"/>') +
      "</w:p>";
    expect(paragraphs(read(para))).toEqual(["结果"]);
  });

  it("an unterminated field does not swallow the rest of the document", () => {
    expect(paragraphs(read(`<w:p>${run('<w:fldChar w:fldCharType="begin"/>')}${run("<w:instrText>X</w:instrText>")}</w:p>${p("后文")}`))).toEqual(["后文"]);
  });

  it("legacy form check boxes become ☑/□", () => {
    const box = (state: string) =>
      run(`<w:fldChar w:fldCharType="begin"><w:ffData><w:name w:val="c"/><w:checkBox><w:sizeAuto/>${state}</w:checkBox></w:ffData></w:fldChar>`) +
      run("<w:instrText> FORMCHECKBOX </w:instrText>") +
      run('<w:fldChar w:fldCharType="end"/>');
    const para = `<w:p>${box('<w:default w:val="1"/>')}${run("<w:t>新增</w:t>")}${box('<w:default w:val="0"/>')}${run("<w:t>延续</w:t>")}${box('<w:default w:val="0"/><w:checked/>')}${run("<w:t>其他</w:t>")}</w:p>`;
    expect(paragraphs(read(para))).toEqual(["☑新增□延续☑其他"]);
  });
});

describe("content controls (w:sdt)", () => {
  const sdt = (content: string, pr = "") => `<w:sdt><w:sdtPr>${pr}</w:sdtPr><w:sdtContent>${content}</w:sdtContent></w:sdt>`;

  it("block, row, cell and run level controls are transparent", () => {
    const body = sdt(p("块级")) + tbl([sdt(tr([tc("行级"), sdt(tc("单元格级"))])), tr([tc(`<w:p>${sdt(run("<w:t>行内</w:t>"))}</w:p>`), tc("x")])]);
    const doc = read(body);
    expect(paragraphs(doc)).toEqual(["块级"]);
    expect(sketch(tables(doc)[0]!)).toEqual([
      ["行级", "单元格级"],
      ["行内", "x"],
    ]);
  });

  it("placeholder prompt text of an unfilled control is not data", () => {
    expect(cellText(`<w:p>${sdt(run("<w:t>单击或点击此处输入文字。</w:t>"), "<w:showingPlcHdr/>")}</w:p>`)).toBe("");
    expect(cellText(`<w:p>${sdt(run("<w:t>已填写</w:t>"))}</w:p>`)).toBe("已填写");
  });
});

describe("text boxes", () => {
  const textbox = (text: string) => `<w:txbxContent>${p(text)}</w:txbxContent>`;

  it("mc:AlternateContent: one branch only, so the text is not doubled", () => {
    const para =
      "<w:p>" +
      run("<w:t>附件</w:t>") +
      run(
        `<mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wps:wsp><wps:txbx>${textbox("框内文字")}</wps:txbx></wps:wsp></w:drawing></mc:Choice>` +
          `<mc:Fallback><w:pict><v:shape><v:textbox>${textbox("框内文字")}</v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent>`,
      ) +
      "</w:p>";
    expect(paragraphs(read(para))).toEqual(["附件\n框内文字"]);
  });

  it("a VML text box alone is read, inside a cell too", () => {
    expect(cellText(`<w:p>${run(`<w:pict><v:shape><v:textbox>${textbox("旧式文本框")}</v:textbox></v:shape></w:pict>`)}</w:p>`)).toBe("旧式文本框");
  });
});

describe("nested tables", () => {
  it("the outer cell keeps its own text; the inner table is numbered after its parent", () => {
    const inner = tbl([tr([tc("内1"), tc("内2")])]);
    const body = tbl([tr([tc(p("外层文字") + inner + p("外层续")), tc("B")])]) + tbl([tr([tc("第三")])]);
    const doc = read(body);
    const [outer, nested, third] = tables(doc);
    expect(doc.blocks.map((b) => (b.kind === "table" ? b.table.index : "p"))).toEqual([1, 2, 3]);
    expect(sketch(outer!)).toEqual([["外层文字\n外层续", "B"]]);
    expect(sketch(nested!)).toEqual([["内1", "内2"]]);
    expect(nested!.rows[0]![1]!.loc).toEqual({ kind: "cell", table: 2, row: 1, col: 2 });
    expect(sketch(third!)).toEqual([["第三"]]);
  });
});

describe("namespaces", () => {
  it("reads a document that uses another prefix for WordprocessingML", () => {
    const xml = `<?xml version="1.0"?><x:document xmlns:x="${W_NS}"><x:body><x:p><x:r><x:t>前缀</x:t></x:r></x:p></x:body></x:document>`;
    expect(paragraphs(readDocx(makeDocx(xml)))).toEqual(["前缀"]);
  });

  it("reads a document in the default namespace", () => {
    const xml = `<?xml version="1.0"?><document xmlns="${W_NS}"><body><tbl><tr><tc><p><r><t>默认</t></r></p></tc></tr></tbl></body></document>`;
    expect(sketch(tables(readDocx(makeDocx(xml)))[0]!)).toEqual([["默认"]]);
  });

  it("finds the main part through _rels/.rels even when it is not word/document.xml", () => {
    const rels = `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="/word/document2.xml"/></Relationships>`;
    const bytes = makeDocx(documentXml(p("错的")), { "_rels/.rels": rels, "word/document2.xml": documentXml(p("对的")) });
    expect(paragraphs(readDocx(bytes))).toEqual(["对的"]);
  });

  it("falls back to word/document.xml when the package parts are missing", () => {
    const bytes = makeDocx(documentXml(p("正文")), { "_rels/.rels": null, "[Content_Types].xml": null });
    expect(paragraphs(readDocx(bytes))).toEqual(["正文"]);
  });

  it("reads UTF-16 XML with a byte-order mark", () => {
    const xml = documentXml(p("双字节"));
    const bytes = new Uint8Array(2 + xml.length * 2);
    bytes.set([0xff, 0xfe]);
    for (let i = 0; i < xml.length; i++) {
      bytes[2 + 2 * i] = xml.charCodeAt(i) & 0xff;
      bytes[3 + 2 * i] = xml.charCodeAt(i) >> 8;
    }
    expect(paragraphs(readDocx(makeDocx("", { "word/document.xml": bytes })))).toEqual(["双字节"]);
  });
});
