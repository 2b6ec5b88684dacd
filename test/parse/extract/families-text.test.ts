/**
 * The layout families as text: each family's golden forms written in every rendering family of
 * real forms (test/fixtures/layouts/text/, made by make-fixtures.ts) read back to the same
 * indicators and key header fields.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseBuffer } from "../../../src/parse/index.js";
import { essence } from "../../corpus/renderings.js";
import { LAYOUTS_DIR, TEXT_DIR, textFixtures } from "../../fixtures/make-fixtures.js";
import { FAMILY_SPECS } from "../../fixtures/specs/index.js";

describe.each(FAMILY_SPECS.map((s) => [s.name] as const))("%s as text", async (name) => {
  const golden = await parseBuffer(readFileSync(path.join(LAYOUTS_DIR, `${name}.yaml`)), `${name}.yaml`);
  const fixtures = textFixtures(name, golden.forms.map((f) => f.form));

  it.each(fixtures.map((f) => [f.file, f] as const))("%s", async (file, fixture) => {
    const text = readFileSync(path.join(TEXT_DIR, file), "utf8");
    expect(text, "the fixture is what make-fixtures.ts writes now").toBe(fixture.text);
    const parsed = await parseBuffer(Buffer.from(text), file);
    expect(parsed.forms).toHaveLength(1);
    expect(parsed.forms[0]!.form.source?.complete).not.toBe(false);
    expect(essence(parsed.forms[0]!.form)).toEqual(essence(fixture.form));
  });
});
