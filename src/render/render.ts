import type { Form } from "../model/form.js";
import { buildDocument, type RenderOptions } from "./document.js";
import { packageDocx } from "./package.js";

/** Form → .docx bytes. Pure apart from the clock (the file's dates); writing the file is the caller's job. */
export async function renderForm(form: Form, options: RenderOptions = {}): Promise<Uint8Array> {
  return packageDocx(buildDocument(form, options));
}
