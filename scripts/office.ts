/**
 * LibreOffice and poppler from Node: .docx → PDF (soffice), PDF → text (pdftotext), page count
 * (pdfinfo), PDF → PNG (pdftoppm). Fonts come from `scripts/fonts.conf`, which maps the
 * government fonts (仿宋_GB2312, 黑体, 方正小标宋简体) onto Noto CJK.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

export const FONTS_CONF = path.join(path.dirname(fileURLToPath(import.meta.url)), "fonts.conf");

/** True when `command` is an executable on PATH. */
export function onPath(command: string): boolean {
  return (process.env.PATH ?? "").split(path.delimiter).some((dir) => dir !== "" && existsSync(path.join(dir, command)));
}

export const hasSoffice = (): boolean => onPath("soffice");
export const hasPoppler = (): boolean => onPath("pdftotext") && onPath("pdftoppm") && onPath("pdfinfo");

export interface ConvertResult {
  status: number | null;
  stderr: string;
  /** The PDFs written, one per input, in input order (missing ones are absent on disk). */
  pdfs: string[];
}

/**
 * Convert .docx files to PDF in one soffice call (each call costs about a second). A private user
 * profile keeps concurrent runs apart; FONTCONFIG_FILE picks the CJK font aliases.
 */
export function docxToPdf(files: readonly string[], outDir: string, timeoutMs = 180_000): ConvertResult {
  const profile = mkdtempSync(path.join(tmpdir(), "perfgoal-lo-"));
  try {
    const r = spawnSync(
      "soffice",
      [`-env:UserInstallation=${pathToFileURL(profile).href}`, "--headless", "--norestore", "--convert-to", "pdf", "--outdir", outDir, ...files],
      { env: { ...process.env, FONTCONFIG_FILE: FONTS_CONF }, encoding: "utf8", timeout: timeoutMs },
    );
    const pdfs = files.map((f) => path.join(outDir, path.basename(f).replace(/\.docx$/i, ".pdf")));
    return { status: r.status, stderr: r.stderr ?? "", pdfs };
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}

/**
 * The text of a PDF, as pdftotext reads it: in reading order, or with `raw` in content-stream
 * order, where the lines of one table cell stay together instead of interleaving with the cells
 * beside them (but poppler drops some symbols, such as ≧, in that mode).
 */
export function pdfText(pdf: string, options: { raw?: boolean } = {}): string {
  const r = spawnSync("pdftotext", ["-enc", "UTF-8", ...(options.raw ? ["-raw"] : []), pdf, "-"], { encoding: "utf8" });
  if (r.status !== 0) throw new Error(`pdftotext failed: ${r.stderr}`);
  return r.stdout;
}

export function pdfPages(pdf: string): number {
  const r = spawnSync("pdfinfo", [pdf], { encoding: "utf8" });
  const m = /^Pages:\s+(\d+)/m.exec(r.stdout ?? "");
  if (r.status !== 0 || !m) throw new Error(`pdfinfo failed: ${r.stderr}`);
  return Number(m[1]);
}

/** Render PDF pages as PNG files `<prefix>-<n>.png` at `dpi`. */
export function pdfToPng(pdf: string, prefix: string, dpi = 80): void {
  const r = spawnSync("pdftoppm", ["-r", String(dpi), "-png", pdf, prefix], { encoding: "utf8" });
  if (r.status !== 0) throw new Error(`pdftoppm failed: ${r.stderr}`);
}
