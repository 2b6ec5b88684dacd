/**
 * Every YAML perfgoal writes reads the same in YAML 1.1 (PyYAML's safe_load, Ruby's Psych) as in
 * YAML 1.2: the strings a 1.1 reader would take for booleans, numbers, dates or `=` are quoted.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseAllDocuments, visit } from "yaml";
import { Form } from "../../src/model/form.js";
import { loadFormsYaml } from "../../src/model/yaml.js";
import { formsToYaml, formToYaml } from "../../src/model/yaml-write.js";
import { ambiguousInYaml11 } from "../../src/model/yaml11.js";
import { parseRowValue } from "../../src/model/value-parse.js";
import { parseFile } from "../../src/parse/index.js";
import { arbitraryForm } from "../render/helpers/arbitrary-form.js";

const ROOT = path.resolve(import.meta.dirname, "../..");

/** The data of each document as a reader of that YAML version sees it. */
function read(text: string, version: "1.1" | "1.2"): unknown[] {
  return parseAllDocuments(text, { version, ...(version === "1.1" ? { schema: "yaml-1.1" } : {}) }).map((d) => d.toJS());
}

/** Plain (unquoted) string scalars of the text that a YAML 1.1 reader types otherwise: PyYAML refuses `=`, which the yaml package's 1.1 schema reads as text. */
function ambiguousPlainScalars(text: string): string[] {
  const found: string[] = [];
  for (const doc of parseAllDocuments(text)) {
    visit(doc, {
      Scalar(_, node) {
        if (node.type === "PLAIN" && typeof node.value === "string" && ambiguousInYaml11(node.value)) found.push(node.value);
      },
    });
  }
  return found;
}

function expectSameInBothVersions(yaml: string, what: string): void {
  expect(read(yaml, "1.1"), what).toEqual(read(yaml, "1.2"));
  expect(ambiguousPlainScalars(yaml), what).toEqual([]);
}

/** What the suite writes: the seed, the golden forms and the layout fixtures, written again by perfgoal. */
function writtenYamls(): [string, string][] {
  const dirs = ["test/corpus/golden", "test/fixtures/layouts", "examples"];
  return dirs.flatMap((dir) =>
    readdirSync(path.join(ROOT, dir))
      .filter((f) => /\.ya?ml$/.test(f))
      .map((f): [string, string] => [`${dir}/${f}`, formsToYaml(loadFormsYaml(readFileSync(path.join(ROOT, dir, f), "utf8")).map((l) => l.form))]),
  );
}

describe("YAML that every reader reads the same", () => {
  it("the seed, every golden form and every layout fixture read the same as YAML 1.1", async () => {
    const seed = await parseFile(path.join(ROOT, "examples/hengdong-2023.docx"));
    expectSameInBothVersions(formToYaml(seed.forms[0]!.form), "seed");
    const written = writtenYamls();
    expect(written.length).toBeGreaterThan(10);
    for (const [name, yaml] of written) expectSameInBothVersions(yaml, name);
  });

  it("random forms read the same as YAML 1.1", () => {
    fc.assert(
      fc.property(arbitraryForm("L1", { maxRows: 8 }), (form) => expectSameInBothVersions(formToYaml(form), "random form")),
      { numRuns: 40 },
    );
  });

  it("quotes the strings a YAML 1.1 reader would take for something else, and reads them back as strings", () => {
    const tricky = ["=", "<<", "yes", "No", "on", "OFF", "Y", "n", "~", "null", "1:15", "1_000", "017", "0x1F", ".inf", "-.INF", ".nan", "2023-12-31", "2023-12-31 10:00:00", "1e3", "3.5", " padded "];
    const form = Form.parse({
      amountUnit: "万元",
      project: { name: "测试" },
      funding: {},
      goals: {},
      indicators: { annual: tricky.map((t) => ({ tier1: "产出指标", tier2: "数量指标", tier3: t, value: parseRowValue("1个"), comparison: t })) },
    });
    const yaml = formToYaml(form);
    expectSameInBothVersions(yaml, "tricky strings");
    const back = loadFormsYaml(yaml)[0]!.form.indicators.annual.map((r) => r.tier3);
    expect(back).toEqual(tricky);
    for (const t of tricky) expect(ambiguousInYaml11(t), t).toBe(true);
  });

  it("the check sees a plain `comparison: =`", () => {
    expect(ambiguousPlainScalars("comparison: =\nvalue: 1:15\nname: 测试\n")).toEqual(["=", "1:15"]);
  });

  it("leaves ordinary text plain", () => {
    for (const t of ["≥90%", "产出指标", "2023年度", "1-2次/年", "ABC", "yes please", "1:15:99x", "100%"]) expect(ambiguousInYaml11(t), t).toBe(false);
  });
});
