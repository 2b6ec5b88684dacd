import type { Form } from "../../model/form.js";
import type { SourceMap } from "../../model/location.js";
import { PerfgoalError } from "../../model/errors.js";
import type { SourceDocument } from "../document.js";

export interface ExtractedForm {
  form: Form;
  sourceMap: SourceMap;
}

/** Neutral document → one Form per project (interim; the extractor work replaces this). */
export function extractForms(_doc: SourceDocument): ExtractedForm[] {
  throw new PerfgoalError("PG-E-NO-TABLE");
}
