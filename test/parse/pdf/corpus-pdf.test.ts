/**
 * Every complete form of the corpus, rendered to .docx by perfgoal and printed to PDF by
 * LibreOffice (one soffice call for all of them), reads back from the PDF with the indicators its
 * text gave. Skipped, saying why, without the corpus or without soffice.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseFile } from "../../../src/parse/index.js";
import { renderForm } from "../../../src/render/index.js";
import { CORPUS, corpusFiles, readCorpusText } from "../../corpus/score.js";

const hasSoffice = spawnSync("soffice", ["--version"], { stdio: "ignore" }).status === 0;
const why = !existsSync(CORPUS) ? "no corpus (../shared/corpus)" : !hasSoffice ? "no LibreOffice (soffice)" : "";
if (why) console.info(`corpus PDFs skipped: ${why}`);

const complete = existsSync(CORPUS) ? corpusFiles().filter((f) => f.expected?.parseable) : [];
const stem = (name: string) => path.basename(name, ".txt");
let dir: string;
const fromText = new Map<string, unknown>();

describe.skipIf(why !== "")("corpus forms printed to PDF", () => {
  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), "pg-corpus-pdf-"));
    for (const f of complete) {
      const outcome = await readCorpusText(f);
      if (outcome.kind !== "forms") throw new Error(`${f.name} no longer parses`);
      const form = outcome.result.forms[0]!.form;
      fromText.set(f.name, form.indicators);
      writeFileSync(path.join(dir, `${stem(f.name)}.docx`), await renderForm(form));
    }
    execFileSync("soffice", ["--headless", "--norestore", "--convert-to", "pdf", "--outdir", dir, ...complete.map((f) => path.join(dir, `${stem(f.name)}.docx`))], { stdio: "ignore", timeout: 240_000 });
  }, 300_000);

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("has complete forms to print", () => {
    expect(complete.length).toBeGreaterThanOrEqual(8);
  });

  it.each(complete.map((f) => [f.name, f] as const))("%s: the PDF gives the indicators of the text", async (_name, f) => {
    const result = await parseFile(path.join(dir, `${stem(f.name)}.pdf`));
    expect(result.format).toBe("pdf");
    expect(result.forms).toHaveLength(1);
    expect(result.forms[0]!.form.indicators).toEqual(fromText.get(f.name));
  });
});
