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
import { keyDescription } from "./yaml-comments.js";
import type { PathKey } from "./path.js";

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
  const schema = toJsonSchema(Form, {
    id: SCHEMA_URL,
    override: (ctx) => {
      if (!derivesFrom(ctx.zodSchema, IndicatorValue)) return;
      const { description, ...longForm } = ctx.jsonSchema;
      for (const key of Object.keys(ctx.jsonSchema)) delete ctx.jsonSchema[key];
      if (description !== undefined) ctx.jsonSchema.description = description;
      ctx.jsonSchema.anyOf = [
        { ...longForm, required: ["raw"] },
        { type: "string", description: "简写：直接写指标值（如 ≥95%），读取时解析 — shorthand: the value as written, parsed when loaded" },
        { type: "number", description: "简写：只有数字 — shorthand: a bare number" },
      ];
    },
  });
  describeKeys(schema, []);
  return schema;
}

/**
 * Every property's description from the key notes the YAML comments come from (Chinese first,
 * then English), so an editor's hover says what the comment beside the key says.
 */
function describeKeys(node: JsonObject, path: PathKey[]): void {
  const properties = node.properties as Record<string, JsonObject> | undefined;
  for (const [key, child] of Object.entries(properties ?? {})) {
    const description = keyDescription([...path, key]);
    if (description !== undefined) {
      // First in the object, as zod puts it.
      const { description: _, ...rest } = child;
      for (const k of Object.keys(child)) delete child[k];
      Object.assign(child, { description }, rest);
    }
    describeKeys(child, [...path, key]);
  }
  if (node.items && typeof node.items === "object") describeKeys(node.items as JsonObject, [...path, 0]);
  for (const branch of (node.anyOf as JsonObject[] | undefined) ?? []) describeKeys(branch, path);
}
