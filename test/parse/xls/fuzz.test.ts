/**
 * The spreadsheet readers fed damaged workbooks: byte edits of the seed .xls's Workbook stream
 * (inside an intact Compound File, so the BIFF reader meets them) and of the seed .xlsx, and
 * edits of its worksheet and shared-strings XML re-zipped with honest CRCs. The only failure
 * allowed is perfgoal's own error with a known code; every case ends within its time bound.
 * Fixed seed in CI; PERFGOAL_FUZZ_RUNS runs long.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { afterAll, beforeAll, describe, it } from "vitest";
import { acceptable, describeOutcome, FUZZ, FuzzGuard } from "../../fuzz/guard.js";
import { mutatedBytes } from "../../fuzz/mutate.js";
import { SHEETS } from "../xlsx/helpers.js";
import { workbookStream, xlsOf } from "./biff-builder.js";

const seedXls = new Uint8Array(readFileSync(path.join(SHEETS, "hengdong-2023.xls")));
const seedXlsx = new Uint8Array(readFileSync(path.join(SHEETS, "hengdong-2023.xlsx")));

let guard: FuzzGuard;
beforeAll(() => {
  guard = new FuzzGuard();
}, 120_000);
afterAll(() => guard.close());

async function fuzz(arb: fc.Arbitrary<Uint8Array>, name: string, ciRuns: number): Promise<void> {
  await fc.assert(
    fc.asyncProperty(arb, async (bytes) => {
      const outcome = await guard.run(bytes, name, { review: true });
      if (!acceptable(outcome)) throw new Error(`${name} (${bytes.length} bytes): ${describeOutcome(outcome)}`);
    }),
    { numRuns: FUZZ.runs(ciRuns), seed: FUZZ.seed, endOnFailure: process.env.PERFGOAL_FUZZ_SHRINK === undefined },
  );
}

/** Pieces that matter to a worksheet reader, spliced into its XML. */
const SHEET_TOKENS = [
  '<c r="XFD1048576" t="inlineStr"><is><t>x</t></is></c>', '<c r="A0"/>', '<c t="s"><v>999999</v></c>', '<c t="s"><v>-1</v></c>', '<row r="0">', '<row r="1048577">',
  '<mergeCell ref="A1:XFD1048576"/>', '<mergeCell ref="B2:A1"/>', '<mergeCell ref="ZZZZ1"/>', '<col min="1" max="99999" hidden="1"/>', '<row r="3" hidden="1">',
  '<c r="B5"><f>[1]A!B2</f></c>', "<f>", "</f>", "<v>", "</v>", "<is>", "</is>", "<rPh>", "<si>", "</si>", "<t>", "</t>", "_x0000_", "_xD800_", "&#0;", "<!DOCTYPE x>", "<![CDATA[", "]]>",
];

function spliced(part: string): fc.Arbitrary<Uint8Array> {
  const parts = unzipSync(seedXlsx);
  const xml = strFromU8(parts[part]!);
  return fc.array(fc.record({ at: fc.nat({ max: xml.length }), token: fc.constantFrom(...SHEET_TOKENS), cut: fc.nat({ max: 40 }) }), { minLength: 1, maxLength: 6 }).map((edits) => {
    let s = xml;
    for (const e of edits) s = s.slice(0, e.at) + e.token + s.slice(Math.min(s.length, e.at + e.cut));
    return zipSync({ ...parts, [part]: strToU8(s) });
  });
}

describe("fuzzing the spreadsheet readers", () => {
  it("damaged Workbook streams inside an intact Compound File", { timeout: FUZZ.testTimeoutMs }, async () => {
    await fuzz(mutatedBytes(workbookStream(seedXls)).map((s) => xlsOf(s)), "表单.xls", 150);
  });

  it("byte edits of the .xls and the .xlsx", { timeout: FUZZ.testTimeoutMs }, async () => {
    await fuzz(mutatedBytes(seedXls), "表单.xls", 80);
    await fuzz(mutatedBytes(seedXlsx), "表单.xlsx", 80);
  });

  it("worksheet and shared-strings XML edited, re-zipped with honest CRCs", { timeout: FUZZ.testTimeoutMs }, async () => {
    await fuzz(spliced("xl/worksheets/sheet1.xml"), "表单.xlsx", 120);
    await fuzz(spliced("xl/sharedStrings.xml"), "表单.xlsx", 60);
  });
});
