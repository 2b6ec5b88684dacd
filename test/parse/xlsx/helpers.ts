/** Spreadsheet test inputs: the seed laid out on a sheet, and packages edited part by part. */
import { readFileSync } from "node:fs";
import path from "node:path";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { readDocx } from "../../../src/parse/docx/read-docx.js";
import type { ParseResult } from "../../../src/parse/index.js";
import { documentToSheet, type LayoutOptions, type SheetSpec } from "../../fixtures/sheet-writer.js";

export const ROOT = path.resolve(import.meta.dirname, "../../..");
export const SHEETS = path.join(ROOT, "test/fixtures/sheets");
export const SEED_DOCX = path.join(ROOT, "examples/hengdong-2023.docx");

/** The seed form's neutral document, as the .docx reader gives it. */
export function seedDocument() {
  return readDocx(readFileSync(SEED_DOCX));
}

/** The seed on a sheet named `name`. */
export function seedSheet(name = "Sheet1", options: LayoutOptions = { mergeParagraphs: "inner", typed: true }): SheetSpec {
  return documentToSheet(seedDocument(), name, options);
}

/** The forms of a parse with `source` left out: what two readings of one form must share. */
export function formsOnly(result: ParseResult) {
  return result.forms.map((f) => ({ ...f.form, source: undefined }));
}

/** The package with parts replaced (a function edits the old text; undefined removes the part) or added. */
export function editPackage(bytes: Uint8Array, edits: Record<string, ((xml: string) => string) | string | undefined>): Uint8Array {
  const parts = unzipSync(bytes);
  for (const [name, edit] of Object.entries(edits)) {
    if (edit === undefined) delete parts[name];
    else if (typeof edit === "string") parts[name] = strToU8(edit);
    else {
      const old = parts[name];
      if (!old) throw new Error(`no part ${name}`);
      parts[name] = strToU8(edit(strFromU8(old)));
    }
  }
  return zipSync(parts);
}

/** A part's text. */
export function partText(bytes: Uint8Array, name: string): string {
  const part = unzipSync(bytes)[name];
  if (!part) throw new Error(`no part ${name}`);
  return strFromU8(part);
}
