/**
 * PDFs with a text layer read like the files they were printed from (LibreOffice, see
 * test/fixtures/make-pdf-fixtures.ts): the same Form, only `source` differing; a scan is refused.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { formatLocation } from "../../../src/model/location.js";
import { isPerfgoalError } from "../../../src/model/errors.js";
import { parseBuffer, parseFile, type ParseResult } from "../../../src/parse/index.js";
import { renderForm } from "../../../src/render/index.js";
import { EXAMPLES, PDF_FIXTURES } from "../../fixtures/make-zip-fixtures.js";

const fixture = (name: string) => path.join(PDF_FIXTURES, name);
const withoutSource = (r: ParseResult) => r.forms.map((f) => ({ ...f.form, source: undefined }));

describe("PDF with ruled tables", () => {
  it("the seed printed from its .docx reads as the same form (merges and the two page breaks rejoined)", async () => {
    const pdf = await parseFile(fixture("hengdong-2023.pdf"));
    const docx = await parseFile(path.join(EXAMPLES, "hengdong-2023.docx"));
    expect(pdf.format).toBe("pdf");
    expect(pdf.warnings).toEqual([]);
    expect(withoutSource(pdf)).toEqual(withoutSource(docx));
    expect(pdf.forms[0]!.form.source).toMatchObject({ file: "hengdong-2023.pdf", format: "pdf" });
  });

  it("places what it read by page and line", async () => {
    const pdf = await parseFile(fixture("hengdong-2023.pdf"));
    const locs = [...pdf.forms[0]!.sourceMap.values()];
    expect(locs.length).toBeGreaterThan(20);
    expect(locs.every((l) => l.kind === "page")).toBe(true);
    const pages = new Set(locs.map((l) => (l.kind === "page" ? l.page : 0)));
    // Indicators run on to pages 2 and 3 of the seed.
    expect([...pages].sort()).toEqual([1, 2, 3]);
    const budget = pdf.forms[0]!.sourceMap.get("funding.total");
    expect(budget?.kind).toBe("page");
    expect(formatLocation(budget, "zh")).toMatch(/^第1页第\d+行$/);
  });

  it("a corpus form rendered by perfgoal and printed reads as the .docx it was printed from", async () => {
    const { CORPUS_FIXTURE } = await import("../../fixtures/make-pdf-fixtures.js");
    const golden = await parseFile(path.join(import.meta.dirname, "../../corpus/golden", `${CORPUS_FIXTURE}.yaml`));
    const docx = await parseBuffer(await renderForm(golden.forms[0]!.form), "rendered.docx");
    const pdf = await parseFile(fixture("corpus-rendered.pdf"));
    expect(withoutSource(pdf)).toEqual(withoutSource(docx));
  });
});

describe("PDF without ruling lines", () => {
  it("the web-copied seed, printed with long lines wrapped by the page, reads as its text", async () => {
    const pdf = await parseFile(fixture("hengdong-2023.webcopy.pdf"));
    const txt = await parseFile(path.join(EXAMPLES, "hengdong-2023.webcopy.txt"));
    expect(withoutSource(pdf)).toEqual(withoutSource(txt));
    const locs = [...pdf.forms[0]!.sourceMap.values()];
    expect(locs.every((l) => l.kind === "page")).toBe(true);
  });
});

describe("PDF refusals", () => {
  it("a scan (an image, no text layer) is one clear line", async () => {
    const bytes = new Uint8Array(readFileSync(fixture("hengdong-2023.scan.pdf")));
    const e = await parseBuffer(bytes, "扫描.pdf").catch((x: unknown) => x);
    expect(isPerfgoalError(e)).toBe(true);
    if (!isPerfgoalError(e)) return;
    expect(e.code).toBe("PG-E-SCANNED");
    expect(e.describe("zh")).toBe("扫描.pdf: 扫描件，没有文字层，请提供可编辑的文件 [PG-E-SCANNED]");
    expect(e.describe("en")).toBe("扫描.pdf: a scan with no text layer: provide an editable file [PG-E-SCANNED]");
  });

  it("a PDF with an open password is encrypted", async () => {
    const e = await parseFile(fixture("hengdong-2023.encrypted.pdf")).catch((x: unknown) => x);
    expect(isPerfgoalError(e) && e.code).toBe("PG-E-ENCRYPTED");
  });

  it("a truncated PDF is damaged, not a crash", async () => {
    const bytes = new Uint8Array(readFileSync(fixture("hengdong-2023.pdf"))).subarray(0, 2000);
    const e = await parseBuffer(bytes, "半截.pdf").catch((x: unknown) => x);
    expect(isPerfgoalError(e) && e.code).toBe("PG-E-CORRUPT");
  });
});

describe("page locations", () => {
  it("are written 第2页第14行 / page 2 line 14", () => {
    expect(formatLocation({ kind: "page", page: 2, line: 14 }, "zh")).toBe("第2页第14行");
    expect(formatLocation({ kind: "page", page: 2, line: 14 }, "en")).toBe("page 2 line 14");
  });
});
