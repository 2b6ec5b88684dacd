import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import fc from "fast-check";
import { strFromU8, unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { PerfgoalError } from "../../../src/model/errors.js";
import { readDocx } from "../../../src/parse/docx/read-docx.js";
import { makeDocx } from "./helpers.js";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
const seed = new Uint8Array(readFileSync(path.join(root, "examples/hengdong-2023.docx")));
const seedXml = strFromU8(unzipSync(seed)["word/document.xml"]!);

/** The reader may succeed or throw its own coded error; anything else is a bug. */
function readsOrRefuses(bytes: Uint8Array): void {
  try {
    readDocx(bytes);
  } catch (e) {
    if (!(e instanceof PerfgoalError)) throw e;
    expect(e.code).toMatch(/^PG-E-/);
  }
}

const mutation = fc.array(fc.record({ at: fc.nat(), byte: fc.integer({ min: 0, max: 255 }) }), { minLength: 1, maxLength: 8 });

describe("docx reader under random damage", () => {
  it("mutated zip bytes: only coded errors", () => {
    fc.assert(
      fc.property(mutation, fc.option(fc.nat()), (edits, cut) => {
        const bytes = seed.slice(0, cut === null ? seed.length : cut % seed.length);
        for (const { at, byte } of edits) if (bytes.length) bytes[at % bytes.length] = byte;
        readsOrRefuses(bytes);
      }),
      { seed: 20231, numRuns: 150 },
    );
  });

  it("mutated document.xml text: only coded errors", () => {
    const pieces = ["<", ">", "/", "<w:tbl>", "</w:tc>", "<w:tr>", "<w:vMerge/>", '<w:gridSpan w:val="9"/>', "&", "<!DOCTYPE x>", '<w:fldChar w:fldCharType="begin"/>', ""];
    fc.assert(
      fc.property(fc.array(fc.record({ at: fc.nat(), piece: fc.constantFrom(...pieces), drop: fc.nat({ max: 40 }) }), { minLength: 1, maxLength: 6 }), (edits) => {
        let xml = seedXml;
        for (const { at, piece, drop } of edits) {
          const i = at % xml.length;
          xml = xml.slice(0, i) + piece + xml.slice(i + drop);
        }
        readsOrRefuses(makeDocx(xml));
      }),
      { seed: 20232, numRuns: 60 },
    );
  });

  it("random bytes after a zip signature: only coded errors", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2000 }), (tail) => {
        const bytes = new Uint8Array(4 + tail.length);
        bytes.set([0x50, 0x4b, 0x03, 0x04]);
        bytes.set(tail, 4);
        readsOrRefuses(bytes);
      }),
      { seed: 20233, numRuns: 200 },
    );
  });
});
