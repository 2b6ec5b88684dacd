/** Write schemas/perfgoal.config.schema.json from the zod config schema (`npx tsx scripts/gen-config-schema.ts`). */
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { configJsonSchemaText } from "../src/config/json-schema.js";

export const CONFIG_SCHEMA_FILE = fileURLToPath(new URL("../schemas/perfgoal.config.schema.json", import.meta.url));

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  writeFileSync(CONFIG_SCHEMA_FILE, configJsonSchemaText());
  process.stdout.write(`wrote ${CONFIG_SCHEMA_FILE}\n`);
}
