import { Packer } from "docx";
import type { Form } from "../model/form.js";
import { buildDocument, type RenderOptions } from "./document.js";
import { fontTableXml } from "./font-table.js";

/** Form → .docx bytes. Pure apart from the zip packing; writing the file is the caller's job. */
export async function renderForm(form: Form, options: RenderOptions = {}): Promise<Uint8Array> {
  const doc = buildDocument(form, options);
  const bytes = await Packer.toBuffer(doc, false, [{ path: "word/fontTable.xml", data: fontTableXml() }]);
  return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}
