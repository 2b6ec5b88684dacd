import { errorsOnly, type FormResult, type Lang, type LintConfig } from "../../lint/types.js";
import type { ReportPiece, ReportStream } from "../../report/types.js";
import { packResult, type PackedFormResult } from "../packed.js";
import { parseFileNow } from "../../parse/index.js";
import type { FormFacts } from "../review.js";
import type { FileHandler } from "../work.js";

export interface ValidatePayload {
  /** Full results, or with `lean` packed: only what reports read of each finding. */
  results: (FormResult | PackedFormResult)[];
  /** Header facts per form, parallel to results; only when the job asks for them (汇总表, HTML report). */
  facts?: FormFacts[];
  /** Each form's report text, parallel to results, when the job asks the worker to render it. */
  pieces?: ReportPiece[];
}

/** What a worker needs to render each form's report itself (stylish and csv, whose text needs no other form). */
export interface RenderSpec {
  format: string;
  lang: Lang;
  color: boolean;
  /** --quiet: only errors are shown. */
  quiet: boolean;
  /** The review (汇总表, HTML) reads the findings: send them as well as the text. */
  keepFindings: boolean;
}

/** One stream per worker and report: it remembers the widths of cells already measured. */
let renderer: { key: string; stream: ReportStream } | undefined;

async function rendererFor(spec: RenderSpec): Promise<ReportStream> {
  const key = JSON.stringify(spec);
  if (renderer?.key !== key) {
    const { loadStreamFormatter } = await import("../../report/index.js");
    renderer = { key, stream: (await loadStreamFormatter(spec.format))!({ lang: spec.lang, color: spec.color }) };
  }
  return renderer.stream;
}

/** validate: the file's forms, each reviewed; the config and language come with the job. */
export const validateHandler: FileHandler = async (task, spec) => {
  const { loadRules } = await import("../../lint/rule-registry.js");
  const { lintParseResult } = await import("../../lint/lint-file.js");
  const parsed = await parseFileNow(task.path, task.raw, task.entry);
  const config = (spec.options?.config ?? {}) as LintConfig;
  const results = lintParseResult(parsed, task.name, { rules: await loadRules(), config, lang: spec.lang });
  // Only json carries every message variant and the rule data.
  const render = spec.options?.render as RenderSpec | undefined;
  let payload: ValidatePayload;
  if (render) {
    // The main thread then only writes the text and adds up the counts.
    const stream = await rendererFor(render);
    payload = {
      results: results.map((r) => packResult(render.keepFindings ? r : { ...r, findings: [] })),
      pieces: results.map((r) => stream.render!(render.quiet ? errorsOnly(r) : r)),
    };
  } else payload = { results: spec.options?.lean ? results.map(packResult) : results };
  if (spec.options?.facts) {
    const { formFacts } = await import("../review.js");
    payload.facts = parsed.forms.map((f) => formFacts(f.form));
  }
  return { payload, warnings: parsed.warnings };
};
