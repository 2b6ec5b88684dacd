import { PerfgoalError } from "../../model/errors.js";
import type { SourceDocument } from "../document.js";

/** .doc → neutral document (interim; the Word-reader work replaces this). */
export async function readDoc(_bytes: Uint8Array): Promise<SourceDocument> {
  throw new PerfgoalError("PG-E-FORMAT", "doc reader not built yet");
}
