import type { Lang, LintConfig, RuleSetting } from "../lint/types.js";
import type { RuleMeta, Severity } from "../rules/types.js";
import { configError, describeAt, joinProblems, type LoadedConfig } from "./problems.js";
import { say, typeName } from "./messages.js";
import { didYouMean } from "../util/did-you-mean.js";
import { DEFAULT_GRADE_BANDS } from "../lint/grade.js";
import type { RuleEntry, RuleSeveritySetting } from "./schema.js";

/** The config as a run uses it: rule settings keyed by rule id, plus the CLI-level settings. */
export interface ResolvedConfig extends LintConfig {
  lang?: Lang;
  maxWarnings?: number;
  /** The file it came from; absent for built-in defaults. */
  file?: string;
  rules: Record<string, RuleSetting>;
}

/** Built-in defaults: every rule at its own severity, era detected (A when undecided). */
export const DEFAULT_CONFIG: ResolvedConfig = { rules: {} };

/**
 * Check a loaded config against the rules that exist: a rule may be named by id or code,
 * only once; its options must be ones it declares, of the same type as their defaults.
 */
export function resolveConfig(loaded: LoadedConfig | undefined, rules: readonly RuleMeta[], lang: Lang = "zh"): ResolvedConfig {
  if (!loaded) return DEFAULT_CONFIG;
  const { config, file, lineOf } = loaded;
  const byName = new Map<string, RuleMeta>();
  for (const meta of rules) {
    byName.set(meta.id, meta);
    byName.set(meta.code, meta);
  }
  const problems: string[] = [];
  const settings: Record<string, RuleSetting> = {};
  for (const [name, entry] of Object.entries(config.rules ?? {})) {
    const at = (keys: (string | number)[], message: string) => problems.push(describeAt(["rules", name, ...keys], lineOf, message, lang));
    const meta = byName.get(name) ?? byName.get(name.toUpperCase());
    if (!meta) {
      const suggestion = didYouMean(name, rules.map((r) => r.id));
      at([], suggestion ? say("unknownRuleNear", lang, { rule: name, suggestion }) : say("unknownRule", lang, { rule: name }));
      continue;
    }
    if (settings[meta.id]) {
      at([], say("duplicateRule", lang, { rule: meta.id }));
      continue;
    }
    const [severity, options] = splitEntry(entry);
    if (options) checkOptions(meta, options, lang, (key, message) => at(key === undefined ? [1] : [1, key], message));
    settings[meta.id] = { severity, ...(options ? { options } : {}) };
  }
  if (problems.length > 0) throw configError(joinProblems(problems, lang), file);
  return {
    rules: settings,
    ...(file !== undefined ? { file } : {}),
    ...(config.lang ? { lang: config.lang } : {}),
    ...(config.era ? { era: config.era } : {}),
    ...(config.detectEra !== undefined ? { detectEra: config.detectEra } : {}),
    ...(config.profile ? { profile: config.profile } : {}),
    ...(config.maxWarnings !== undefined ? { maxWarnings: config.maxWarnings } : {}),
    ...(config.grade ? { grade: { ...DEFAULT_GRADE_BANDS, ...config.grade } } : {}),
  };
}

function normaliseSeverity(s: RuleSeveritySetting): Severity | "off" {
  return s === "warn" ? "warning" : s;
}

function splitEntry(entry: RuleEntry): [Severity | "off", Record<string, unknown> | undefined] {
  if (typeof entry === "string") return [normaliseSeverity(entry), undefined];
  return [normaliseSeverity(entry[0]), entry[1]];
}

function kindOf(v: unknown): string {
  if (Array.isArray(v)) return "array";
  if (v === null) return "null";
  return typeof v;
}

function checkOptions(meta: RuleMeta, options: Record<string, unknown>, lang: Lang, report: (key: string | undefined, message: string) => void): void {
  const defaults = meta.defaultOptions ?? {};
  const known = Object.keys(defaults);
  if (known.length === 0) {
    if (Object.keys(options).length > 0) report(undefined, say("noOptions", lang, { rule: meta.id }));
    return;
  }
  for (const [key, value] of Object.entries(options)) {
    if (!(key in defaults)) {
      report(key, say("unknownOption", lang, { rule: meta.id, option: key, known: known.join(", ") }));
      continue;
    }
    const expected = kindOf(defaults[key]);
    // A default of null or undefined says nothing about the type: accept any value.
    if (expected !== "null" && expected !== "undefined" && kindOf(value) !== expected) {
      report(key, say("optionType", lang, { option: key, type: typeName(expected, lang) }));
    }
  }
}
