/** Damaged containers: CRC and header mismatches, two end records; the amplified .doc files are in limits.test.ts. */
import { strFromU8, unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { isPerfgoalError } from "../../src/model/errors.js";
import { parseBuffer } from "../../src/parse/index.js";
import { describeGroup } from "./group-suite.js";
import { alteredDocumentXml, CONTAINERS_CASES, twoEndRecordsDocx } from "./cases-containers.js";

describeGroup("containers", "damaged containers");

async function refusalOf(bytes: Uint8Array, name: string): Promise<{ code: string; zh: string; en: string }> {
  try {
    await parseBuffer(bytes, name);
  } catch (e) {
    if (!isPerfgoalError(e)) throw e;
    return { code: e.code, zh: e.describe("zh"), en: e.describe("en") };
  }
  throw new Error(`${name} was read`);
}

describe("what the damaged packages would show a reader that does not check", () => {
  const byFile = (file: string) => CONTAINERS_CASES.find((c) => c.file === file)!;

  it("the replaced part holds the altered budget, and the refusal names the part", async () => {
    const c = byFile("校验和 不符.docx");
    // An unzipper that checks nothing reads the altered document: 3610 where the signer saw 361.
    const parts = unzipSync(c.build(), { filter: () => true });
    expect(strFromU8(parts["word/document.xml"]!)).toBe(strFromU8(alteredDocumentXml()));
    const r = await refusalOf(c.build(), c.file);
    expect(r.code).toBe("PG-E-CORRUPT");
    expect(r.zh).toContain("word/document.xml");
    expect(r.zh).toContain("校验和");
    expect(r.en).toContain("CRC");
  });

  it("a scan from the end finds the second end record, and with it the shadow document", () => {
    const parts = unzipSync(twoEndRecordsDocx());
    expect(strFromU8(parts["word/document.xml"]!)).toContain("shadow");
  });

  it("each header mismatch names what disagrees", async () => {
    for (const [file, zh, en] of [
      ["本地头 名称不符.docx", "名称", "name"],
      ["本地头 大小不符.docx", "大小", "sizes"],
      ["本地头 校验和不符.docx", "校验和", "CRC"],
    ] as const) {
      const r = await refusalOf(byFile(file).build(), file);
      expect(r.zh, file).toContain(`本地头与目录不符（${zh}）`);
      expect(r.en, file).toContain(`disagree (${en})`);
    }
  });
});
