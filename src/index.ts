/** perfgoal as a library: parse forms, work with the model, and (as they land) validate and render. */
export * from "./model/index.js";
export { parseFile, parseBuffer, type ParseResult, type ParsedForm } from "./parse/index.js";
export type { SourceDocument, Table, GridCell, Block } from "./parse/document.js";
export { run } from "./cli/main.js";
export type { CliIO } from "./cli/io.js";
export {
  lintForm,
  lintFile,
  lintBytes,
  lintParseResult,
  detectEra,
  gradeOf,
  isFatal,
  type Finding,
  type FormResult,
  type FatalResult,
  type LintResult,
  type LintConfig,
  type LintOptions,
} from "./lint/index.js";
export { loadRules } from "./lint/rule-registry.js";
export { findConfigFile, loadConfigFile, parseConfigText, resolveConfig, type ResolvedConfig } from "./config/index.js";
export { loadFormatter, FORMATTER_NAMES, type Formatter, type FormatterOptions } from "./report/index.js";
export type { Rule, RuleMeta, RuleContext, RuleReport, Severity } from "./rules/types.js";
export { buildDocument, renderForm, resolveLayout, RENDER_LAYOUTS, type RenderOptions, type RenderLayout, type RenderedDocument } from "./render/index.js";
