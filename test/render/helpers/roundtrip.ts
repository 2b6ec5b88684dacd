import type { Form } from "../../../src/model/form.js";
import { parseBuffer } from "../../../src/parse/index.js";
import { renderForm, type RenderOptions } from "../../../src/render/index.js";

/** The form without `source` and without undefined members: what a round trip must give back. */
export function comparable(form: Form): Omit<Form, "source"> {
  const { source: _source, ...rest } = form;
  return JSON.parse(JSON.stringify(rest)) as Omit<Form, "source">;
}

/** Render the form, read the .docx back, and return the one form it holds. */
export async function roundTrip(form: Form, options: RenderOptions = {}): Promise<Form> {
  const bytes = await renderForm(form, options);
  const result = await parseBuffer(bytes, "rendered.docx");
  if (result.forms.length !== 1) throw new Error(`expected one form back, got ${result.forms.length}`);
  return result.forms[0]!.form;
}
