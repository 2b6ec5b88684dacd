/** Entry names: UTF-8 by flag or by the Unicode Path field, else GBK; names that lead elsewhere are written out. */
import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { entryName, safeEntryPath } from "../../../src/parse/archive/entry-names.js";
import { openZip } from "../../../src/parse/docx/zip.js";
import { makeZip } from "../../fixtures/make-zip-fixtures.js";

const nameOf = (zip: Uint8Array) => entryName(openZip(zip).list[0]!);
const data = new TextEncoder().encode("x");

describe("entry names", () => {
  it("GBK without the UTF-8 flag, as Windows writes them", () => {
    expect(nameOf(makeZip([{ name: "部门A/项目1 政府办.docx", data, encoding: "gbk" }]))).toBe("部门A/项目1 政府办.docx");
  });

  it("UTF-8 with flag bit 11", () => {
    expect(nameOf(makeZip([{ name: "部门A/項目𠀀.docx", data, encoding: "utf8" }]))).toBe("部门A/項目𠀀.docx");
  });

  it("the Info-ZIP Unicode Path field, when its CRC matches the stored name", () => {
    expect(nameOf(makeZip([{ name: "衡东县 政府办.docx", data, encoding: "gbk+unicode-extra" }]))).toBe("衡东县 政府办.docx");
    // A stale field (the stored name changed after it was written) is ignored: the stored GBK name counts.
    const zip = makeZip([{ name: "衡东县.docx", data, encoding: "gbk+unicode-extra" }]);
    const entry = openZip(zip).list[0]!;
    entry.rawName = new Uint8Array(iconv.encode("耒阳市.docx", "gbk"));
    expect(entryName(entry)).toBe("耒阳市.docx");
  });

  it("plain ASCII and UTF-8 without the flag (macOS zips) read as UTF-8", () => {
    const zip = makeZip([{ name: "a.docx", data, encoding: "utf8" }]);
    const entry = { ...openZip(zip).list[0]!, flags: 0, rawName: new TextEncoder().encode("项目.docx") };
    expect(entryName(entry)).toBe("项目.docx");
  });
});

describe("names safe to show and to mirror", () => {
  it.each([
    ["../../etc/passwd.docx", "%2E%2E/%2E%2E/etc/passwd.docx"],
    ["/etc/x.docx", "%2F/etc/x.docx"],
    ["C:\\Windows\\x.docx", "C%3A/Windows/x.docx"],
    ["a/./b.docx", "a/%2E/b.docx"],
    ["部门A/项目1.docx", "部门A/项目1.docx"],
    ["50%.docx", "50%25.docx"],
  ])("%s → %s", (name, shown) => {
    expect(safeEntryPath(name)).toBe(shown);
    // Never a path that climbs out or starts at a root.
    expect(shown.split("/")).not.toContain("..");
    expect(shown.startsWith("/")).toBe(false);
  });
});
