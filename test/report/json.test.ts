import { describe, expect, it } from "vitest";
import { json, JSON_SCHEMA_VERSION } from "../../src/report/json.js";
import type { RuleMeta } from "../../src/rules/types.js";
import { fatal, form } from "./results.js";

describe("json", () => {
  it("carries the schema version, the tool, the results as they are and the rules' metadata", () => {
    const meta: RuleMeta = {
      id: "cost-not-lower-bound",
      code: "PG014",
      severity: "error",
      description: { zh: "成本", en: "cost" },
      source: { zh: "实践", en: "practice" },
      messages: { lowerBound: { zh: "下限", en: "lower bound" } },
    };
    const results = [form(), fatal];
    const report = JSON.parse(json(results, { lang: "zh", rules: [meta], version: "1.2.3" }));
    expect(report).toEqual({ schemaVersion: JSON_SCHEMA_VERSION, tool: { name: "perfgoal", version: "1.2.3" }, lang: "zh", results, rules: [meta] });
  });
});
