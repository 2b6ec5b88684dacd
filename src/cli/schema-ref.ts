import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

/** The form schema perfgoal ships (`schemas/` beside `src/` and `dist/`): every install has it. */
export function installedSchemaPath(): string {
  return fileURLToPath(new URL("../../schemas/perfgoal.schema.json", import.meta.url));
}

/**
 * How a YAML file written at `yamlFile` names the installed schema in its header line: a path
 * relative to the YAML's folder, which an editor resolves whatever the folder is called; a `file:`
 * URL where no plain relative path can be written (another drive; whitespace, which ends the
 * header's value; `#`, which an editor takes for a fragment).
 */
export function schemaRefFor(yamlFile: string, schemaFile: string = installedSchemaPath()): string {
  const relative = path.relative(path.dirname(path.resolve(yamlFile)), schemaFile);
  if (relative !== "" && !path.isAbsolute(relative) && !/[\s#]/.test(relative)) return relative.split(path.sep).join("/");
  return pathToFileURL(schemaFile).href;
}
