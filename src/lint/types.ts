import type { Location } from "../model/location.js";
import type { Grade } from "../model/terms.js";
import type { Fix, Rule, Severity, TaxonomyEra } from "../rules/types.js";
import type { GradeBands } from "./grade.js";

export type Lang = "zh" | "en";

/** One problem a rule found in one form: what the rule reported, completed by the engine. */
export interface Finding {
  ruleId: string;
  /** The rule's stable code (PG001 …); PG000 when the rule itself failed. */
  code: string;
  severity: Severity;
  messageId: string;
  /** The message in the run's language, placeholders filled. */
  message: string;
  messageZh: string;
  messageEn: string;
  data?: Record<string, string | number>;
  /** Model path, e.g. `indicators.annual[12].value`. */
  path: string;
  /** Where in the input the path came from (nearest ancestor known); absent when unknown. */
  location?: Location;
  /** `location` as people read it (表2 第7行第4列, 第12行 …); empty when unknown. */
  locationText: string;
  /** True when `perfgoal fix` can correct it (notation only). */
  fixable?: true;
  /** The correction itself. */
  fix?: Fix;
}

export interface SeverityCounts {
  error: number;
  warning: number;
  info: number;
}

/** How the taxonomy era of a form was decided. */
export type EraSource = "detected" | "config" | "forced" | "default";

/** The review of one form. */
export interface FormResult {
  file: string;
  /** 1-based position of the form in its file, when the file holds several. */
  formIndex?: number;
  /** 项目名称, when the form has one: it names the form in reports. */
  project?: string;
  findings: Finding[];
  counts: SeverityCounts;
  /** Findings left out by --quiet (errorsOnly): `findings` and `counts` are what is shown. */
  hidden?: SeverityCounts;
  /** Advisory grade from all findings (before any --quiet filtering), each kind of problem counted once (gradeCounts). */
  grade: Grade;
  era: TaxonomyEra;
  eraSource: EraSource;
}

/** A file that could not be read: a result too, so every report shows it. */
export interface FatalResult {
  file: string;
  fatal: {
    /** Stable code such as PG-E-ENCRYPTED. */
    code: string;
    /** Reason in the run's language, with its detail. */
    message: string;
    messageZh: string;
    messageEn: string;
  };
}

export type LintResult = FormResult | FatalResult;

/** What reports read of a finding: the run's language only, no rule data or raw location. */
export type ReportFinding = Pick<Finding, "ruleId" | "code" | "severity" | "message" | "path" | "locationText" | "fixable">;

/** A form's review as reports read it; a worker sends this much when the report needs no more. */
export interface ReportFormResult extends Omit<FormResult, "findings"> {
  findings: ReportFinding[];
}

export type ReportResult = ReportFormResult | FatalResult;

export function isFatal<R extends { file: string }>(result: R | FatalResult): result is FatalResult {
  return "fatal" in result;
}

/**
 * What --quiet shows and saves of a result: its errors only, counted as shown, and how many
 * findings were left out (a fatal result stays as it is). Every output then counts what it lists.
 */
export function errorsOnly<R extends { file: string; findings: readonly { severity: Severity }[]; counts: SeverityCounts }>(result: R | FatalResult): R | FatalResult {
  if (isFatal(result)) return result;
  // From the counts, not the findings: a worker may send a result's counts without its findings.
  const { error, warning, info } = result.counts;
  return { ...result, findings: result.findings.filter((f) => f.severity === "error"), counts: { error, warning: 0, info: 0 }, hidden: { error: 0, warning, info } };
}

/** The finding with only what reports read (a worker's answer shrinks to a fraction). */
export function reportFinding(f: ReportFinding): ReportFinding {
  return { ruleId: f.ruleId, code: f.code, severity: f.severity, message: f.message, path: f.path, locationText: f.locationText, ...(f.fixable ? { fixable: true } : {}) };
}

/** Per-rule settings after config resolution, keyed by rule id. */
export interface RuleSetting {
  /** Replaces the rule's default and every per-report severity; "off" skips the rule. */
  severity?: Severity | "off";
  options?: Record<string, unknown>;
}

/** The part of the configuration the engine reads. */
export interface LintConfig {
  /** Era used when the form does not show its own (or always, with detectEra: false). */
  era?: TaxonomyEra;
  /** False: use `era` as is, without looking at the form. Default true. */
  detectEra?: boolean;
  profile?: string;
  rules?: Record<string, RuleSetting>;
  /** Limits of the advisory grades (DEFAULT_GRADE_BANDS when absent). */
  grade?: GradeBands;
}

export interface LintOptions {
  rules: readonly Rule[];
  config?: LintConfig;
  lang?: Lang;
  /** The name reports give the input. */
  file?: string;
  formIndex?: number;
}
