/**
 * `npm run preview`: render the example forms to .docx, convert them to PDF with LibreOffice and
 * to PNG with pdftoppm, and put page 1 of the rendered seed next to the original in docs/images/.
 *
 *   npm run preview [-- --out DIR]
 *
 * Inputs: examples/*.yaml, else the seed form (examples/hengdong-2023.docx). Outputs go to DIR
 * (default: a fresh folder under the system temp folder), printed at the end.
 */
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseFile } from "../src/parse/index.js";
import { renderForm } from "../src/render/index.js";
import { docxToPdf, hasPoppler, hasSoffice, pdfToPng } from "./office.js";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const IMAGES = path.join(ROOT, "docs/images");
const SEED = "hengdong-2023";
const ORIGINAL_PNG = [path.join(ROOT, "../shared/seed", `${SEED}-page1.png`), path.join(ROOT, "examples", `${SEED}-page1.png`)];

function outDir(): string {
  const i = process.argv.indexOf("--out");
  const dir = i >= 0 && process.argv[i + 1] ? path.resolve(process.argv[i + 1]!) : mkdtempSync(path.join(tmpdir(), "perfgoal-preview-"));
  mkdirSync(dir, { recursive: true });
  return dir;
}

function inputs(): string[] {
  const examples = path.join(ROOT, "examples");
  const yamls = existsSync(examples) ? readdirSync(examples).filter((f) => /\.ya?ml$/.test(f)).sort() : [];
  if (yamls.length > 0) return yamls.map((f) => path.join(examples, f));
  return [path.join(examples, `${SEED}.docx`)];
}

async function main(): Promise<number> {
  if (!hasSoffice() || !hasPoppler()) {
    process.stderr.write("preview: needs LibreOffice (soffice) and poppler-utils (pdftoppm, pdfinfo) on PATH\n");
    return 1;
  }
  const out = outDir();
  const docxs: string[] = [];
  for (const input of inputs()) {
    const { forms } = await parseFile(input);
    for (const [i, { form }] of forms.entries()) {
      const name = path.basename(input).replace(/\.[^.]+$/, "") + (forms.length > 1 ? `-${i + 1}` : "") + ".docx";
      const target = path.join(out, name);
      writeFileSync(target, await renderForm(form));
      docxs.push(target);
    }
  }
  const converted = docxToPdf(docxs, out);
  if (converted.status !== 0) {
    process.stderr.write(`preview: LibreOffice failed (${converted.status}): ${converted.stderr}\n`);
    return 1;
  }
  for (const pdf of converted.pdfs) pdfToPng(pdf, pdf.replace(/\.pdf$/, ""), 80);

  mkdirSync(IMAGES, { recursive: true });
  const seedPage = readdirSync(out).find((f) => f.startsWith(`${SEED}-`) && /-0*1\.png$/.test(f) && !f.includes("original"));
  if (seedPage) copyFileSync(path.join(out, seedPage), path.join(IMAGES, `${SEED}-rendered.png`));
  const original = ORIGINAL_PNG.find((p) => existsSync(p));
  if (original) copyFileSync(original, path.join(IMAGES, `${SEED}-original.png`));

  process.stdout.write(`preview: ${docxs.length} form(s) rendered in ${out}\n`);
  for (const d of docxs) process.stdout.write(`  ${path.basename(d)} → ${path.basename(d, ".docx")}.pdf, ${path.basename(d, ".docx")}-N.png\n`);
  if (seedPage) process.stdout.write(`  docs/images/${SEED}-rendered.png ← ${seedPage}\n`);
  if (original) process.stdout.write(`  docs/images/${SEED}-original.png ← ${path.relative(ROOT, original)}\n`);
  return 0;
}

process.exitCode = await main();
