/** perfgoal.config.yaml: find it, validate it, resolve it against the rules. */
export { PerfgoalConfig, RuleEntry, RULE_SEVERITY_SETTINGS } from "./schema.js";
export { CONFIG_FILE_NAMES, findConfigFile, loadConfigFile, parseConfigText, type LoadedConfig } from "./load.js";
export { resolveConfig, DEFAULT_CONFIG, type ResolvedConfig } from "./resolve.js";
export { configJsonSchema, configJsonSchemaText, CONFIG_SCHEMA_URL } from "./json-schema.js";
