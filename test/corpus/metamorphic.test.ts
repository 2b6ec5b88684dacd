/**
 * Metamorphic tests: every complete corpus form and the seed, written anew in each family of
 * renderings the corpus shows (and as the .docx `perfgoal render` makes), parses to the same
 * indicators and key header fields as the original text.
 */
import { existsSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { Form } from "../../src/model/form.js";
import { parseBuffer } from "../../src/parse/index.js";
import { renderForm } from "../../src/render/index.js";
import { CORPUS, corpusFiles, readCorpusText } from "./score.js";
import { essence, RENDERINGS } from "./renderings.js";

const sources = corpusFiles().filter((f) => f.expected?.parseable);

describe.skipIf(!existsSync(CORPUS)).each(sources.map((f) => [f.name, f] as const))("%s in new renderings", (_name, file) => {
  let original: Form;
  const originalForm = async (): Promise<Form> => {
    if (original) return original;
    const outcome = await readCorpusText(file);
    if (outcome.kind !== "forms") throw new Error(`${file.name} did not parse`);
    original = outcome.result.forms[0]!.form;
    return original;
  };

  it.each(RENDERINGS.map((r) => [r.name, r] as const))("%s", async (_r, rendering) => {
    const form = await originalForm();
    const text = rendering.write(form, file.name.length);
    const parsed = await parseBuffer(Buffer.from(text), "rendered.txt");
    expect(parsed.forms).toHaveLength(1);
    const got = parsed.forms[0]!.form;
    expect(got.source?.complete, `${rendering.name}: read completely`).not.toBe(false);
    expect(essence(got)).toEqual(essence(form));
  });

  it("as the .docx perfgoal render makes", async () => {
    const form = await originalForm();
    const parsed = await parseBuffer(await renderForm(form), "rendered.docx");
    expect(essence(parsed.forms[0]!.form)).toEqual(essence(form));
  });
});
