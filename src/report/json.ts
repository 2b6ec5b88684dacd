import type { ReportStream, StreamFormatter } from "./types.js";
import { collect } from "./types.js";

/** Version of the JSON report's shape; raised only when a field changes meaning or disappears. */
export const JSON_SCHEMA_VERSION = 1;

const RESULTS_SLOT = '\n  "results": []';

/**
 * Machine-readable report: the results as they are, and the metadata of the rules that ran.
 * Streamed as one JSON document: the head up to `"results": [`, each result indented as
 * JSON.stringify(report, null, 2) would, then the rules and the closing brace.
 */
export const jsonStream: StreamFormatter = (options): ReportStream => {
  const skeleton = JSON.stringify(
    {
      schemaVersion: JSON_SCHEMA_VERSION,
      tool: { name: "perfgoal", ...(options.version ? { version: options.version } : {}) },
      lang: options.lang,
      results: [],
      rules: options.rules ?? [],
    },
    null,
    2,
  );
  // "results" is the first key holding an array, so its slot is the first match.
  const at = skeleton.indexOf(RESULTS_SLOT) + RESULTS_SLOT.length - 1;
  const head = skeleton.slice(0, at);
  const tail = `${skeleton.slice(at + 1)}\n`;
  let count = 0;
  return {
    start: () => head,
    // JSON strings hold no raw line break, so indenting every line break nests the result two levels deep.
    add: (result) => `${count++ > 0 ? "," : ""}\n    ${JSON.stringify(result, null, 2).replace(/\n/g, "\n    ")}`,
    end: () => `${count > 0 ? "\n  " : ""}]${tail}`,
  };
};

export const json = collect(jsonStream);
