import { z } from "zod";
import { PerfgoalConfig } from "./schema.js";

/** Where the published config schema lives, for `$schema` and the yaml-language-server comment. */
export const CONFIG_SCHEMA_URL = "https://unpkg.com/perfgoal/schemas/perfgoal.config.schema.json";

/**
 * JSON Schema of perfgoal.config.yaml, generated from the zod schema (draft-07: what editor
 * YAML extensions understand best). `schemas/perfgoal.config.schema.json` is this, written out.
 */
export function configJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(PerfgoalConfig, { target: "draft-7", io: "input" }) as Record<string, unknown>;
  return { $id: CONFIG_SCHEMA_URL, ...schema };
}

export function configJsonSchemaText(): string {
  return `${JSON.stringify(configJsonSchema(), null, 2)}\n`;
}
