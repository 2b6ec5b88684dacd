export * from "./form.js";
export * from "./value.js";
export * from "./terms.js";
export * from "./location.js";
export * from "./path.js";
export * from "./errors.js";
export { parseValue, parseRowValue } from "./value-parse.js";
export { loadFormYaml, loadFormsYaml, type LoadedForm } from "./yaml.js";
export { formToYaml, formsToYaml, canonicalForm, SCHEMA_URL } from "./yaml-write.js";
