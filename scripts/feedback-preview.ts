/**
 * `npx tsx scripts/feedback-preview.ts`: review the seed form (examples/hengdong-2023.docx) with
 * `perfgoal validate --feedback`, convert its 审核意见 to PDF with LibreOffice and page 1 to PNG
 * with pdftoppm, into docs/images/feedback-seed.png.
 *
 *   npx tsx scripts/feedback-preview.ts [-- --out DIR]
 *
 * The documents and PDFs stay in DIR (default: a fresh folder under the system temp folder).
 */
import { copyFileSync, cpSync, mkdirSync, mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { run } from "../src/cli/main.js";
import { docxToPdf, hasPoppler, hasSoffice, pdfToPng } from "./office.js";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const SEED = "hengdong-2023";
const TARGET = path.join(ROOT, "docs/images/feedback-seed.png");

function outDir(): string {
  const i = process.argv.indexOf("--out");
  const dir = i >= 0 && process.argv[i + 1] ? path.resolve(process.argv[i + 1]!) : mkdtempSync(path.join(tmpdir(), "perfgoal-feedback-preview-"));
  mkdirSync(dir, { recursive: true });
  return dir;
}

async function main(): Promise<number> {
  if (!hasSoffice() || !hasPoppler()) {
    process.stderr.write("feedback-preview: needs LibreOffice (soffice) and poppler-utils (pdftoppm, pdfinfo) on PATH\n");
    return 1;
  }
  const out = outDir();
  mkdirSync(path.join(out, "来件"), { recursive: true });
  cpSync(path.join(ROOT, "examples", `${SEED}.docx`), path.join(out, "来件", `${SEED}.docx`));
  let stderr = "";
  const code = await run(["validate", "-q", "-j", "1", "来件", "--feedback", "审核意见", "--force"], {
    stdout: () => undefined,
    stderr: (s) => void (stderr += s),
    readStdin: async () => Buffer.alloc(0),
    cwd: out,
    env: {},
    stdoutIsTTY: false,
    stderrIsTTY: false,
  });
  // 1: the seed has errors, which is what the page shows; anything else is a failure.
  if (code > 1) {
    process.stderr.write(`feedback-preview: perfgoal validate failed (${code}): ${stderr}`);
    return 1;
  }
  const docx = path.join(out, "审核意见", `${SEED}.审核意见.docx`);
  const converted = docxToPdf([docx], out);
  if (converted.status !== 0) {
    process.stderr.write(`feedback-preview: LibreOffice failed (${converted.status}): ${converted.stderr}\n`);
    return 1;
  }
  const prefix = path.join(out, `${SEED}.审核意见`);
  pdfToPng(converted.pdfs[0]!, prefix, 80);
  mkdirSync(path.dirname(TARGET), { recursive: true });
  // pdftoppm pads the page number to the width of the page count (-1, -01 …).
  const page1 = readdirSync(out).find((f) => f.startsWith(`${SEED}.审核意见-`) && /-0*1\.png$/.test(f));
  if (!page1) {
    process.stderr.write("feedback-preview: pdftoppm wrote no page 1\n");
    return 1;
  }
  copyFileSync(path.join(out, page1), TARGET);
  process.stdout.write(`feedback-preview: ${path.relative(ROOT, TARGET)} ← ${path.join(out, page1)}\n`);
  return 0;
}

process.exitCode = await main();
