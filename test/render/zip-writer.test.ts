import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { MAX_TOTAL_INFLATED, openZip, readEntry } from "../../src/parse/docx/zip.js";
import { renderForm } from "../../src/render/index.js";
import { crc32, tableCrc32, zip } from "../../src/render/zip-writer.js";
import { seedForm } from "./helpers/seed-form.js";

/** CRC-32 bit by bit, straight from the polynomial: independent of both implementations under test. */
function referenceCrc(data: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of data) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = crc & 1 ? (crc >>> 1) ^ 0xedb88320 : crc >>> 1;
  }
  return (crc ^ 0xffffffff) >>> 0;
}

/** Each entry of an archive as the project's reader gives it, with the CRCs both headers record. */
function readBack(bytes: Uint8Array): Map<string, { data: Uint8Array; method: number; localCrc: number; centralCrc: number }> {
  const archive = openZip(bytes);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const central = new Map<number, number>();
  const eocd = bytes.length - 22;
  let p = view.getUint32(eocd + 16, true);
  for (let i = 0; i < view.getUint16(eocd + 10, true); i++) {
    central.set(view.getUint32(p + 42, true), view.getUint32(p + 16, true));
    p += 46 + view.getUint16(p + 28, true) + view.getUint16(p + 30, true) + view.getUint16(p + 32, true);
  }
  const budget = { remaining: MAX_TOTAL_INFLATED };
  const out = new Map<string, { data: Uint8Array; method: number; localCrc: number; centralCrc: number }>();
  for (const entry of archive.entries.values()) {
    out.set(entry.name, {
      data: readEntry(archive, entry, budget),
      method: entry.method,
      localCrc: view.getUint32(entry.localHeaderOffset + 14, true),
      centralCrc: central.get(entry.localHeaderOffset)!,
    });
  }
  return out;
}

describe("zip writer", () => {
  it("CRC-32: the check value, and zlib's and the table's agree with the reference", () => {
    const check = new TextEncoder().encode("123456789");
    expect(tableCrc32(check)).toBe(0xcbf43926);
    expect(crc32(check)).toBe(0xcbf43926);
    for (const n of [0, 1, 7, 1000, 65_537]) {
      const data = randomBytes(n);
      expect(tableCrc32(data)).toBe(referenceCrc(data));
      expect(crc32(data)).toBe(referenceCrc(data));
    }
  });

  it("entries read back byte for byte with the project's reader; text is deflated, noise stored, CRCs right", () => {
    const files = [
      { name: "[Content_Types].xml", data: new TextEncoder().encode("<Types>" + "<Default/>".repeat(200) + "</Types>") },
      { name: "empty.bin", data: new Uint8Array() },
      { name: "noise.bin", data: new Uint8Array(randomBytes(4096)) },
      { name: "word/文档.xml", data: new TextEncoder().encode("申报表".repeat(5000)) },
    ];
    const back = readBack(zip(files, new Date(2024, 0, 2, 3, 4, 6)));
    expect([...back.keys()]).toEqual(files.map((f) => f.name));
    for (const f of files) {
      const entry = back.get(f.name)!;
      expect(Buffer.from(entry.data).equals(Buffer.from(f.data)), f.name).toBe(true);
      expect(entry.localCrc, f.name).toBe(referenceCrc(f.data));
      expect(entry.centralCrc, f.name).toBe(referenceCrc(f.data));
    }
    expect(back.get("noise.bin")!.method).toBe(0);
    expect(back.get("word/文档.xml")!.method).toBe(8);
  });

  it("a rendered form: every part's CRC matches its content", async () => {
    const back = readBack(await renderForm(seedForm()));
    expect(back.has("word/document.xml")).toBe(true);
    for (const [name, entry] of back) {
      expect(entry.localCrc, name).toBe(referenceCrc(entry.data));
      expect(entry.centralCrc, name).toBe(referenceCrc(entry.data));
    }
  });
});
