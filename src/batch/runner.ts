import type { FileOutcome, FileTask, JobSpec } from "./job.js";
import { orderedMap } from "./ordered.js";
import { WorkerLost, WorkerPool } from "./pool.js";
import { processFile } from "./work.js";

export interface BatchRunOptions {
  /** Worker threads; 1 runs in this thread (no worker). */
  jobs: number;
  /** Ctrl-C: stop taking new files; files already started are still reported. */
  signal?: AbortSignal;
  /** Worker script, when not the one beside this module (tests point at the built one). */
  workerEntry?: URL;
  /** Results started but not yet reported, at most (memory bound). */
  window?: number;
  /** A file taking longer than this in a worker is reported failed (its worker replaced). */
  taskTimeoutMs?: number;
  /** Called when a file is handed to a worker (for the progress bar's "current file"). */
  onStart?: (task: FileTask) => void;
}

export const DEFAULT_TASK_TIMEOUT_MS = 120_000;

/** Memory a worker may use for one file before it is stopped and the file reported failed. */
const WORKER_HEAP_MB = 768;

/**
 * Run the job over every file and yield the outcomes in input order (sorted by path), each as
 * soon as it and all before it are done. Failures (bad input, a crashed worker) are outcomes too.
 */
export async function* runBatch<P = unknown>(tasks: readonly FileTask[], spec: JobSpec, options: BatchRunOptions): AsyncGenerator<FileOutcome<P>> {
  const workers = Math.min(Math.max(1, Math.floor(options.jobs)), tasks.length);
  if (workers <= 1) {
    yield* orderedMap(
      tasks.length,
      async (i) => {
        const task = tasks[i]!;
        options.onStart?.(task);
        // Let a pending Ctrl-C or progress redraw in between files.
        await new Promise<void>((resolve) => setImmediate(resolve));
        return (await processFile(task, spec)) as FileOutcome<P>;
      },
      { concurrency: 1, window: 1, ...(options.signal ? { signal: options.signal } : {}) },
    );
    return;
  }
  const pool = new WorkerPool<FileTask, FileOutcome<P>>({
    size: workers,
    workerData: spec,
    ...(options.workerEntry ? { entry: options.workerEntry } : {}),
    taskTimeoutMs: options.taskTimeoutMs ?? DEFAULT_TASK_TIMEOUT_MS,
    resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB },
  });
  try {
    yield* orderedMap(
      tasks.length,
      (i) => {
        const task = tasks[i]!;
        options.onStart?.(task);
        return pool.run(task).catch(async (e: unknown) =>
          // Workers that cannot start at all (an odd runtime): do the work in this thread instead.
          e instanceof WorkerLost && e.reason === "startup" ? ((await processFile(task, spec)) as FileOutcome<P>) : lostOutcome<P>(task, e),
        );
      },
      {
        // Two tasks per worker keep each busy while the main thread handles the previous answer.
        concurrency: workers * 2,
        window: options.window ?? Math.max(64, workers * 16),
        ...(options.signal ? { signal: options.signal } : {}),
      },
    );
  } finally {
    await pool.close();
  }
}

function lostOutcome<P>(task: FileTask, e: unknown): FileOutcome<P> {
  const reason = e instanceof WorkerLost ? e.reason : "crash";
  const detail = e instanceof Error ? e.message : String(e);
  return { index: task.index, name: task.name, warnings: [], failure: { code: "PG-E-INTERNAL", detail: `worker ${reason}: ${detail}`, internal: true } };
}
