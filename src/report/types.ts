import type { Lang, LintResult } from "../lint/types.js";
import type { RuleMeta } from "../rules/types.js";

export interface FormatterOptions {
  lang: Lang;
  /** Colour codes in the output (stylish and summary); the CLI decides, never the formatter. */
  color?: boolean;
  /** Metadata of the rules that ran, for formats that carry it (json). */
  rules?: readonly RuleMeta[];
  /** perfgoal's version, for formats that name the tool. */
  version?: string;
}

/** A formatter is pure: results in, text out. Only the CLI writes it anywhere. */
export type Formatter = (results: readonly LintResult[], options: FormatterOptions) => string;
