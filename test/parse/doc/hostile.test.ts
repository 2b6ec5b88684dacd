import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { PerfgoalError, type ErrorCode } from "../../../src/model/errors.js";
import { openCompoundFile } from "../../../src/parse/doc/cfb.js";
import { readDoc } from "../../../src/parse/doc/read-doc.js";
import { paragraphs } from "../docx/helpers.js";
import { buildCfb } from "./cfb-builder.js";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
const seed = new Uint8Array(readFileSync(path.join(root, "examples/hengdong-2023.doc")));
const seedCf = openCompoundFile(seed);
const wordDocument = seedCf.readStream("WordDocument")!;
const table1 = seedCf.readStream("1Table")!;

async function failure(p: Promise<unknown>, code: ErrorCode): Promise<PerfgoalError> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(PerfgoalError);
    expect((e as PerfgoalError).code).toBe(code);
    return e as PerfgoalError;
  }
  throw new Error(`expected ${code}, but nothing was thrown`);
}

/** The seed's WordDocument stream with its FIB patched. */
function patchedWordDocument(patch: (v: DataView) => void): Uint8Array {
  const copy = wordDocument.slice();
  patch(new DataView(copy.buffer));
  return copy;
}

describe("Compound Files", () => {
  it("the test builder makes files the reader accepts (the seed's streams repacked)", async () => {
    const doc = await readDoc(buildCfb({ WordDocument: wordDocument, "1Table": table1 }));
    expect(paragraphs(doc)[0]).toBe("附件2：");
  });

  it("a password-protected .docx (EncryptionInfo + EncryptedPackage) is reported as encrypted", async () => {
    const bytes = buildCfb({ EncryptionInfo: Uint8Array.of(4, 0, 4, 0, 0x40, 0, 0, 0), EncryptedPackage: new Uint8Array(600).fill(0xab) });
    const e = await failure(readDoc(bytes), "PG-E-ENCRYPTED");
    expect(e.describe("zh")).toContain("加密");
  });

  it("a password-protected .doc (FIB fEncrypted) is reported as encrypted", async () => {
    const wd = patchedWordDocument((v) => v.setUint16(0x0a, v.getUint16(0x0a, true) | 0x0100, true));
    await failure(readDoc(buildCfb({ WordDocument: wd, "1Table": table1 })), "PG-E-ENCRYPTED");
  });

  it("a Word 95 file is named as such", async () => {
    const wd = patchedWordDocument((v) => v.setUint16(2, 0x68, true));
    const e = await failure(readDoc(buildCfb({ WordDocument: wd, "1Table": table1 })), "PG-E-FORMAT");
    expect(e.detail).toContain("Word 6.0/95");
  });

  it("Excel and other Compound Files are not Word documents", async () => {
    expect((await failure(readDoc(buildCfb({ Workbook: new Uint8Array(100) })), "PG-E-FORMAT")).detail).toContain("Excel");
    expect((await failure(readDoc(buildCfb({ Other: new Uint8Array(100) })), "PG-E-FORMAT")).detail).toContain("不是 Word 文档");
  });

  it("a sector chain that loops is damage, found before any reader follows it", async () => {
    await failure(readDoc(buildCfb({ WordDocument: wordDocument, "1Table": table1 }, { loopStream: "1Table" })), "PG-E-CORRUPT");
  });

  // A reader that follows the mini-FAT and mini-stream chains whatever the header and the root
  // entry declare would go round these loops until the process runs out of memory.
  it("a mini-FAT chain that loops is damage, even where the header declares no mini-FAT sectors", async () => {
    await failure(readDoc(buildCfb({ WordDocument: wordDocument, "1Table": table1 }, { loopMiniFat: true })), "PG-E-CORRUPT");
  });

  it("a root (mini-stream) chain that loops is damage, even where the root entry's size is 0", async () => {
    await failure(readDoc(buildCfb({ WordDocument: wordDocument, "1Table": table1 }, { loopRootChain: true })), "PG-E-CORRUPT");
  });

  it("a directory whose links loop is damage", async () => {
    await failure(readDoc(buildCfb({ WordDocument: wordDocument, "1Table": table1 }, { loopDirectory: true })), "PG-E-CORRUPT");
  });

  it("a WordDocument stream with a bad signature, or no table stream, is damage", async () => {
    await failure(readDoc(buildCfb({ WordDocument: patchedWordDocument((v) => v.setUint16(0, 0x1234, true)), "1Table": table1 })), "PG-E-CORRUPT");
    await failure(readDoc(buildCfb({ WordDocument: wordDocument })), "PG-E-CORRUPT");
  });

  it("a truncated .doc is damaged", async () => {
    for (const cut of [100, 512, 4096, Math.floor(seed.length / 2), seed.length - 600]) await failure(readDoc(seed.subarray(0, cut)), "PG-E-CORRUPT");
  });

  it("random bytes behind the Compound File signature are damage", async () => {
    const bytes = new Uint8Array(4096).map((_, i) => (i * 7919) & 0xff);
    bytes.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    await failure(readDoc(bytes), "PG-E-CORRUPT");
  });
});

describe(".doc reader under random damage", () => {
  it("mutated seed .doc: only coded errors", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.record({ at: fc.nat(), byte: fc.integer({ min: 0, max: 255 }) }), { minLength: 1, maxLength: 16 }), async (edits) => {
        const bytes = seed.slice();
        for (const { at, byte } of edits) bytes[at % bytes.length] = byte;
        try {
          await readDoc(bytes);
        } catch (e) {
          if (!(e instanceof PerfgoalError)) throw e;
        }
      }),
      { seed: 20234, numRuns: 150 },
    );
  });

  it("mutations aimed at the header and the table stream: only coded errors", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.record({ at: fc.nat({ max: 1023 }), byte: fc.integer({ min: 0, max: 255 }) }), { minLength: 1, maxLength: 8 }), fc.boolean(), async (edits, inTable) => {
        const wd = wordDocument.slice();
        const tb = table1.slice();
        for (const { at, byte } of edits) {
          if (inTable) tb[(at * 37) % tb.length] = byte;
          else wd[at % 0x400] = byte;
        }
        try {
          await readDoc(buildCfb({ WordDocument: wd, "1Table": tb }));
        } catch (e) {
          if (!(e instanceof PerfgoalError)) throw e;
        }
      }),
      { seed: 20235, numRuns: 150 },
    );
  });
});
