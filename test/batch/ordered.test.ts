import { describe, expect, it } from "vitest";
import { orderedMap } from "../../src/batch/ordered.js";

/** A task whose completion the test controls. */
function deferred<T>() {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

const tick = () => new Promise<void>((r) => setImmediate(r));

describe("orderedMap", () => {
  it("yields in index order whatever finishes first", async () => {
    const delays = [30, 1, 20, 0, 10, 5];
    const out: number[] = [];
    for await (const v of orderedMap(delays.length, (i) => new Promise<number>((r) => setTimeout(() => r(i), delays[i])), { concurrency: 3, window: 4 })) out.push(v);
    expect(out).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it("never has more than `window` tasks started but not yet yielded, and at most `concurrency` running", async () => {
    const tasks = Array.from({ length: 50 }, () => deferred<number>());
    let started = 0;
    let running = 0;
    let maxRunning = 0;
    let yielded = 0;
    let maxAhead = 0;
    const gen = orderedMap(
      tasks.length,
      (i) => {
        started++;
        running++;
        maxRunning = Math.max(maxRunning, running);
        maxAhead = Math.max(maxAhead, started - yielded);
        return tasks[i]!.promise.finally(() => running--);
      },
      { concurrency: 4, window: 6 },
    );
    const consumer = (async () => {
      for await (const _ of gen) yielded++;
    })();
    // Finish tasks in reverse order within each batch of ready ones: task 0 last.
    for (let round = 0; round < 100 && yielded < 50; round++) {
      await tick();
      const ready = tasks.map((t, i) => ({ t, i })).filter(({ i }) => i < started && i >= yielded);
      for (const { t, i } of ready.reverse()) t.resolve(i);
    }
    await consumer;
    expect(yielded).toBe(50);
    expect(maxRunning).toBeLessThanOrEqual(4);
    expect(maxAhead).toBeLessThanOrEqual(6);
  });

  it("a slow first task holds back starts beyond the window", async () => {
    const first = deferred<number>();
    let started = 0;
    const gen = orderedMap(100, (i) => {
      started++;
      return i === 0 ? first.promise : Promise.resolve(i);
    }, { concurrency: 2, window: 8 });
    const firstValue = gen.next();
    for (let i = 0; i < 20; i++) await tick();
    expect(started).toBe(8);
    first.resolve(0);
    expect((await firstValue).value).toBe(0);
    let count = 1;
    for await (const _ of gen) count++;
    expect(count).toBe(100);
  });

  it("stops starting tasks on abort but yields those already started", async () => {
    const controller = new AbortController();
    const out: number[] = [];
    for await (const v of orderedMap(
      20,
      async (i) => {
        if (i === 3) controller.abort();
        await tick();
        return i;
      },
      { concurrency: 2, window: 4, signal: controller.signal },
    )) out.push(v);
    expect(out).toEqual([0, 1, 2, 3]);
  });

  it("rethrows a rejected task at its position", async () => {
    const out: number[] = [];
    await expect(async () => {
      for await (const v of orderedMap(5, async (i) => {
        if (i === 2) throw new Error("bad");
        return i;
      }, { concurrency: 2, window: 2 })) out.push(v);
    }).rejects.toThrow("bad");
    expect(out).toEqual([0, 1]);
  });

  it("handles zero tasks", async () => {
    const out: unknown[] = [];
    for await (const v of orderedMap(0, async () => 1, { concurrency: 2, window: 2 })) out.push(v);
    expect(out).toEqual([]);
  });
});
