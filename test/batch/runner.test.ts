import { describe, expect, it } from "vitest";
import type { FileTask } from "../../src/batch/job.js";
import { runBatch } from "../../src/batch/runner.js";

const tasks = (names: string[]): FileTask[] => names.map((name, index) => ({ index, name, path: `/nowhere/${name}` }));

describe("runBatch", () => {
  it("reports a crashed worker's file as that file's failure, replaces the worker, keeps the order", async () => {
    const names = ["a", "b", "crash1", "c", "d", "crash2", "e", "f"];
    const out = [];
    for await (const o of runBatch(tasks(names), { command: "parse", lang: "zh" }, { jobs: 2, workerEntry: new URL("./fixtures/crash-worker.ts", import.meta.url) })) out.push(o);
    expect(out.map((o) => o.name)).toEqual(names);
    expect(out.map((o) => o.payload ?? o.failure?.code)).toEqual(["A", "B", "PG-E-CRASH", "C", "D", "PG-E-CRASH", "E", "F"]);
    // The file ended its worker; perfgoal itself did not fail (exit 1, not 2).
    expect(out[2]!.failure).toMatchObject({ internal: false, detail: expect.stringContaining("exited with code 7") });
  }, 30_000);

  it("turns an unreadable file into a failure with its code, in-process and in workers alike", async () => {
    for (const jobs of [1, 2]) {
      const out = [];
      for await (const o of runBatch(tasks(["x.docx", "y.txt"]), { command: "parse", lang: "zh" }, { jobs })) out.push(o);
      expect(out.map((o) => [o.name, o.failure?.code, o.failure?.internal])).toEqual([
        ["x.docx", "PG-E-NOT-FOUND", false],
        ["y.txt", "PG-E-NOT-FOUND", false],
      ]);
    }
  }, 30_000);

  it("does the work in this thread when workers cannot start", async () => {
    const out = [];
    for await (const o of runBatch(tasks(["x.txt", "y.txt"]), { command: "parse", lang: "zh" }, { jobs: 2, workerEntry: new URL("./fixtures/broken-worker.ts", import.meta.url) })) out.push(o);
    expect(out.map((o) => [o.name, o.failure?.code, o.failure?.internal])).toEqual([
      ["x.txt", "PG-E-NOT-FOUND", false],
      ["y.txt", "PG-E-NOT-FOUND", false],
    ]);
  }, 30_000);

  it("stops taking files after an abort", async () => {
    const controller = new AbortController();
    const names = Array.from({ length: 20 }, (_, i) => `f${i}`);
    const seen: string[] = [];
    for await (const o of runBatch(tasks(names), { command: "parse", lang: "zh" }, { jobs: 1, signal: controller.signal })) {
      seen.push(o.name);
      if (seen.length === 3) controller.abort();
    }
    expect(seen).toEqual(["f0", "f1", "f2"]);
  });
});
