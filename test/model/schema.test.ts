/**
 * schemas/perfgoal.schema.json: not stale, a valid draft-07 schema, accepts what perfgoal writes
 * (and the value shorthand), rejects what the loader rejects.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Ajv } from "ajv";
import { beforeAll, describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";
import { SCHEMA_FILES, SCHEMAS_DIR } from "../../scripts/gen-schemas.js";
import { parseFile } from "../../src/parse/index.js";
import { PerfgoalError } from "../../src/model/errors.js";
import { formJsonSchema } from "../../src/model/json-schema.js";
import { loadFormYaml } from "../../src/model/yaml.js";
import { formToYaml, SCHEMA_URL } from "../../src/model/yaml-write.js";

const SEED = fileURLToPath(new URL("../../examples/hengdong-2023.pipes.txt", import.meta.url));

function committed(file: string): Record<string, unknown> {
  return JSON.parse(readFileSync(`${SCHEMAS_DIR}${file}`, "utf8")) as Record<string, unknown>;
}

describe("generated schema files", () => {
  it.each(SCHEMA_FILES.map((s) => s.file))("%s matches a fresh generation (run `npm run schemas`)", (file) => {
    const fresh = SCHEMA_FILES.find((s) => s.file === file)!.text();
    expect(readFileSync(`${SCHEMAS_DIR}${file}`, "utf8"), `schemas/${file} is stale: run npm run schemas`).toBe(fresh);
  });

  it("perfgoal.schema.json is draft-07 with the published $id", () => {
    const schema = committed("perfgoal.schema.json");
    expect(schema.$schema).toBe("http://json-schema.org/draft-07/schema#");
    expect(schema.$id).toBe(SCHEMA_URL);
    expect(schema).toEqual(formJsonSchema());
  });
});

describe("perfgoal.schema.json validates form YAML", () => {
  const ajv = new Ajv({ allErrors: true, strict: true });
  const validate = ajv.compile(committed("perfgoal.schema.json"));
  const errorsOf = (data: unknown) => (validate(data) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`));
  let seedYaml: string;

  beforeAll(async () => {
    const { forms } = await parseFile(SEED);
    seedYaml = formToYaml(forms[0]!.form);
  });

  it("accepts the YAML of a parsed form", () => {
    expect(errorsOf(parseYaml(seedYaml))).toEqual([]);
  });

  it("accepts the value shorthand and a long form holding only raw, as the loader does", () => {
    const data = parseYaml(seedYaml) as { indicators: { annual: { value: unknown }[] } };
    data.indicators.annual[0]!.value = "≥90%";
    data.indicators.annual[1]!.value = 100;
    data.indicators.annual[2]!.value = { raw: "≤35万元" };
    expect(errorsOf(data)).toEqual([]);
  });

  it("rejects a wrong type at a path, and so does loadFormYaml, naming the path and line", () => {
    const bad = seedYaml.replace(/^year: 2023\b/m, "year: 二〇二三");
    expect(bad).not.toBe(seedYaml);
    expect(errorsOf(parseYaml(bad))).toEqual(["/year must be integer"]);
    const line = bad.split("\n").findIndex((l) => l.startsWith("year:")) + 1;
    let error: unknown;
    try {
      loadFormYaml(bad, "seed.yaml");
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(PerfgoalError);
    expect((error as PerfgoalError).code).toBe("PG-E-SCHEMA");
    expect((error as PerfgoalError).detail).toBe(`year (第${line}行): Invalid input: expected number, received string`);
  });

  it("rejects an unknown key and a value kind outside the enum", () => {
    const data = parseYaml(seedYaml) as Record<string, unknown> & { indicators: { annual: { value: { kind: string } }[] } };
    data.budget = 361;
    data.indicators.annual[0]!.value.kind = "number";
    const errors = errorsOf(data);
    expect(errors).toContain(" must NOT have additional properties");
    expect(errors.some((e) => e.startsWith("/indicators/annual/0/value"))).toBe(true);
  });
});
