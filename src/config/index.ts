/** perfgoal.config.yaml: find it, validate it, resolve it against the rules. */
export { PerfgoalConfig, RuleEntry, RULE_SEVERITY_SETTINGS } from "./schema.js";
export { CONFIG_FILE_NAMES, findConfigFile } from "./find.js";
export { loadConfigFile, parseConfigText } from "./load.js";
export type { LoadedConfig } from "./problems.js";
export { resolveConfig, DEFAULT_CONFIG, type ResolvedConfig } from "./resolve.js";
export { configJsonSchema, configJsonSchemaText, CONFIG_SCHEMA_URL } from "./json-schema.js";
