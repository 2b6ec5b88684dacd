import { readFileSync } from "node:fs";
import path from "node:path";
import { strToU8, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { isPerfgoalError } from "../../../src/model/errors.js";
import { formatLocation, locate } from "../../../src/model/location.js";
import { indicatorEntries } from "../../../src/model/form.js";
import { parseBuffer, parseFile, type ParseResult } from "../../../src/parse/index.js";
import { readXlsx } from "../../../src/parse/xlsx/read-xlsx.js";
import { specToDocument } from "../../fixtures/grid-spec.js";
import { documentToSheet, writeXlsx, type SheetSpec } from "../../fixtures/sheet-writer.js";
import { FAMILY_SPECS } from "../../fixtures/specs/index.js";
import { editPackage, formsOnly, partText, ROOT, SEED_DOCX, seedSheet, SHEETS } from "./helpers.js";

const seedDocx = await parseFile(SEED_DOCX);
const seedForms = formsOnly(seedDocx);
const SHEET1 = "xl/worksheets/sheet1.xml";

async function refusal(bytes: Uint8Array, name = "表.xlsx"): Promise<{ code: string; zh: string; en: string }> {
  try {
    await parseBuffer(bytes, name);
  } catch (e) {
    if (!isPerfgoalError(e)) throw e;
    return { code: e.code, zh: e.describe("zh"), en: e.describe("en") };
  }
  throw new Error(`${name} was read`);
}

/** The annual indicators' 三级 names and raw values. */
function indicators(r: ParseResult, form = 0): string[] {
  return r.forms[form]!.form.indicators.annual.map((i) => `${i.tier3}=${i.value.raw}`);
}

describe("the seed as an .xlsx", () => {
  it("parses to the same form as the seed .docx; only the source differs", async () => {
    const r = await parseFile(path.join(SHEETS, "hengdong-2023.xlsx"));
    expect(r.format).toBe("xlsx");
    expect(r.warnings).toEqual([]);
    expect(formsOnly(r)).toEqual(seedForms);
    expect(r.forms[0]!.form.source).toEqual({ file: "hengdong-2023.xlsx", format: "xlsx", layout: "L1" });
  });

  it("locates values by sheet and cell, the same in both languages", async () => {
    const r = await parseFile(path.join(SHEETS, "hengdong-2023.xlsx"));
    const budget = locate(r.forms[0]!.sourceMap, "funding.total");
    expect(budget).toEqual({ kind: "sheetCell", sheet: "Sheet1", sheetIndex: 1, row: 5, col: 2 });
    expect(formatLocation(budget, "zh")).toBe("Sheet1!B5");
    expect(formatLocation(budget, "en")).toBe("Sheet1!B5");
    expect(formatLocation({ kind: "sheetCell", sheet: "项目 表", sheetIndex: 2, row: 14, col: 3 })).toBe("'项目 表'!C14");
    expect(formatLocation({ kind: "sheetCell", sheet: "绩效目标", sheetIndex: 1, row: 1048576, col: 16384 })).toBe("绩效目标!XFD1048576");
  });
});

describe("every layout family laid out on a sheet reads as its .docx", async () => {
  const layouts = [
    ["as text cells", {}],
    ["typed numbers, title merged across", { typed: true, mergeParagraphs: true }],
    ["a blank row between the blocks", { typed: true, gap: 1 }],
  ] as const;
  for (const spec of FAMILY_SPECS) {
    const docx = formsOnly(await parseFile(path.join(ROOT, "test/fixtures/layouts", `${spec.name}.docx`)));
    it.each(layouts)(`${spec.name}: %s`, async (_what, options) => {
      const sheet = documentToSheet(specToDocument(spec, { mergesKnown: true, format: "docx" }), "表1", options);
      const r = await parseBuffer(await writeXlsx([sheet]), `${spec.name}.xlsx`);
      expect(r.warnings).toEqual([]);
      expect(formsOnly(r)).toEqual(docx);
    });
  }

  it("the committed flat export holds two projects, one Form each", async () => {
    const r = await parseFile(path.join(SHEETS, "l6-flat-2023.xlsx"));
    expect(r.forms.map((f) => f.form.project.name)).toEqual(["学生资助补助经费", "校园安全保障经费"]);
    expect(formsOnly(r)).toEqual(formsOnly(await parseFile(path.join(ROOT, "test/fixtures/layouts/l6-flat-2023.docx"))));
    // Amounts typed as numbers show as the system wrote them.
    expect(r.forms.map((f) => f.form.funding.total)).toEqual([2106000, 1203840]);
  });
});

describe("several forms and sheets", () => {
  it("two forms one under another on a sheet, with or without blank rows between them", async () => {
    for (const gap of [0, 2]) {
      const one = seedSheet();
      const rows = [...one.rows, ...Array.from({ length: gap }, () => []), ...one.rows];
      const shift = one.rows.length + gap;
      const merges = [...one.merges, ...one.merges.map((m) => ({ r1: m.r1 + shift, r2: m.r2 + shift, c1: m.c1, c2: m.c2 }))];
      const r = await parseBuffer(await writeXlsx([{ name: "Sheet1", rows, merges }]), "两份.xlsx");
      expect(formsOnly(r), `gap ${gap}`).toEqual([...seedForms, ...seedForms]);
      expect(locate(r.forms[1]!.sourceMap, "funding.total")).toMatchObject({ row: 5 + shift, col: 2 });
    }
  });

  it("each sheet on its own: a sheet of instructions names itself, a hidden sheet is not read", async () => {
    const notes: SheetSpec = { name: "填表说明", rows: [["1. 金额单位为万元。"], ["2. 指标值须量化。"]], merges: [] };
    const hiddenCopy: SheetSpec = { ...seedSheet("旧版"), hidden: true };
    const r = await parseBuffer(await writeXlsx([notes, seedSheet("申报表"), hiddenCopy]), "工作簿.xlsx");
    expect(formsOnly(r)).toEqual(seedForms);
    expect(locate(r.forms[0]!.sourceMap, "funding.total")).toEqual({ kind: "sheetCell", sheet: "申报表", sheetIndex: 2, row: 5, col: 2 });
    expect(r.warnings).toEqual(["隐藏的工作表未作为表单读取：“旧版”", "工作表“填表说明”中没有绩效指标表，未读出表单"]);
  });

  it("two sheets, two forms", async () => {
    const r = await parseBuffer(await writeXlsx([seedSheet("一"), seedSheet("二")]), "两表.xlsx");
    expect(formsOnly(r)).toEqual([...seedForms, ...seedForms]);
    expect(r.forms.map((f) => (locate(f.sourceMap, "project.name") as { sheet: string }).sheet)).toEqual(["一", "二"]);
  });

  it("a workbook whose only sheet is hidden is refused, saying why", async () => {
    const r = await refusal(await writeXlsx([{ ...seedSheet(), hidden: true }]));
    expect(r.code).toBe("PG-E-NO-TABLE");
    expect(r.zh).toContain("所有工作表都是隐藏的");
    expect(r.en).toContain("every sheet is hidden");
  });

  it("a sheet with text but no indicator table is PG-E-NO-TABLE", async () => {
    const r = await refusal(await writeXlsx([{ name: "说明", rows: [["项目名称", "测试"]], merges: [] }]));
    expect(r.code).toBe("PG-E-NO-TABLE");
  });
});

describe("what the sheet does not show", () => {
  /** The sheet row of the seed's indicator `为民办实事`. */
  const rowOf = (sheet: SheetSpec, text: string) => sheet.rows.findIndex((line) => line.includes(text)) + 1;

  it("hidden rows are left out and named", async () => {
    const sheet = seedSheet();
    const row = rowOf(sheet, "为民办实事");
    const r = await parseBuffer(await writeXlsx([{ ...sheet, configure: (ws) => void (ws.getRow(row).hidden = true) }]), "隐藏行.xlsx");
    expect(indicators(r)).not.toContain("为民办实事=15-20项/年");
    expect(indicators(r)).toEqual(indicators(seedDocx).filter((i) => i !== "为民办实事=15-20项/年"));
    expect(r.warnings).toEqual([`工作表“Sheet1”隐藏的第${row}行未读入（按表格显示的内容读取）`]);
  });

  it("a hidden column is left out and named; hidden empty columns are only noted", async () => {
    const sheet = seedSheet();
    // 绩效标准 is column F of the seed's indicator table.
    const r = await parseBuffer(await writeXlsx([{ ...sheet, configure: (ws) => void (ws.getColumn(6).hidden = true) }]), "隐藏列.xlsx");
    expect(r.forms[0]!.form.indicators.annual.every((i) => i.standard === undefined)).toBe(true);
    expect(r.warnings).toEqual(["工作表“Sheet1”隐藏的F列未读入（按表格显示的内容读取）"]);
    const empty = await parseBuffer(await writeXlsx([{ ...sheet, configure: (ws) => void (ws.getColumn(9).hidden = true) }]), "空列.xlsx");
    expect(formsOnly(empty)).toEqual(seedForms);
    expect(empty.warnings).toEqual(["工作表“Sheet1”有隐藏的I列（其中没有文字）"]);
  });

  it("text under a merged cell (the sheet shows only the first cell's) is not read, and named", async () => {
    const bytes = editPackage(await writeXlsx([seedSheet()]), {
      [SHEET1]: (xml) => xml.replace('<c r="C5"/>', '<c r="C5" t="inlineStr"><is><t>3610</t></is></c>'),
    });
    const r = await parseBuffer(bytes, "遮住.xlsx");
    expect(formsOnly(r)).toEqual(seedForms);
    expect(r.warnings).toEqual(["被合并单元格遮住、表格不显示的文字未读入：Sheet1!C5"]);
  });
});

describe("cell values", () => {
  it("a formula's saved result is read; one with none is said, and reads as empty", async () => {
    const sheet = seedSheet();
    const withFormula = (result: number | undefined) => ({ ...sheet, configure: (ws: import("exceljs").Worksheet) => void (ws.getCell("B5").value = result === undefined ? { formula: "180+181" } : { formula: "180+181", result }) }) as SheetSpec;
    const cached = await parseBuffer(await writeXlsx([withFormula(361)]), "公式.xlsx");
    expect(formsOnly(cached)).toEqual(seedForms);
    expect(cached.warnings).toEqual([]);
    const uncached = await parseBuffer(await writeXlsx([withFormula(undefined)]), "公式.xlsx");
    expect(uncached.forms[0]!.form.funding.total).toBeUndefined();
    expect(uncached.warnings).toEqual(["公式没有保存的计算结果，按空单元格读取（perfgoal 不计算公式）：Sheet1!B5"]);
  });

  it("links to other workbooks are never followed: the saved value is read and the link named", async () => {
    const base = await writeXlsx([{ ...seedSheet(), configure: (ws) => void (ws.getCell("B5").value = { formula: "180+181", result: 361 }) }]);
    const linked = editPackage(base, {
      [SHEET1]: (xml) => xml.replace("<f>180+181</f>", "<f>[1]预算!$B$2</f>"),
      "xl/externalLinks/externalLink1.xml":
        '<?xml version="1.0" encoding="UTF-8"?><externalLink xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><externalBook r:id="rId1"><sheetNames><sheetName val="预算"/></sheetNames></externalBook></externalLink>',
      "xl/externalLinks/_rels/externalLink1.xml.rels":
        '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/externalLinkPath" Target="file:///\\\\server\\share\\预算.xlsx" TargetMode="External"/></Relationships>',
    });
    const r = await parseBuffer(linked, "外链.xlsx");
    expect(formsOnly(r)).toEqual(seedForms);
    expect(r.warnings).toEqual([
      "工作簿链接了外部工作簿“file:///\\\\server\\share\\预算.xlsx”（xl/externalLinks/externalLink1.xml），未打开链接，按保存的值读取",
      "公式引用了外部工作簿，未跟随链接，按保存的值读取：Sheet1!B5",
    ]);
  });

  it("a date serial in 指标值 is a date only when its format says so", async () => {
    const sheet = seedSheet();
    const row = sheet.rows.findIndex((line) => line.includes("为民办实事")) + 1;
    const valueAt = (format: string | undefined) =>
      ({ ...sheet, configure: (ws: import("exceljs").Worksheet) => {
          const c = ws.getCell(row, 5);
          c.value = 44561;
          if (format) c.numFmt = format;
        } }) as SheetSpec;
    const value = async (format: string | undefined) => (await parseBuffer(await writeXlsx([valueAt(format)]), "日期.xlsx")).forms[0]!.form.indicators.annual.find((i) => i.tier3 === "为民办实事")!.value.raw;
    expect(await value("yyyy-mm-dd")).toBe("2021-12-31");
    expect(await value("m/d/yy")).toBe("12/31/21");
    expect(await value('yyyy"年"m"月"d"日"')).toBe("2021年12月31日");
    // No date format: a plausible serial is still only a number, kept as written.
    expect(await value(undefined)).toBe("44561");
    expect(await value("0")).toBe("44561");
  });

  it("rich shared strings join their runs; phonetic guides are not text", async () => {
    const bytes = editPackage(await writeXlsx([seedSheet()]), {
      "xl/sharedStrings.xml": (xml) => xml.replace("<si><t>预算部门</t></si>", '<si><r><t>预算</t></r><r><rPr><b/></rPr><t>部门</t></r><rPh sb="0" eb="2"><t>yusuan</t></rPh></si>'),
    });
    const r = await parseBuffer(bytes, "富文本.xlsx");
    expect(formsOnly(r)).toEqual(seedForms);
  });
});

/** A hand-written package: the parts a minimal spreadsheet needs, element names prefixed or not. */
function minimalXlsx(sheetXml: string, extra: Record<string, string> = {}): Uint8Array {
  const files: Record<string, string> = {
    "[Content_Types].xml":
      '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>',
    "_rels/.rels": '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="r1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
    "xl/workbook.xml":
      '<?xml version="1.0"?><x:workbook xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><x:sheets><x:sheet name="表" sheetId="1" r:id="s1"/></x:sheets></x:workbook>',
    "xl/_rels/workbook.xml.rels":
      '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="s1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
    "xl/worksheets/sheet1.xml": `<?xml version="1.0"?><x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData>${sheetXml}</x:sheetData></x:worksheet>`,
    ...extra,
  };
  return zipSync(Object.fromEntries(Object.entries(files).map(([k, v]) => [k, strToU8(v)])));
}

describe("cell kinds, written by hand", () => {
  const texts = (bytes: Uint8Array) =>
    readXlsx(bytes).documents.flatMap((d) => d.blocks.flatMap((b) => (b.kind === "paragraph" ? [`¶${b.text}`] : b.table.rows.map((r) => r.map((c) => c.text).join("|")))));

  it("inline strings, booleans, errors, formula strings, OOXML escapes, cells without a reference", () => {
    const xml =
      '<x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>项目名称</x:t></x:is></x:c><x:c t="inlineStr"><x:is><x:r><x:t>测试</x:t></x:r><x:r><x:t>项目</x:t></x:r></x:is></x:c></x:row>' +
      '<x:row><x:c r="A2" t="b"><x:v>1</x:v></x:c><x:c r="B2" t="e"><x:v>#N/A</x:v></x:c></x:row>' +
      '<x:row r="3"><x:c r="A3" t="str"><x:f>A1&amp;"x"</x:f><x:v>项目名称x</x:v></x:c><x:c r="B3" t="inlineStr"><x:is><x:t>一_x000D_\n二</x:t></x:is></x:c></x:row>';
    expect(texts(minimalXlsx(xml))).toEqual(["项目名称|测试项目", "TRUE|#N/A", "项目名称x|一\n二"]);
  });

  it("the dimension a sheet claims is not trusted; a cell at XFD1048576 is one cell", () => {
    const xml = '<x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>甲</x:t></x:is></x:c><x:c r="B1" t="inlineStr"><x:is><x:t>乙</x:t></x:is></x:c></x:row><x:row r="1048576"><x:c r="XFD1048576" t="inlineStr"><x:is><x:t>尾</x:t></x:is></x:c></x:row>';
    const doc = readXlsx(minimalXlsx(xml)).documents[0]!;
    expect(doc.blocks.map((b) => b.kind)).toEqual(["table", "paragraph"]);
    expect(doc.blocks[1]).toEqual({ kind: "paragraph", text: "尾", loc: { kind: "sheetCell", sheet: "表", sheetIndex: 1, row: 1048576, col: 16384 } });
  });

  it("references outside Excel's grid, overlapping merges and repeated cells are damage", async () => {
    const cell = (ref: string) => `<x:row><x:c r="${ref}" t="inlineStr"><x:is><x:t>x</x:t></x:is></x:c></x:row>`;
    expect((await refusal(minimalXlsx(cell("XFE1")))).code).toBe("PG-E-CORRUPT");
    expect((await refusal(minimalXlsx(cell("A1048577")))).code).toBe("PG-E-CORRUPT");
    expect((await refusal(minimalXlsx(cell("A1") + cell("A1").replace("<x:row>", '<x:row r="1">')))).zh).toContain("重复的单元格");
    const overlapping = minimalXlsx(cell("A1")).slice();
    const withMerges = editPackage(overlapping, {
      "xl/worksheets/sheet1.xml": (x) => x.replace("</x:sheetData>", '</x:sheetData><x:mergeCells><x:mergeCell ref="A1:B2"/><x:mergeCell ref="B2:C3"/></x:mergeCells>'),
    });
    expect((await refusal(withMerges)).zh).toContain("合并区域互相重叠");
  });

  it("a zip that is neither Word nor Excel still says what it is not", async () => {
    const r = await refusal(zipSync({ "a.txt": strToU8("x") }), "x.docx");
    expect(r.code).toBe("PG-E-FORMAT");
    const noSheets = await refusal(zipSync({ "xl/workbook.xml": strToU8("<workbook/>") }), "x.docx");
    expect(noSheets.code).toBe("PG-E-FORMAT");
    expect(noSheets.zh).toContain("有 Excel 工作簿部件但其中没有工作表");
  });
});

describe("the fixture is what its script writes", () => {
  it("the committed .xlsx holds the seed's merged cells", () => {
    const xml = partText(readFileSync(path.join(SHEETS, "hengdong-2023.xlsx")), SHEET1);
    expect(xml).toContain('<mergeCell ref="A9:A70"/>');
    expect(indicatorEntries(seedDocx.forms[0]!.form).length).toBeGreaterThan(50);
  });
});
