/**
 * Forms of a workbook: each visible sheet is read on its own (a sheet of instructions beside the
 * form is no part of it), so a sheet holds one form, several one under another, or a flat export
 * of several projects. Sheets without an indicator table are named; only when no sheet has one
 * is the workbook PG-E-NO-TABLE.
 */
import { PerfgoalError } from "../../model/errors.js";
import type { SourceDocument } from "../document.js";
import type { ExtractedForm } from "../extract/extract.js";
import type { WorkbookDocuments } from "./workbook-document.js";

export function sheetForms(book: WorkbookDocuments, extract: (doc: SourceDocument) => ExtractedForm[]): { forms: ExtractedForm[]; warnings: string[] } {
  const forms: ExtractedForm[] = [];
  const without: string[] = [];
  let firstRefusal: PerfgoalError | undefined;
  for (const doc of book.documents) {
    try {
      forms.push(...extract(doc));
    } catch (e) {
      if (!(e instanceof PerfgoalError) || e.code !== "PG-E-NO-TABLE") throw e;
      firstRefusal ??= e;
      without.push(sheetName(doc));
    }
  }
  if (forms.length === 0) {
    if (firstRefusal) throw firstRefusal;
    throw new PerfgoalError("PG-E-NO-TABLE", book.noSheet);
  }
  const warnings = without.length > 0 ? [`工作表${without.map((n) => `“${n}”`).join("、")}中没有绩效指标表，未读出表单`] : [];
  return { forms, warnings };
}

function sheetName(doc: SourceDocument): string {
  for (const b of doc.blocks) {
    const loc = b.kind === "paragraph" ? b.loc : b.table.rows[0]?.[0]?.loc;
    if (loc?.kind === "sheetCell") return loc.sheet;
  }
  return "?";
}
