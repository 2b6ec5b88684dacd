/**
 * Write the JSON Schemas in `schemas/` from the zod schemas (`npm run schemas`).
 * A test compares each file with a fresh generation, so a stale schema fails the build.
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { configJsonSchemaText } from "../src/config/json-schema.js";
import { formJsonSchema, jsonSchemaText } from "../src/model/json-schema.js";

export const SCHEMAS_DIR = fileURLToPath(new URL("../schemas/", import.meta.url));

/** Every generated schema file: its name in `schemas/` and how to make its text. */
export const SCHEMA_FILES: readonly { file: string; text: () => string }[] = [
  { file: "perfgoal.schema.json", text: () => jsonSchemaText(formJsonSchema()) },
  { file: "perfgoal.config.schema.json", text: configJsonSchemaText },
];

function readOrEmpty(path: string): string {
  try {
    return readFileSync(path, "utf8");
  } catch {
    return "";
  }
}

/** Write each schema that changed (through a temporary file, so a reader never sees half of one). */
export function writeSchemas(dir = SCHEMAS_DIR): string[] {
  mkdirSync(dir, { recursive: true });
  const written: string[] = [];
  for (const { file, text } of SCHEMA_FILES) {
    const path = `${dir}${file}`;
    const content = text();
    if (readOrEmpty(path) === content) continue;
    writeFileSync(`${path}.tmp`, content);
    renameSync(`${path}.tmp`, path);
    written.push(path);
  }
  return written;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const written = writeSchemas();
  process.stdout.write(written.length ? written.map((p) => `wrote ${p}\n`).join("") : "schemas are up to date\n");
}
