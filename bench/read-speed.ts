/**
 * Read speed of the .docx reader against the floor: unzip word/document.xml plus one SAX pass
 * that does nothing. The reader should cost at most 3× the floor.
 *
 *   npx tsx bench/read-speed.ts [file.docx ...] [--iterations N]
 *
 * Prints the median milliseconds per form of (a) the floor, (b) readDocx, (c) readDocx plus the
 * extractor (the whole parse), each with its ratio to the floor. Medians, one process, warm-up first.
 * For the seed .doc it also prints readDoc against word-extractor's own text extraction.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { unzipSync } from "fflate";
import { SaxesParser } from "saxes";
import { createRequire } from "node:module";
import { readDoc } from "../src/parse/doc/read-doc.js";
import { readDocx } from "../src/parse/docx/read-docx.js";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const args = process.argv.slice(2);
const iterFlag = args.indexOf("--iterations");
const iterations = iterFlag >= 0 ? Number(args[iterFlag + 1]) : 300;
const files = args.filter((a, i) => !a.startsWith("--") && (iterFlag < 0 || i !== iterFlag + 1));
if (files.length === 0) {
  files.push(path.join(root, "examples/hengdong-2023.docx"), path.join(root, "test/fixtures/hengdong-2023.lo.docx"));
}

function floor(bytes: Uint8Array): void {
  const parts = unzipSync(bytes, { filter: (f) => f.name === "word/document.xml" });
  const xml = new TextDecoder().decode(parts["word/document.xml"]!);
  const parser = new SaxesParser({ xmlns: false, position: false });
  parser.on("opentag", () => {});
  parser.write(xml).close();
}

/**
 * Time several functions interleaved (a, b, c, a, b, c …) so that load from other processes
 * falls on all of them alike; return each one's median.
 */
function interleavedMedians(fns: (() => void)[]): number[] {
  for (let i = 0; i < Math.min(30, iterations); i++) for (const fn of fns) fn();
  const times = fns.map(() => [] as number[]);
  for (let i = 0; i < iterations; i++) {
    fns.forEach((fn, k) => {
      const t0 = process.hrtime.bigint();
      fn();
      times[k]!.push(Number(process.hrtime.bigint() - t0) / 1e6);
    });
  }
  return times.map((t) => t.sort((a, b) => a - b)[Math.floor(t.length / 2)]!);
}

type Extract = (doc: ReturnType<typeof readDocx>) => unknown;
async function loadExtractor(): Promise<Extract | undefined> {
  try {
    const mod = (await import("../src/parse/extract/extract.js")) as { extractForms: Extract };
    const probe = readDocx(readFileSync(files[0]!));
    mod.extractForms(probe);
    return mod.extractForms;
  } catch {
    return undefined; // the extractor is not available (or cannot read this form)
  }
}

const extract = await loadExtractor();
console.log(`median of ${iterations} runs per form (ms); ratio to the floor in brackets`);
let worst = 0;
for (const file of files) {
  const bytes = readFileSync(file);
  const fns = [() => floor(bytes), () => void readDocx(bytes)];
  if (extract) fns.push(() => void extract(readDocx(bytes)));
  const [base, reader, whole] = interleavedMedians(fns) as [number, number, number | undefined];
  worst = Math.max(worst, reader / base);
  const fmt = (ms: number) => `${ms.toFixed(3)} ms [${(ms / base).toFixed(2)}×]`;
  console.log(path.basename(file));
  console.log(`  floor (unzip + SAX scan)   ${base.toFixed(3)} ms`);
  console.log(`  readDocx                   ${fmt(reader)}`);
  console.log(`  readDocx + extractForms    ${whole === undefined ? "(extractor not available)" : fmt(whole)}`);
}
console.log(worst <= 3 ? `reader within 3× the floor (worst ${worst.toFixed(2)}×)` : `reader exceeds 3× the floor (worst ${worst.toFixed(2)}×)`);

/** Medians of async functions, interleaved like the .docx ones. */
async function asyncMedians(fns: (() => Promise<unknown>)[]): Promise<number[]> {
  for (let i = 0; i < Math.min(20, iterations); i++) for (const fn of fns) await fn();
  const times = fns.map(() => [] as number[]);
  for (let i = 0; i < iterations; i++) {
    for (const [k, fn] of fns.entries()) {
      const t0 = process.hrtime.bigint();
      await fn();
      times[k]!.push(Number(process.hrtime.bigint() - t0) / 1e6);
    }
  }
  return times.map((t) => t.sort((a, b) => a - b)[Math.floor(t.length / 2)]!);
}

const docFile = path.join(root, "examples/hengdong-2023.doc");
const docBytes = readFileSync(docFile);
const WordExtractor = createRequire(import.meta.url)("word-extractor") as new () => { extract(b: Buffer): Promise<unknown> };
const extractor = new WordExtractor();
const [textOnly, docReader] = await asyncMedians([() => extractor.extract(docBytes), () => readDoc(docBytes)]);
console.log(path.basename(docFile));
console.log(`  word-extractor text only   ${textOnly!.toFixed(3)} ms`);
console.log(`  readDoc (tables, merges)   ${docReader!.toFixed(3)} ms [${(docReader! / textOnly!).toFixed(2)}× word-extractor]`);
