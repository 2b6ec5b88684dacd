import type { Form } from "../model/form.js";
import type { ReadingNote } from "../model/reading-notes.js";

export type Severity = "error" | "warning" | "info";
export type TaxonomyEra = "A" | "B";

/** One message of a rule, in both languages; `{name}` placeholders are filled from the report's data. */
export interface RuleMessage {
  zh: string;
  en: string;
}

/** One text field of the model replaced: the text the rule saw there, and the text to write instead. */
export interface FieldEdit {
  /** Model path of a text field, e.g. `indicators.annual[3].value.raw` or `indicators.annual[3].tier2`. */
  path: string;
  from: string;
  to: string;
}

/**
 * A correction of notation only, never of meaning (≧ → ≥, ９０％ → 90%, 效益指示 → 效益指标). Several
 * edits when one written cell stands in several rows (a 一级 label filled down its rows).
 */
export interface Fix {
  edits: FieldEdit[];
}

/** What a rule reports: the engine adds rule id, code, severity, message text and location. */
export interface RuleReport {
  messageId: string;
  /** Model path the finding is about, e.g. `indicators.annual[12].value` or `funding.total`. */
  path: string;
  data?: Record<string, string | number>;
  /** A rule may lower or raise the severity of one report (e.g. info for a unit rate); default: the rule's. */
  severity?: Severity;
  /** A notation-only correction `perfgoal fix` may apply. */
  fix?: Fix;
}

export interface RuleContext {
  /** Taxonomy era of this form: detected, or forced by config. */
  era: TaxonomyEra;
  /** This rule's options from config, merged over its defaults. */
  options: Record<string, unknown>;
  /** The profile named in config (e.g. "central-2021", "xianjie"), if any. */
  profile?: string;
  /** What the reader repaired to read the form (a YAML amount typed as text …); absent or empty for most. */
  notes?: readonly ReadingNote[];
  report(r: RuleReport): void;
}

export interface RuleMeta {
  /** kebab-case, equal to the file name. */
  id: string;
  /** Stable code, PG001 … */
  code: string;
  severity: Severity;
  description: RuleMessage;
  /** The clause or practice it rests on; a document number only where the catalogue marks it verified. */
  source: RuleMessage;
  messages: Record<string, RuleMessage>;
  /** Default options (thresholds …), overridable in perfgoal.config.yaml. */
  defaultOptions?: Record<string, unknown>;
  /** Catalogue number in domain research (R1 … R30; R31 and R32 are perfgoal's own rules about reading), for cross-reference. */
  catalogue?: string;
  /** For the rule's documentation page: model YAML fragments that fail and pass the rule. */
  examples?: { fail: string; pass: string };
}

export interface Rule {
  meta: RuleMeta;
  check(form: Form, ctx: RuleContext): void;
}

export function defineRule(rule: Rule): Rule {
  return rule;
}
