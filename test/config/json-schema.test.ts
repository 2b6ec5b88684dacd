import { readFileSync } from "node:fs";
import { Ajv } from "ajv";
import { describe, expect, it } from "vitest";
import { configJsonSchema, configJsonSchemaText } from "../../src/config/json-schema.js";
import { CONFIG_SCHEMA_FILE } from "../../scripts/gen-config-schema.js";

describe("schemas/perfgoal.config.schema.json", () => {
  it("is what the zod config schema generates (run `npx tsx scripts/gen-config-schema.ts` after changing it)", () => {
    expect(readFileSync(CONFIG_SCHEMA_FILE, "utf8")).toBe(configJsonSchemaText());
  });

  it("accepts a valid config and rejects the mistakes zod rejects", () => {
    const validate = new Ajv({ strict: false }).compile(configJsonSchema());
    expect(validate({ lang: "en", era: "B", rules: { "tier1-coverage": "off", PG018: ["warning", { warnBelow: 75 }] } })).toBe(true);
    expect(validate({ lang: "fr" })).toBe(false);
    expect(validate({ rulez: {} })).toBe(false);
    expect(validate({ rules: { x: ["loud"] } })).toBe(false);
    expect(validate({ maxWarnings: -1 })).toBe(false);
  });
});
