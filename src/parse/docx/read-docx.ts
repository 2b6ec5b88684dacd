import { PerfgoalError } from "../../model/errors.js";
import type { SourceDocument } from "../document.js";

/** .docx → neutral document (interim; the Word-reader work replaces this). */
export function readDocx(_bytes: Uint8Array): SourceDocument {
  throw new PerfgoalError("PG-E-FORMAT", "docx reader not built yet");
}
