import type { FormResult, LintConfig } from "../../lint/types.js";
import { packResult, type PackedFormResult } from "../packed.js";
import { parseFile } from "../../parse/index.js";
import type { FormFacts } from "../review.js";
import type { FileHandler } from "../work.js";

export interface ValidatePayload {
  /** Full results, or with `lean` packed: only what reports read of each finding. */
  results: (FormResult | PackedFormResult)[];
  /** Header facts per form, parallel to results; only when the job asks for them (汇总表, HTML report). */
  facts?: FormFacts[];
}

/** validate: the file's forms, each reviewed; the config and language come with the job. */
export const validateHandler: FileHandler = async (task, spec) => {
  const { loadRules } = await import("../../lint/rule-registry.js");
  const { lintParseResult } = await import("../../lint/lint-file.js");
  const parsed = await parseFile(task.path);
  const config = (spec.options?.config ?? {}) as LintConfig;
  const results = lintParseResult(parsed, task.name, { rules: await loadRules(), config, lang: spec.lang });
  // Only json carries every message variant and the rule data.
  const payload: ValidatePayload = { results: spec.options?.lean ? results.map(packResult) : results };
  if (spec.options?.facts) {
    const { formFacts } = await import("../review.js");
    payload.facts = parsed.forms.map((f) => formFacts(f.form));
  }
  return { payload, warnings: parsed.warnings };
};
