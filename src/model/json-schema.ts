/**
 * JSON Schemas generated from the zod schemas, so editors can check perfgoal's YAML files.
 *
 * Target draft-07: the YAML extension most editors use (yaml-language-server) validates draft-07
 * fully, while its support of 2019-09/2020-12 keywords is partial and version-dependent; the
 * schemas use nothing that draft-07 lacks.
 */
import { z } from "zod";
import { Form } from "./form.js";
import { IndicatorValue } from "./value.js";
import { SCHEMA_URL } from "./yaml-write.js";

type JsonObject = Record<string, unknown>;
type Override = NonNullable<NonNullable<Parameters<typeof z.toJSONSchema>[1]>["override"]>;

export interface JsonSchemaOptions {
  /** `$id`: the URL the schema is published at. */
  id: string;
  /** Adjust the generated JSON Schema of particular zod schemas (see `formJsonSchema`). */
  override?: Override;
}

/** A zod schema as a draft-07 JSON Schema with an `$id`; describes the input a file may hold. */
export function toJsonSchema(schema: z.ZodType, options: JsonSchemaOptions): JsonObject {
  const generated = z.toJSONSchema(schema, {
    target: "draft-7",
    io: "input",
    ...(options.override ? { override: options.override } : {}),
  }) as JsonObject;
  return { $id: options.id, ...generated };
}

/** The text of a schema file: two-space JSON and a final newline, so regeneration is byte-stable. */
export function jsonSchemaText(schema: JsonObject): string {
  return `${JSON.stringify(schema, null, 2)}\n`;
}

/** Is `schema` the `base` schema or a copy of it (`.describe()` and `.meta()` make copies)? */
function derivesFrom(schema: z.core.$ZodType, base: z.core.$ZodType): boolean {
  for (let s: z.core.$ZodType | undefined = schema; s; s = s._zod.parent) if (s === base) return true;
  return false;
}

/**
 * The schema of a form's YAML. A 指标值 may be written as the shorthand `value: "≥90%"`, and in
 * the long form only `raw` is needed: the loader recomputes every parsed field from it.
 */
export function formJsonSchema(): JsonObject {
  return toJsonSchema(Form, {
    id: SCHEMA_URL,
    override: (ctx) => {
      if (!derivesFrom(ctx.zodSchema, IndicatorValue)) return;
      const { description, ...longForm } = ctx.jsonSchema;
      for (const key of Object.keys(ctx.jsonSchema)) delete ctx.jsonSchema[key];
      if (description !== undefined) ctx.jsonSchema.description = description;
      ctx.jsonSchema.anyOf = [
        { ...longForm, required: ["raw"] },
        { type: "string", description: "shorthand: the value as written, parsed when loaded" },
        { type: "number", description: "shorthand: a bare number" },
      ];
    },
  });
}
