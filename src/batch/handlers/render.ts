import { parseFileNow } from "../../parse/index.js";
import type { RenderOptions } from "../../render/document.js";
import type { FileHandler } from "../work.js";

export interface RenderPayload {
  /** One .docx per form of the file, in order. */
  documents: Uint8Array[];
}

/** render: each form of the file as .docx bytes (the command writes them). */
export const renderHandler: FileHandler = async (task, spec) => {
  const { renderForm } = await import("../../render/render.js");
  const options = (spec.options ?? {}) as RenderOptions;
  const result = await parseFileNow(task.path, task.raw, task.entry);
  const documents: Uint8Array[] = [];
  for (const { form } of result.forms) documents.push(await renderForm(form, options));
  const payload: RenderPayload = { documents };
  return { payload, warnings: [...result.warnings, ...(result.repairs ?? [])] };
};
