import { afterEach, describe, expect, it } from "vitest";
import { WorkerLost, WorkerPool } from "../../src/batch/pool.js";

const entry = new URL("./fixtures/test-worker.ts", import.meta.url);
let pool: WorkerPool<unknown, unknown> | undefined;
afterEach(async () => {
  await pool?.close();
  pool = undefined;
});

describe("WorkerPool", () => {
  it("runs tasks in workers and passes workerData once", async () => {
    pool = new WorkerPool({ size: 2, entry, workerData: { hello: "你好" } });
    const results = await Promise.all([1, 2, 3, 4, 5].map((value) => pool!.run({ op: "sleep", ms: 5 * (6 - value), value })));
    expect(results).toEqual([1, 2, 3, 4, 5]);
    expect(await pool.run({ op: "data" })).toEqual({ hello: "你好" });
  });

  it("fails only the task of a worker that exits, and replaces the worker", async () => {
    pool = new WorkerPool({ size: 1, entry });
    const crashed = pool.run({ op: "exit" });
    const after = pool.run({ op: "echo", value: "still here" });
    await expect(crashed).rejects.toBeInstanceOf(WorkerLost);
    expect(await after).toBe("still here");
  });

  it("fails the task of a worker that throws", async () => {
    pool = new WorkerPool({ size: 2, entry });
    await expect(pool.run({ op: "throw" })).rejects.toMatchObject({ reason: "crash" });
    expect(await pool.run({ op: "echo", value: 1 })).toBe(1);
  });

  it("abandons a task that never answers and goes on", async () => {
    pool = new WorkerPool({ size: 1, entry, taskTimeoutMs: 300 });
    const hung = pool.run({ op: "hang" });
    const next = pool.run({ op: "echo", value: "next" });
    await expect(hung).rejects.toMatchObject({ reason: "timeout" });
    expect(await next).toBe("next");
  });
});

describe("a worker that cannot start", () => {
  it("fails the tasks after a few attempts instead of respawning forever", async () => {
    pool = new WorkerPool({ size: 2, entry: new URL("./fixtures/broken-worker.ts", import.meta.url) });
    await expect(pool.run({ op: "echo", value: 1 })).rejects.toMatchObject({ reason: "startup" });
    await expect(pool.run({ op: "echo", value: 2 })).rejects.toMatchObject({ reason: "startup" });
  }, 30_000);
});

describe("workerExecArgv", () => {
  it("keeps node options but drops those naming the main script's input", async () => {
    const { workerExecArgv } = await import("../../src/batch/pool.js");
    expect(workerExecArgv(["--input-type=module", "-e", "code", "--max-old-space-size=512", "--enable-source-maps", "--eval=x"])).toEqual(["--max-old-space-size=512", "--enable-source-maps"]);
  });

  it("lists no options when none need dropping: the worker inherits them, V8 and process-wide ones included", async () => {
    const { workerExecArgv, withoutRefused } = await import("../../src/batch/pool.js");
    expect(workerExecArgv(["--max-old-space-size=512", "--v8-pool-size=1", "--enable-source-maps"])).toBeUndefined();
    expect(workerExecArgv([])).toBeUndefined();
    // Listed, Node refuses them and names them: those are dropped and the rest kept.
    const message = "Initiated Worker with invalid execArgv flags: --max-old-space-size=512, --v8-pool-size=1";
    expect(withoutRefused(["--max-old-space-size=512", "--enable-source-maps", "--v8-pool-size=1"], message)).toEqual(["--enable-source-maps"]);
  });
});
