import { closeSync, constants, fstatSync, openSync, promises as fs, readFileSync, type Stats } from "node:fs";
import path from "node:path";
import type { Form } from "../model/form.js";
import { readingNoteText, type ReadingNote } from "../model/reading-notes.js";
import { locate, type SourceMap } from "../model/location.js";
import { PerfgoalError } from "../model/errors.js";
import { detectFormat } from "./detect.js";
import type { SourceDocument } from "./document.js";
import type { ExtractedForm } from "./extract/extract.js";
import type { WorkbookDocuments } from "./xlsx/workbook-document.js";

export interface ParsedForm {
  form: Form;
  sourceMap: SourceMap;
  /** What the reader repaired to read the form (YAML only), reported as findings. */
  notes?: readonly ReadingNote[];
}

export interface ParseResult {
  file: string;
  format: "txt" | "docx" | "doc" | "xlsx" | "xls" | "pdf" | "yaml";
  /** Usually one; a flat budget-system export can hold several projects. */
  forms: ParsedForm[];
  /**
   * Fields of a YAML read with a repair (an amount written as text, one left unread), as lines for
   * parse and render to show; validate reports them as PG032 findings instead.
   */
  repairs?: string[];
  /** Odd but readable input: wrong extension, unusual encoding … */
  warnings: string[];
}

/** Largest input perfgoal will read; real forms are well under 10 MB. */
export const MAX_INPUT_BYTES = 64 * 1024 * 1024;

/**
 * Largest YAML perfgoal will load: a form is about 15 KB, and the YAML parser needs some 90 bytes
 * of memory per byte of input (4 MB ≈ 270 forms ≈ 350 MB).
 */
export const MAX_YAML_BYTES = 4 * 1024 * 1024;

/** Read a form file of any supported format. Bad input throws a PerfgoalError naming the file. */
export async function parseFile(file: string): Promise<ParseResult> {
  let bytes: Buffer;
  try {
    const stat = await fs.stat(file);
    checkInputFile(file, stat);
    bytes = await fs.readFile(file);
  } catch (e) {
    throw readFailure(file, e);
  }
  return parseBuffer(bytes, file);
}

/**
 * The same, reading the file synchronously: for batch workers, where a form is a few kilobytes
 * and the four thread-pool round trips of an async read cost more than reading it.
 */
export async function parseFileNow(file: string, raw?: Uint8Array, entry?: readonly number[]): Promise<ParseResult> {
  let bytes: Buffer;
  try {
    // `raw`: the path's bytes, for a name that is not valid UTF-8 (`file` then shows it escaped).
    const fd = openSync(raw ? Buffer.from(raw) : file, OPEN_NOW);
    try {
      checkInputFile(file, fstatSync(fd));
      bytes = readFileSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch (e) {
    throw readFailure(file, e);
  }
  if (entry) return parseArchiveEntry(bytes, file, entry);
  return parseBuffer(bytes, file);
}

/** One entry of a zip archive (`entry`: its directory position at each level), read in memory. */
async function parseArchiveEntry(bytes: Uint8Array, file: string, entry: readonly number[]): Promise<ParseResult> {
  const { readNested } = await import("./archive/archive.js");
  let inner: { bytes: Uint8Array; name: string };
  try {
    inner = readNested(bytes, entry);
  } catch (e) {
    if (e instanceof PerfgoalError) throw e.withFile(file);
    throw e;
  }
  return { ...(await parseBuffer(inner.bytes, inner.name)), file };
}

/** Read-only, and never waiting on a pipe swapped in for the file (fstat then refuses it). */
const OPEN_NOW = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);

/** A regular file within the size perfgoal reads, else the refusal that says which it is not. */
function checkInputFile(file: string, stat: Stats): void {
  if (!stat.isFile()) throw new PerfgoalError("PG-E-NOT-FILE", undefined, { file });
  if (stat.size > MAX_INPUT_BYTES) throw new PerfgoalError("PG-E-TOO-LARGE", { zh: `${stat.size} 字节`, en: `${stat.size} bytes` }, { file });
}

function readFailure(file: string, e: unknown): PerfgoalError {
  if (e instanceof PerfgoalError) return e;
  const code = (e as NodeJS.ErrnoException).code;
  if (code === "ENOENT") return new PerfgoalError("PG-E-NOT-FOUND", undefined, { file, cause: e });
  // Opening a folder for reading fails on some systems before fstat can tell.
  if (code === "EISDIR") return new PerfgoalError("PG-E-NOT-FILE", undefined, { file });
  return new PerfgoalError("PG-E-UNREADABLE", code, { file, cause: e });
}

/** Parse bytes already in memory; `file` names them in messages and in `source.file`. */
export async function parseBuffer(bytes: Uint8Array, file = "-"): Promise<ParseResult> {
  try {
    return await parseDetected(bytes, file);
  } catch (e) {
    if (e instanceof PerfgoalError) throw e.withFile(file);
    throw e;
  }
}

async function parseDetected(bytes: Uint8Array, file: string): Promise<ParseResult> {
  const format = detectFormat(bytes, file);
  const ext = path.extname(file).toLowerCase();
  switch (format) {
    case "empty":
      throw new PerfgoalError("PG-E-EMPTY");
    case "yaml": {
      if (bytes.length > MAX_YAML_BYTES) throw new PerfgoalError("PG-E-TOO-LARGE", {
          zh: `YAML 超过 ${MAX_YAML_BYTES / 1024 / 1024} MB，请按项目拆分为多个文件`,
          en: `YAML over ${MAX_YAML_BYTES / 1024 / 1024} MB: split it into one file per project`,
        });
      const { decodeText } = await import("./text/decode.js");
      const { loadFormsYaml } = await import("../model/yaml.js");
      const decoded = decodeText(bytes);
      // A YAML stream holds several forms, as `parse` writes a multi-project export.
      // Bad bytes replaced while decoding are said, as for text.
      const forms = loadFormsYaml(decoded.text, file);
      // What the loader repaired is said here too: `render` must not print a form whose amount was left unread without a word.
      const repaired = forms.flatMap((f) => (f.notes ?? []).map((n) => {
        const at = locate(f.sourceMap, n.path);
        return `${n.path}${at?.kind === "line" ? `（第${at.line}行）` : ""}：${readingNoteText(n, f.form.amountUnit)}`;
      }));
      return { file, format: "yaml", forms, warnings: decoded.warnings, ...(repaired.length > 0 ? { repairs: repaired } : {}) };
    }
    case "zip": {
      // Opened once for every reader. Most zips are Word files: only a package without Word's main
      // part (`word/document.xml`, which every package Word, WPS or LibreOffice writes has, and a
      // workbook never does) is asked whether it is a workbook.
      const { findEntry, openZip } = await import("./docx/zip.js");
      const zip = openZip(bytes);
      if (!findEntry(zip, "word/document.xml")) {
        const sheets = await import("./xlsx/read-xlsx.js");
        if (sheets.isSpreadsheetPackage(zip)) return fromWorkbook(sheets.readXlsx(zip), file, "xlsx", ext);
      }
      const { readDocx } = await import("./docx/read-docx.js");
      return fromDocument(readDocx(zip), file, "docx", ext);
    }
    case "cfb": {
      const { isWorkbookFile, readXls } = await import("./xls/read-xls.js");
      if (isWorkbookFile(bytes)) return fromWorkbook(readXls(bytes), file, "xls", ext);
      const { readDoc } = await import("./doc/read-doc.js");
      return fromDocument(await readDoc(bytes), file, "doc", ext);
    }
    case "txt": {
      const { readText } = await import("./text/read-text.js");
      return fromDocument(readText(bytes), file, "txt", ext);
    }
    case "pdf": {
      const { readPdf } = await import("./pdf/read-pdf.js");
      return fromDocument(await readPdf(bytes), file, "pdf", ext);
    }
    case "html":
      throw new PerfgoalError("PG-E-FORMAT", "HTML");
    case "rtf":
      throw new PerfgoalError("PG-E-FORMAT", "RTF");
    case "xml":
      throw new PerfgoalError("PG-E-FORMAT", "XML");
    default:
      throw new PerfgoalError("PG-E-FORMAT", { zh: "二进制数据", en: "binary data" });
  }
}

const EXPECTED_EXT: Record<string, string[]> = {
  docx: [".docx", ".docm", ".wps"],
  doc: [".doc", ".wps", ".dot"],
  txt: [".txt", ".csv", ".tsv", ".md", ""],
  xlsx: [".xlsx", ".xlsm", ".et"],
  xls: [".xls", ".et"],
  pdf: [".pdf"],
};

/** A workbook: each sheet read on its own (see xlsx/sheet-forms.ts), then as any document. */
async function fromWorkbook(book: WorkbookDocuments, file: string, format: "xlsx" | "xls", ext: string): Promise<ParseResult> {
  const { extractForms } = await import("./extract/extract.js");
  const { sheetForms } = await import("./xlsx/sheet-forms.js");
  const { forms, warnings } = sheetForms(book, extractForms);
  return fromDocument({ blocks: [], meta: { format }, warnings: [...book.warnings, ...warnings] }, file, format, ext, forms);
}

async function fromDocument(doc: SourceDocument, file: string, format: SourceDocument["meta"]["format"], ext: string, extracted?: ExtractedForm[]): Promise<ParseResult> {
  const { extractForms } = await import("./extract/extract.js");
  const warnings = [...doc.warnings];
  if (ext && !EXPECTED_EXT[format]!.includes(ext)) warnings.push(`扩展名为 ${ext}，内容实为 ${format} 格式，已按内容读取`);
  // A form read only in part is said on the terminal too, not only in the model and the review.
  for (const problem of doc.meta.problems ?? []) warnings.push(`只读取了表单的一部分：${problem}`);
  const forms = (extracted ?? extractForms(doc)).map(({ form, sourceMap }) => ({
    form: {
      ...form,
      source: {
        file: path.basename(file),
        format,
        ...(form.source?.layout ? { layout: form.source.layout } : {}),
        ...(doc.meta.encoding ? { encoding: doc.meta.encoding } : {}),
        ...(form.source?.complete === false ? { complete: false, problems: form.source.problems ?? [] } : {}),
      },
    },
    sourceMap,
  }));
  return { file, format, forms, warnings };
}
