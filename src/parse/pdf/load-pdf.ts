import path from "node:path";
import { createRequire } from "node:module";
import { PerfgoalError } from "../../model/errors.js";
import { pageContent, type PageContent } from "./page-content.js";
import { checkStreamSizes } from "./stream-budget.js";

/** More pages than any form has (a form is 1–6 pages): a longer PDF is a report or a book, refused before its pages are read. */
export const MAX_PDF_PAGES = 50;

type PdfJs = typeof import("pdfjs-dist/legacy/build/pdf.mjs");

let loaded: Promise<PdfJs> | undefined;

/**
 * pdf.js, set to run in this thread: its worker module is registered as already loaded, so it
 * never starts a thread of its own (batch files are isolated by perfgoal's own workers).
 */
function pdfjs(): Promise<PdfJs> {
  loaded ??= (async () => {
    // A specifier in a variable: the package ships no types for its worker module.
    const workerModule: string = "pdfjs-dist/legacy/build/pdf.worker.mjs";
    const worker: unknown = await import(workerModule);
    (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = worker;
    return import("pdfjs-dist/legacy/build/pdf.mjs");
  })();
  return loaded;
}

/** The package's own folders of CJK character maps and standard fonts, read from disk (never fetched). */
function packageData(): { cMapUrl: string; standardFontDataUrl: string } {
  const root = path.dirname(createRequire(import.meta.url).resolve("pdfjs-dist/package.json"));
  return { cMapUrl: path.join(root, "cmaps") + path.sep, standardFontDataUrl: path.join(root, "standard_fonts") + path.sep };
}

export interface PdfPages {
  pages: PageContent[];
}

/**
 * Open a PDF held in memory and read each page's text items and ruling lines.
 * Encrypted → PG-E-ENCRYPTED; damaged → PG-E-CORRUPT; over MAX_PDF_PAGES, or streams that
 * inflate too far → PG-E-TOO-LARGE.
 */
export async function loadPdf(bytes: Uint8Array): Promise<PdfPages> {
  checkStreamSizes(bytes);
  const lib = await pdfjs();
  const task = lib.getDocument({
    // pdf.js may detach the buffer it is given: hand it a copy, never the caller's bytes.
    data: new Uint8Array(bytes),
    ...packageData(),
    cMapPacked: true,
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    useWorkerFetch: false,
    stopAtErrors: false,
    // Images are never decoded: only text and lines are read.
    maxImageSize: 0,
    verbosity: 0,
  });
  try {
    const doc = await task.promise.catch((e: unknown) => {
      throw openFailure(e);
    });
    if (doc.numPages > MAX_PDF_PAGES) {
      throw new PerfgoalError("PG-E-TOO-LARGE", { zh: `PDF 共 ${doc.numPages} 页，超过 ${MAX_PDF_PAGES} 页的上限`, en: `the PDF has ${doc.numPages} pages, more than the limit of ${MAX_PDF_PAGES}` });
    }
    const pages: PageContent[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      try {
        pages.push(await pageContent(lib, await doc.getPage(n), n));
      } catch (e) {
        if (e instanceof PerfgoalError) throw e;
        throw new PerfgoalError("PG-E-CORRUPT", { zh: `PDF 第 ${n} 页无法读取`, en: `page ${n} of the PDF cannot be read` }, { cause: e });
      }
    }
    return { pages };
  } finally {
    await task.destroy().catch(() => undefined);
  }
}

function openFailure(e: unknown): PerfgoalError {
  const name = (e as { name?: unknown }).name;
  if (name === "PasswordException") return new PerfgoalError("PG-E-ENCRYPTED", { zh: "受密码保护的 PDF，请去掉密码后另存", en: "a password-protected PDF: remove the password and save it again" }, { cause: e });
  return new PerfgoalError("PG-E-CORRUPT", { zh: "PDF 结构损坏，无法打开", en: "the PDF's structure is damaged and cannot be opened" }, { cause: e });
}
