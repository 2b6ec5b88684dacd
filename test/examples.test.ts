import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseFile } from "../src/parse/index.js";
import { loadFormYaml } from "../src/model/yaml.js";
import { formToYaml } from "../src/model/yaml-write.js";
import { schemaRefFor } from "../src/cli/schema-ref.js";
import type { Form } from "../src/model/form.js";

const EXAMPLES = path.resolve(__dirname, "../examples");
const GOLDEN = path.join(EXAMPLES, "hengdong-2023.yaml");
/** The header names the repository's schema, as `perfgoal parse -o` writes it from here. */
const toExampleYaml = (form: Form) => formToYaml(form, { schemaRef: schemaRefFor(GOLDEN) });
const withoutSource = ({ source: _source, ...rest }: Form) => rest;

describe("examples/", () => {
  it("hengdong-2023.yaml is what perfgoal parse makes of hengdong-2023.txt (regenerate: perfgoal parse examples/hengdong-2023.txt -o examples/hengdong-2023.yaml --force)", async () => {
    const parsed = await parseFile(path.join(EXAMPLES, "hengdong-2023.txt"));
    expect(parsed.forms).toHaveLength(1);
    expect(toExampleYaml(parsed.forms[0]!.form)).toBe(readFileSync(GOLDEN, "utf8"));
  });

  const seedFiles = readdirSync(EXAMPLES).filter((f) => f.startsWith("hengdong-2023.") && !f.endsWith(".yaml") && !f.includes("rendered"));
  it.each(seedFiles)("%s parses to the same Form as the YAML (only source differs)", async (file) => {
    const golden = loadFormYaml(readFileSync(GOLDEN, "utf8")).form;
    const parsed = await parseFile(path.join(EXAMPLES, file));
    expect(parsed.forms).toHaveLength(1);
    expect(withoutSource(parsed.forms[0]!.form)).toEqual(withoutSource(golden));
  });

  it("parse → YAML → load → YAML is byte-identical", () => {
    const text = readFileSync(GOLDEN, "utf8");
    expect(toExampleYaml(loadFormYaml(text).form)).toBe(text);
  });
});
