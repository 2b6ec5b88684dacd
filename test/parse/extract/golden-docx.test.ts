/**
 * Golden tests: each layout-family .docx (real merged cells, built by test/fixtures/make-fixtures.ts)
 * parses to its reviewed golden YAML, and the committed .docx is what its spec builds today.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { formsToYaml } from "../../../src/model/yaml-write.js";
import { parseFile } from "../../../src/parse/index.js";
import { buildDocx } from "../../fixtures/build-docx.js";
import { FAMILY_SPECS } from "../../fixtures/specs/index.js";

const LAYOUTS = path.resolve(import.meta.dirname, "../../fixtures/layouts");
const fixture = (name: string, ext: string) => path.join(LAYOUTS, `${name}.${ext}`);

/** The .docx reader is built separately; these tests run once it reads a fixture. */
async function docxReaderReady(): Promise<boolean> {
  try {
    await parseFile(fixture(FAMILY_SPECS[0]!.name, "docx"));
    return true;
  } catch {
    return false;
  }
}

describe("layout-family fixtures", async () => {
  const ready = await docxReaderReady();

  describe.each(FAMILY_SPECS.map((s) => [s.name, s] as const))("%s", (name, spec) => {
    it.skipIf(!ready)("parses to the golden YAML", async () => {
      const result = await parseFile(fixture(name, "docx"));
      expect(result.format).toBe("docx");
      expect(formsToYaml(result.forms.map((f) => f.form))).toBe(readFileSync(fixture(name, "yaml"), "utf8"));
    });

    it("is the .docx its spec builds (regenerate with make-fixtures.ts after editing a spec)", async () => {
      expect(existsSync(fixture(name, "docx"))).toBe(true);
      const built = await buildDocx(spec);
      expect(Buffer.from(built).equals(readFileSync(fixture(name, "docx")))).toBe(true);
    });
  });
});
