import { reportFinding, type FormResult, type LintConfig, type ReportFormResult } from "../../lint/types.js";
import { parseFile } from "../../parse/index.js";
import type { FormFacts } from "../review.js";
import type { FileHandler } from "../work.js";

export interface ValidatePayload {
  /** Full results, or with `lean` only what reports read of each finding. */
  results: (FormResult | ReportFormResult)[];
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
  // Every result crosses to the main thread, which decodes it: a report that shows one language
  // and no rule data (all but json) is sent a fraction of each finding.
  const payload: ValidatePayload = {
    results: spec.options?.lean ? results.map((r) => ({ ...r, findings: r.findings.map(reportFinding) })) : results,
  };
  if (spec.options?.facts) {
    const { formFacts } = await import("../review.js");
    payload.facts = parsed.forms.map((f) => formFacts(f.form));
  }
  return { payload, warnings: parsed.warnings };
};
