/** perfgoal as a library: parse forms, work with the model, and (as they land) validate and render. */
export * from "./model/index.js";
export { parseFile, parseBuffer, type ParseResult, type ParsedForm } from "./parse/index.js";
export type { SourceDocument, Table, GridCell, Block } from "./parse/document.js";
export { run } from "./cli/main.js";
export type { CliIO } from "./cli/io.js";
