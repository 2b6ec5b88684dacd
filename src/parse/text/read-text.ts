import { PerfgoalError } from "../../model/errors.js";
import type { SourceDocument } from "../document.js";

/** Text form → neutral document (interim; the text-reader work replaces this). */
export function readText(_bytes: Uint8Array): SourceDocument {
  throw new PerfgoalError("PG-E-FORMAT", "text reader not built yet");
}
