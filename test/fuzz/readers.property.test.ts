/**
 * Every reader, fed random bytes, damaged seeds and random YAML through parseBuffer: the only
 * failure allowed is perfgoal's own error with a known code, and every case ends within its time
 * bound (a worker runs the cases and is stopped when one overruns). Forms that are still read are
 * reviewed too (no rule may throw) and some are rendered.
 *
 * CI runs a fixed seed and a moderate count; `npm run fuzz` (PERFGOAL_FUZZ_RUNS) runs long.
 * A failure prints the seed and path to replay it: PERFGOAL_FUZZ_SEED=<seed>.
 */
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedBytes } from "../hostile/bytes.js";
import { acceptable, describeOutcome, FUZZ, FuzzGuard, type CaseOptions } from "./guard.js";
import { markupCompatibilityDocx, mutatedBytes, mutatedCfb, mutatedDocx, mutatedText, randomYaml } from "./mutate.js";

let guard: FuzzGuard;
beforeAll(() => {
  guard = new FuzzGuard();
}, 120_000);
afterAll(() => guard.close());

const NAMES = ["表单.docx", "表单.doc", "表单.txt", "表单.yaml", "表单", "-"];

/** Check the property over `arb`, each case run under the guard. */
async function fuzz(arb: fc.Arbitrary<{ bytes: Uint8Array; name: string }>, ciRuns: number, options: CaseOptions = {}): Promise<void> {
  await fc.assert(
    fc.asyncProperty(arb, async ({ bytes, name }) => {
      const outcome = await guard.run(bytes, name, options);
      if (!acceptable(outcome)) throw new Error(`${name} (${bytes.length} bytes): ${describeOutcome(outcome)}`);
    }),
    { numRuns: FUZZ.runs(ciRuns), seed: FUZZ.seed, endOnFailure: process.env.PERFGOAL_FUZZ_SHRINK === undefined },
  );
}

const named = (bytes: fc.Arbitrary<Uint8Array>, names: readonly string[] = NAMES) => fc.record({ bytes, name: fc.constantFrom(...names) });

describe("fuzzing the readers", () => {
  it("random bytes, under any name", async () => {
    await fuzz(named(fc.oneof(fc.uint8Array({ maxLength: 4096 }), fc.uint8Array({ minLength: 8, maxLength: 64 }).map((b) => Uint8Array.from([0x50, 0x4b, 0x03, 0x04, ...b])), fc.uint8Array({ maxLength: 2048 }).map((b) => Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...b])))), 150);
  }, FUZZ.testTimeoutMs);

  it("the seed .docx with flipped, cut, inserted and duplicated bytes", async () => {
    await fuzz(named(mutatedBytes(seedBytes("hengdong-2023.docx")), ["表单.docx", "表单.doc"]), 150);
  }, FUZZ.testTimeoutMs);

  it("the seed .doc with flipped, cut, inserted and duplicated bytes", async () => {
    await fuzz(named(mutatedBytes(seedBytes("hengdong-2023.doc")), ["表单.doc", "表单.docx"]), 150);
  }, FUZZ.testTimeoutMs);

  it("the seed .doc with flipped bytes only (offsets kept, so the reader gets deep into it)", async () => {
    await fuzz(named(mutatedBytes(seedBytes("hengdong-2023.doc"), { flipsOnly: true }), ["表单.doc"]), 150, { review: true });
  }, FUZZ.testTimeoutMs);

  it("the seed .doc with its Compound File header, DIFAT, FAT and mini-FAT chains and directory entries edited", async () => {
    await fuzz(named(mutatedCfb(seedBytes("hengdong-2023.doc")), ["表单.doc"]), 150, { review: true });
  }, FUZZ.testTimeoutMs);

  it("the seed .docx with AlternateContent, ignorable namespaces, hidden runs, CDATA and a default namespace: read or refused, reviewed", async () => {
    await fuzz(named(markupCompatibilityDocx(), ["表单.docx"]), 100, { review: true });
  }, FUZZ.testTimeoutMs);

  it("the seed .docx with its XML damaged and the zip rebuilt oddly", async () => {
    await fuzz(named(mutatedDocx({ structural: true }), ["表单.docx"]), 150);
  }, FUZZ.testTimeoutMs);

  it("the seed .docx with random cell texts: read, reviewed (no rule throws) and rendered", async () => {
    await fuzz(named(mutatedDocx({ structural: false }), ["表单.docx"]), 60, { review: true, render: true });
  }, FUZZ.testTimeoutMs);

  it("the seed text forms with edited cells and lines, in five encodings, reviewed", async () => {
    await fuzz(named(mutatedText(), ["表单.txt", "表单.docx"]), 150, { review: true });
  }, FUZZ.testTimeoutMs);

  it("the seed text forms with flipped bytes", async () => {
    await fuzz(named(mutatedBytes(seedBytes("hengdong-2023.txt")), ["表单.txt"]), 100);
  }, FUZZ.testTimeoutMs);

  it("random YAML: any document, form-like documents of wrong types, damaged forms; reviewed", async () => {
    await fuzz(named(randomYaml(), ["表单.yaml"]), 200, { review: true });
  }, FUZZ.testTimeoutMs);

  it("the guard itself: a case reported as refused, read or failing is told apart", async () => {
    expect((await guard.run(new Uint8Array(0), "x.docx")).kind).toBe("refused");
    expect((await guard.run(seedBytes("hengdong-2023.txt"), "x.txt", { review: true })).kind).toBe("read");
  }, 60_000);
});
