import type { Formatter } from "./types.js";

/** Version of the JSON report's shape; raised only when a field changes meaning or disappears. */
export const JSON_SCHEMA_VERSION = 1;

/** Machine-readable report: the results as they are, and the metadata of the rules that ran. */
export const json: Formatter = (results, options) => {
  const report = {
    schemaVersion: JSON_SCHEMA_VERSION,
    tool: { name: "perfgoal", ...(options.version ? { version: options.version } : {}) },
    lang: options.lang,
    results,
    rules: options.rules ?? [],
  };
  return `${JSON.stringify(report, null, 2)}\n`;
};
