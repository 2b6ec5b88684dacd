import type { FileFailure, FileOutcome, FileTask, JobSpec } from "./job.js";
import { orderedMap } from "./ordered.js";
import { WorkerLost, WorkerPool } from "./pool.js";
import { processFile } from "./work.js";

export interface BatchRunOptions {
  /** Worker threads. */
  jobs: number;
  /**
   * Read every file in a worker thread, even with one job or one file, so that a file that
   * exhausts memory or never ends fails alone (the CLI). Without it one job runs in this thread
   * (in-process tests, where starting a worker per run would cost more than the work).
   */
  isolate?: boolean;
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

/**
 * Wall-clock time one file may take in a worker. The promise is 10 s per file, for the readers on
 * a machine not otherwise busy; the stop sits at three times that because it counts wall time,
 * and on a loaded machine the largest legitimate files (a YAML stream of 250 full forms, 3.9 MB)
 * took up to 18 s.
 */
export const FILE_TIME_LIMIT_MS = 30_000;

/**
 * JavaScript heap one worker may use for one file before it is stopped and the file reported
 * failed: with the main thread and the worker's own start-up, the process stays within the
 * 500 MB promised per file.
 */
export const WORKER_HEAP_MB = 256;

/**
 * Run the job over every file and yield the outcomes in input order (sorted by path), each as
 * soon as it and all before it are done. Failures (bad input, a crashed worker) are outcomes too.
 */
export async function* runBatch<P = unknown>(tasks: readonly FileTask[], spec: JobSpec, options: BatchRunOptions): AsyncGenerator<FileOutcome<P>> {
  const workers = Math.min(Math.max(1, Math.floor(options.jobs)), tasks.length);
  if (tasks.length === 0) return;
  if (workers <= 1 && !options.isolate) {
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
  const timeoutMs = options.taskTimeoutMs ?? FILE_TIME_LIMIT_MS;
  const pool = new WorkerPool<FileTask, FileOutcome<P>>({
    size: workers,
    workerData: spec,
    ...(options.workerEntry ? { entry: options.workerEntry } : {}),
    taskTimeoutMs: timeoutMs,
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
          e instanceof WorkerLost && e.reason === "startup" ? ((await processFile(task, spec)) as FileOutcome<P>) : lostOutcome<P>(task, e, timeoutMs),
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

/**
 * A file whose worker gave no answer: it overran the time or memory limit, or something inside
 * the reader ended the worker. The input did it, not perfgoal's own state, so it is that file's
 * failure (exit 1) and the batch goes on.
 */
function lostOutcome<P>(task: FileTask, e: unknown, timeoutMs: number): FileOutcome<P> {
  return { index: task.index, name: task.name, warnings: [], failure: lostFailure(e, timeoutMs) };
}

export function lostFailure(e: unknown, timeoutMs: number): FileFailure {
  const reason = e instanceof WorkerLost ? e.reason : "crash";
  if (reason === "timeout") {
    const s = Math.round(timeoutMs / 1000);
    return { code: "PG-E-TIMEOUT", detail: `超过 ${s} 秒仍未读完，已停止`, detailEn: `not done after ${s} s, stopped`, internal: false };
  }
  if (reason === "memory") {
    return { code: "PG-E-MEMORY", detail: `超过 ${WORKER_HEAP_MB} MB，已停止`, detailEn: `over ${WORKER_HEAP_MB} MB, stopped`, internal: false };
  }
  const message = (e instanceof Error ? e.message : String(e)).split("\n")[0] ?? "";
  return { code: "PG-E-CRASH", detail: message, internal: false };
}
