/**
 * Every complete corpus form and the seed, as `perfgoal render` writes it and then laid out on a
 * sheet from the rendered table (its merged cells kept, numbers and percentages typed): the
 * .xlsx — and the .xls LibreOffice Calc saves from it, when soffice is there — parse to the same
 * indicators and key header fields as the text reading.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Form } from "../../../src/model/form.js";
import { readDocx } from "../../../src/parse/docx/read-docx.js";
import { parseBuffer } from "../../../src/parse/index.js";
import { renderForm } from "../../../src/render/index.js";
import { essence } from "../../corpus/renderings.js";
import { CORPUS, corpusFiles, readCorpusText } from "../../corpus/score.js";
import { documentToSheet, writeXlsx } from "../../fixtures/sheet-writer.js";

const sources = corpusFiles().filter((f) => f.expected?.parseable);
const hasSoffice = (() => {
  try {
    execFileSync("soffice", ["--version"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
})();

const forms = new Map<string, Form>();
const books = new Map<string, Uint8Array>();
let work: string;

beforeAll(async () => {
  if (!existsSync(CORPUS)) return;
  work = mkdtempSync(path.join(tmpdir(), "perfgoal-corpus-sheets-"));
  for (const [i, file] of sources.entries()) {
    const outcome = await readCorpusText(file);
    if (outcome.kind !== "forms") throw new Error(`${file.name} did not parse`);
    const form = outcome.result.forms[0]!.form;
    forms.set(file.name, form);
    const doc = readDocx(await renderForm(form));
    const book = await writeXlsx([documentToSheet(doc, "申报表", { typed: true, mergeParagraphs: "inner" })]);
    books.set(file.name, book);
    writeFileSync(path.join(work, `${i}.xlsx`), book);
  }
  // One soffice call for every file: about 1 s of start-up, then a fraction of a second each.
  if (hasSoffice) execFileSync("soffice", [`-env:UserInstallation=file://${work}/profile`, "--headless", "--convert-to", "xls", "--outdir", work, ...sources.map((_, i) => path.join(work, `${i}.xlsx`))], { stdio: "ignore", timeout: 120_000 });
}, 180_000);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

describe.skipIf(!existsSync(CORPUS)).each(sources.map((f, i) => [f.name, f, i] as const))("%s rendered, on a sheet", (name, _file, i) => {
  it("as .xlsx", async () => {
    const parsed = await parseBuffer(books.get(name)!, "申报表.xlsx");
    expect(parsed.forms).toHaveLength(1);
    expect(parsed.warnings).toEqual([]);
    expect(essence(parsed.forms[0]!.form)).toEqual(essence(forms.get(name)!));
  });

  it.skipIf(!hasSoffice)("as the .xls LibreOffice Calc saves", async () => {
    const parsed = await parseBuffer(readFileSync(path.join(work, `${i}.xls`)), "申报表.xls");
    expect(parsed.forms).toHaveLength(1);
    expect(essence(parsed.forms[0]!.form)).toEqual(essence(forms.get(name)!));
  });
});
