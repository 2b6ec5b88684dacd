import type { LintConfig } from "../../lint/types.js";
import { parseFile } from "../../parse/index.js";
import type { FileHandler } from "../work.js";

/** validate: the file's forms, each reviewed; the config and language come with the job. */
export const validateHandler: FileHandler = async (task, spec) => {
  const { loadRules } = await import("../../lint/rule-registry.js");
  const { lintParseResult } = await import("../../lint/lint-file.js");
  const parsed = await parseFile(task.path);
  const config = (spec.options?.config ?? {}) as LintConfig;
  const payload = lintParseResult(parsed, task.name, { rules: await loadRules(), config, lang: spec.lang });
  return { payload, warnings: parsed.warnings };
};
