import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { ReviewEntry } from "../../src/batch/review.js";
import { MemoryEntryStore, SpoolEntryStore } from "../../src/batch/review-store.js";

const dir = mkdtempSync(path.join(tmpdir(), "pg-spool-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A form entry whose text mixes CJK, emoji (4-byte UTF-8), quotes and line breaks. */
function entry(i: number): ReviewEntry {
  return {
    kind: "form",
    file: `部门${i % 7}/表${i}.docx`,
    project: `项目“${i}”\n第二行 😀`,
    department: `部门${i % 7}`,
    budgetWanYuan: i / 3,
    tier1Counts: { output: i % 5 },
    counts: { error: 1, warning: 0, info: 0 },
    grade: "中",
    topRules: ["r1"],
    findings: Array.from({ length: 20 }, (_, k) => ({ severity: "error" as const, ruleId: "r1", code: "PG001", message: `第${i}份第${k}条：成本超出预算 "x"`, path: `indicators.annual[${k}]`, location: `表1 第${k}行第5列` })),
  };
}

describe("SpoolEntryStore", () => {
  it("reads back every entry in order, lines crossing the 1 MB read chunks, as often as asked", () => {
    const store = new SpoolEntryStore(dir);
    const expected: ReviewEntry[] = [];
    // ~3,000 bytes per entry: 2,000 entries make some 6 MB, several write and read chunks.
    for (let i = 0; i < 2_000; i++) {
      const e = entry(i);
      expected.push(structuredClone(e));
      store.push(e);
    }
    expect([...store]).toEqual(expected);
    expect([...store]).toEqual(expected);
    // More after reading: appended, and read with the rest.
    store.push(entry(2_000));
    expected.push(entry(2_000));
    expect([...store]).toEqual(expected);
    expect(statSync(store.file).size).toBeGreaterThan(5_000_000);
    store.close();
  });

  it("is a private file in the folder given, removed by close (twice is fine)", () => {
    const store = new SpoolEntryStore(dir);
    store.push(entry(1));
    expect([...store]).toHaveLength(1);
    expect(path.dirname(store.file)).toBe(dir);
    expect(statSync(store.file).mode & 0o777).toBe(0o600);
    expect(readFileSync(store.file, "utf8").split("\n")).toHaveLength(2);
    store.close();
    store.close();
    expect(existsSync(store.file)).toBe(false);
    expect([...store]).toEqual([]);
  });

  it("names its file in one coded error when the temporary folder cannot take it", () => {
    const missing = path.join(dir, "no-such-folder");
    expect(() => new SpoolEntryStore(missing)).toThrow(expect.objectContaining({ code: "PG-E-OUTPUT", file: expect.stringContaining("no-such-folder") }));
  });

  it("removes its file when the process exits without close (a second Ctrl-C)", () => {
    const before = process.listenerCount("exit");
    const store = new SpoolEntryStore(dir);
    expect(process.listenerCount("exit")).toBe(before + 1);
    store.push(entry(1));
    [...store];
    process.listeners("exit").at(-1)!.call(process, 130);
    expect(existsSync(store.file)).toBe(false);
    expect(process.listenerCount("exit")).toBe(before);
  });
});

describe("MemoryEntryStore", () => {
  it("keeps entries in order and stores each repeated string once", () => {
    const store = new MemoryEntryStore();
    store.push(entry(1));
    store.push(entry(8));
    const [a, b] = [...store];
    if (a?.kind !== "form" || b?.kind !== "form") throw new Error("forms expected");
    expect(a.findings[3]!.location).toBe(b.findings[3]!.location);
    expect(a.department).toBe(b.department);
    store.close();
    expect([...store]).toEqual([]);
  });
});
