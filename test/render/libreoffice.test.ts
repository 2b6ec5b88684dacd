import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { indicatorEntries } from "../../src/model/form.js";
import { renderForm } from "../../src/render/index.js";
import { docxToPdf, hasPoppler, hasSoffice, pdfPages, pdfText } from "../../scripts/office.js";
import { seedForm } from "./helpers/seed-form.js";

/** Whitespace and line breaks vanish: a cell's text wraps anywhere in the PDF. */
const squash = (s: string) => s.replace(/[\s\u3000]+/g, "");

const tools = hasSoffice() && hasPoppler();

describe.skipIf(!tools)("LibreOffice opens the rendered seed form and prints every indicator", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "perfgoal-lo-test-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("converts without a repair prompt to a PDF of at most 3 pages (as the original) holding every 三级 name and value", async () => {
    const form = seedForm();
    const docx = path.join(dir, "seed.docx");
    writeFileSync(docx, await renderForm(form));
    const result = docxToPdf([docx], dir);
    expect(result.status, result.stderr).toBe(0);
    const pdf = result.pdfs[0]!;
    expect(existsSync(pdf)).toBe(true);
    expect(statSync(pdf).size).toBeGreaterThan(1000);

    const pages = pdfPages(pdf);
    expect(pages).toBeGreaterThanOrEqual(1);
    // The seed's original prints on 3 A4 pages; the rendering must not take more paper.
    expect(pages).toBeLessThanOrEqual(3);

    // A cell's text is printed if either reading of the PDF holds it whole (see pdfText).
    const text = squash(pdfText(pdf));
    const raw = squash(pdfText(pdf, { raw: true }));
    const printed = (t: string) => text.includes(squash(t)) || raw.includes(squash(t));
    const missing = indicatorEntries(form).flatMap(({ row }) => [row.tier3, row.value.raw].filter((t) => !printed(t)));
    expect(missing).toEqual([]);
    expect(text).toContain(squash(form.title!));
  });
});
