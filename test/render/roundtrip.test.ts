import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadFormYaml } from "../../src/model/yaml.js";
import { parseFile } from "../../src/parse/index.js";
import type { RenderLayout } from "../../src/render/layout.js";
import { comparable, roundTrip } from "./helpers/roundtrip.js";
import { sampleRichForm } from "./helpers/sample-forms.js";
import { REPO, SHARED, seedForm } from "./helpers/seed-form.js";

const LAYOUTS: RenderLayout[] = ["L1", "L2", "L5"];

describe("round trip: parse(render(form)) gives back the form (only source differs)", () => {
  for (const layout of LAYOUTS) {
    it(`the seed form, rendered as ${layout}`, async () => {
      const form = seedForm();
      expect(comparable(await roundTrip(form, { layout }))).toEqual(comparable(form));
    });
  }

  it("the seed form in landscape", async () => {
    const form = seedForm();
    expect(comparable(await roundTrip(form, { landscape: true }))).toEqual(comparable(form));
  });

  for (const layout of ["L2", "L5"] as const) {
    it(`a form with every field, both tables, every column and placeholder rows, rendered as ${layout}`, async () => {
      const form = sampleRichForm();
      expect(comparable(await roundTrip(form, { layout }))).toEqual(comparable(form));
    });
  }

  it("a form with every field rendered as L1 (年度本级预算金额 is both total and 本级)", async () => {
    const form = sampleRichForm();
    expect(form.funding.ownLevel).toBe(form.funding.total);
    expect(comparable(await roundTrip(form, { layout: "L1" }))).toEqual(comparable(form));
  });
});

/** The seed in every format perfgoal reads. */
const SEED_FILES = ["hengdong-2023.docx", "hengdong-2023.wordstyle.docx", "hengdong-2023.doc", "hengdong-2023.txt", "hengdong-2023.pipes.txt", "hengdong-2023.webcopy.txt"];

describe("round trip from each seed file: parse → render → parse gives the same form", () => {
  for (const name of SEED_FILES) {
    it(name, async () => {
      const parsed = await parseFile(path.join(SHARED, "seed", name));
      expect(parsed.forms).toHaveLength(1);
      const form = parsed.forms[0]!.form;
      expect(comparable(await roundTrip(form))).toEqual(comparable(form));
    });
  }
});

const SOURCE_EXTENSIONS = [".docx", ".doc", ".txt"];

/**
 * Golden fixtures: a form file (.docx, .doc, .txt) beside the YAML it must parse into, anywhere under
 * examples/ and test/ (the layout families' fixtures among them).
 */
function goldenSources(): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const full = path.join(dir, name);
      if (name === "node_modules" || name.startsWith(".")) continue;
      if (statSync(full).isDirectory()) walk(full);
      else if (/\.ya?ml$/.test(name)) {
        const stem = full.replace(/\.ya?ml$/, "");
        const source = SOURCE_EXTENSIONS.map((ext) => stem + ext).find((f) => existsSync(f));
        if (source) out.push(source);
      }
    }
  };
  for (const root of ["examples", "test"]) if (existsSync(path.join(REPO, root))) walk(path.join(REPO, root));
  return out;
}

/** Form YAMLs of examples/ without a source file beside them (written by hand). */
function exampleYamls(): string[] {
  const dir = path.join(REPO, "examples");
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => /\.ya?ml$/.test(f))
    .map((f) => path.join(dir, f));
}

describe("round trip of every golden fixture: parse → render (the form's own layout) → parse", () => {
  const sources = goldenSources();
  if (sources.length === 0) it.skip("no golden fixtures yet", () => {});
  for (const source of sources) {
    it(path.relative(REPO, source), async () => {
      const parsed = await parseFile(source);
      for (const { form } of parsed.forms) expect(comparable(await roundTrip(form))).toEqual(comparable(form));
    });
  }
});

describe("round trip of the example YAMLs", () => {
  const files = exampleYamls();
  it("examples/ holds at least one YAML form", () => expect(files.length).toBeGreaterThan(0));
  for (const file of files) {
    it(path.relative(REPO, file), async () => {
      const { form } = loadFormYaml(readFileSync(file, "utf8"), file);
      expect(comparable(await roundTrip(form))).toEqual(comparable(form));
    });
  }
});
