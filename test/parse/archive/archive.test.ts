/** Archive limits: entry count, bytes actually inflated, the packed-to-inflated ratio, nesting. */
import { deflateRawSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { isPerfgoalError } from "../../../src/model/errors.js";
import { archiveBudget, isWordPackage, listArchive, MAX_ARCHIVE_ENTRIES, openArchive, readArchiveEntry, readNested } from "../../../src/parse/archive/archive.js";
import { makeZip, submissionZip, SUBMISSION_FORMS } from "../../fixtures/make-zip-fixtures.js";

function codeOf(f: () => unknown): string | undefined {
  try {
    f();
  } catch (e) {
    if (isPerfgoalError(e)) return `${e.code} ${e.detail ?? ""}`;
    throw e;
  }
  return undefined;
}

describe("archives", () => {
  it("lists the submission's entries with their GBK names", () => {
    const names = listArchive(openArchive(submissionZip())).map((i) => i.name);
    for (const name of Object.keys(SUBMISSION_FORMS)) expect(names).toContain(name);
    expect(names).toContain("部门A/补充材料.zip");
  });

  it("tells a Word package from an archive by its content", () => {
    const zip = openArchive(submissionZip());
    expect(isWordPackage(zip)).toBe(false);
    const docx = readArchiveEntry(zip, listArchive(zip).find((i) => i.name.endsWith("项目1 政府办.docx"))!.index, archiveBudget());
    expect(isWordPackage(openArchive(docx))).toBe(true);
  });

  it("refuses more entries than the cap before reading any", () => {
    const items = Array.from({ length: MAX_ARCHIVE_ENTRIES + 1 }, (_, i) => ({ name: `${i}.txt`, data: new Uint8Array(0), method: 0 as const }));
    expect(codeOf(() => listArchive(openArchive(makeZip(items))))).toMatch(/^PG-E-TOO-LARGE .*1001 个条目/);
  });

  it("stops inflating a bomb at its ratio cap, whatever the header claims", () => {
    const zeros = new Uint8Array(20 * 1024 * 1024);
    const zip = makeZip([{ name: "炸弹.docx", data: zeros }]);
    expect(deflateRawSync(zeros).length * 100).toBeLessThan(zeros.length);
    expect(codeOf(() => readArchiveEntry(openArchive(zip), 0, archiveBudget()))).toMatch(/^PG-E-ZIP-BOMB 炸弹\.docx 解压后超过压缩大小的 100 倍/);
  });

  it("counts the bytes of nested archives against one budget", () => {
    const budget = { remaining: 1000 };
    const zip = makeZip([{ name: "a.txt", data: new Uint8Array(800).fill(65), method: 0 }, { name: "b.txt", data: new Uint8Array(800).fill(66), method: 0 }]);
    const archive = openArchive(zip);
    readArchiveEntry(archive, 0, budget);
    expect(codeOf(() => readArchiveEntry(archive, 1, budget))).toMatch(/^PG-E-ZIP-BOMB/);
  });

  it("reads an entry two levels down, and refuses a third level", () => {
    const form = new TextEncoder().encode("附件2：");
    const inner = makeZip([{ name: "x.txt", data: form }]);
    const outer = makeZip([{ name: "inner.zip", data: inner }]);
    const got = readNested(outer, [0, 0]);
    expect([new Uint8Array(got.bytes), got.name]).toEqual([form, "x.txt"]);
    expect(codeOf(() => readNested(makeZip([{ name: "o.zip", data: outer }]), [0, 0, 0]))).toMatch(/^PG-E-TOO-LARGE 压缩包嵌套超过 2 层/);
  });

  it("a changed entry fails its CRC check, naming the entry", () => {
    const zip = openArchive(submissionZip());
    const broken = listArchive(zip).find((i) => i.name.endsWith("损坏.docx"))!;
    expect(codeOf(() => readArchiveEntry(zip, broken.index, archiveBudget()))).toMatch(/^PG-E-CORRUPT .*部门A\/损坏\.docx.*校验和/);
  });
});
