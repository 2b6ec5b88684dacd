/** The review engine: rules + config over a Form → results. Knows no terminals and no output formats. */
export * from "./types.js";
export { lintForm, INTERNAL_CODE } from "./lint-form.js";
export { lintFile, lintBytes, lintParseResult, fatalResult, type FileLintOutcome, type FileLintOptions } from "./lint-file.js";
export { detectEra, resolveEra } from "./era.js";
export { gradeOf, gradeName, countSeverities } from "./grade.js";
export { sortFindings, compareLocations } from "./order.js";
export { fillMessage } from "./message.js";
