export * from "./form.js";
export * from "./value.js";
export * from "./terms.js";
export * from "./location.js";
export * from "./path.js";
export * from "./errors.js";
export { parseValue, parseRowValue } from "./value-parse.js";
export { formToYaml, formsToYaml, loadFormYaml, loadFormsYaml, canonicalForm, SCHEMA_URL, type LoadedForm } from "./yaml.js";
