import { describe, expect, it } from "vitest";
import { json, JSON_SCHEMA_VERSION } from "../../src/report/json.js";
import { fatal, form, ruleMeta } from "./results.js";

describe("json", () => {
  it("carries the schema version, the tool, the results as they are and the rules' metadata", () => {
    const meta = ruleMeta;
    const results = [form(), fatal];
    const report = JSON.parse(json(results, { lang: "zh", rules: [meta], version: "1.2.3" }));
    expect(report).toEqual({ schemaVersion: JSON_SCHEMA_VERSION, tool: { name: "perfgoal", version: "1.2.3" }, lang: "zh", results, rules: [meta] });
  });
});
