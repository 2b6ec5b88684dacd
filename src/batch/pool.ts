import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import { fileURLToPath, pathToFileURL } from "node:url";
import { Worker, type ResourceLimits, type TransferListItem } from "node:worker_threads";

/** Workers dying before they are ready this many times in a row means they cannot start at all. */
const MAX_START_FAILURES = 3;

/** Why a task failed without an answer from its worker. */
export class WorkerLost extends Error {
  constructor(
    readonly reason: "crash" | "timeout" | "memory" | "startup",
    message: string,
  ) {
    super(message);
    this.name = "WorkerLost";
  }
}

export interface PoolOptions {
  size: number;
  /** The worker script; by default `worker.js` beside this module (or `worker.ts` when run from source). */
  entry?: URL;
  /** Passed to every worker once, at start. */
  workerData?: unknown;
  /** A task running longer is abandoned: its worker is terminated and replaced. */
  taskTimeoutMs?: number;
  resourceLimits?: ResourceLimits;
}

interface Task {
  message: unknown;
  transfer: readonly TransferListItem[];
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

interface Slot {
  worker: Worker;
  /** The worker said it is listening: tasks (and their time limit) start only then. */
  ready: boolean;
  task?: Task;
  timer?: NodeJS.Timeout;
  /** Set when we ended the worker on purpose (timeout, close), so its exit is not a crash. */
  retiring?: boolean;
}

/** Where the worker script is, and how to start it: compiled JS, or TS source through tsx. */
export function resolveWorkerEntry(entry?: URL): { script: string | URL; eval: boolean; tsEntry?: string } {
  const js = entry ?? new URL("./worker.js", import.meta.url);
  if (!js.pathname.endsWith(".ts") && existsSync(fileURLToPath(js))) return { script: js, eval: false };
  const ts = js.pathname.endsWith(".ts") ? js : new URL(js.href.replace(/\.js$/, ".ts"));
  if (!existsSync(fileURLToPath(ts))) throw new Error(`worker script not found: ${fileURLToPath(js)}`);
  // Running from source (tests, tsx): a tiny bootstrap loads the TS entry through tsx.
  const tsx = tsxApiUrl();
  const script = `import(${JSON.stringify(tsx)}).then((api) => api.tsImport(${JSON.stringify(ts.href)}, ${JSON.stringify(ts.href)}));`;
  return { script, eval: true, tsEntry: ts.href };
}

/**
 * Node options for a worker: none to pass (`undefined`: the worker inherits them all) unless some
 * name the main script's own input (`-e code`, `--input-type`), which would stop a worker from
 * starting; then the rest. Node accepts inherited process-wide and V8 options
 * (`--max-old-space-size`, `--v8-pool-size` …) but refuses them when listed, so listing is the
 * exception.
 */
export function workerExecArgv(execArgv: readonly string[]): string[] | undefined {
  const out: string[] = [];
  for (let i = 0; i < execArgv.length; i++) {
    const a = execArgv[i]!;
    if (a === "-e" || a === "--eval" || a === "-p" || a === "--print") i++;
    else if (!a.startsWith("--input-type") && !a.startsWith("--eval=") && !a.startsWith("--print=")) out.push(a);
  }
  return out.length === execArgv.length ? undefined : out;
}

/** A listed option list without the ones a worker refused (named in Node's ERR_WORKER_INVALID_EXEC_ARGV message). */
export function withoutRefused(execArgv: readonly string[], message: string): string[] {
  const refused = new Set(message.slice(message.indexOf(":") + 1).split(",").map((f) => f.trim()));
  return execArgv.filter((a) => !refused.has(a));
}

/** The ESM entry of tsx's API (createRequire alone would give its CommonJS one). */
function tsxApiUrl(): string {
  const pkgFile = createRequire(import.meta.url).resolve("tsx/package.json");
  const pkg = JSON.parse(readFileSync(pkgFile, "utf8")) as { exports: Record<string, { import: { default: string } }> };
  return pathToFileURL(path.join(path.dirname(pkgFile), pkg.exports["./esm/api"]!.import.default)).href;
}

/**
 * A fixed set of worker threads taking tasks from one queue. A worker that crashes, runs out of
 * memory or overruns the time limit fails only its own task and is replaced.
 * Protocol: the worker posts `{ ready: true }` once it listens, then receives `{ id, task }` and
 * answers `{ id, result }`.
 */
export class WorkerPool<TaskMessage, Result> {
  private readonly slots: Slot[] = [];
  private readonly queue: Task[] = [];
  private readonly entry: ReturnType<typeof resolveWorkerEntry>;
  private nextId = 0;
  private readonly pending = new Map<number, Task>();
  private closed = false;
  /** Workers that died before they were ready, in a row; past a few, workers cannot start here at all. */
  private startFailures = 0;
  private broken: WorkerLost | undefined;

  constructor(private readonly options: PoolOptions) {
    this.entry = resolveWorkerEntry(options.entry);
    for (let i = 0; i < Math.max(1, options.size); i++) this.slots.push(this.spawn());
  }

  run(task: TaskMessage, transfer: readonly TransferListItem[] = []): Promise<Result> {
    if (this.closed) return Promise.reject(new Error("pool is closed"));
    if (this.broken) return Promise.reject(this.broken);
    return new Promise<Result>((resolve, reject) => {
      this.queue.push({ message: task, transfer, resolve: resolve as (v: unknown) => void, reject });
      this.dispatch();
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const t of this.queue.splice(0)) t.reject(new Error("pool is closed"));
    await Promise.all(
      this.slots.map((s) => {
        s.retiring = true;
        return s.worker.terminate();
      }),
    );
  }

  private spawn(): Slot {
    const start = (execArgv: string[] | undefined) =>
      new Worker(this.entry.script, {
        eval: this.entry.eval,
        ...(execArgv ? { execArgv } : {}),
        workerData: this.options.workerData,
        ...(this.options.resourceLimits ? { resourceLimits: this.options.resourceLimits } : {}),
        // Workers write nothing themselves; a stray console line must not garble the progress bar.
        stdout: true,
        stderr: true,
      });
    const execArgv = workerExecArgv(process.execArgv);
    let worker: Worker;
    try {
      worker = start(execArgv);
    } catch (e) {
      if (!execArgv || (e as { code?: unknown }).code !== "ERR_WORKER_INVALID_EXEC_ARGV") throw e;
      worker = start(withoutRefused(execArgv, (e as Error).message));
    }
    worker.stdout.resume();
    worker.stderr.resume();
    const slot: Slot = { worker, ready: false };
    worker.on("message", (msg: { id: number; result: unknown } | { ready: true }) => {
      if ("ready" in msg) {
        slot.ready = true;
        this.startFailures = 0;
        if (!slot.task) slot.worker.unref();
        this.dispatch();
        return;
      }
      const task = this.pending.get(msg.id);
      if (!task) return;
      this.pending.delete(msg.id);
      this.finish(slot);
      task.resolve(msg.result);
      this.dispatch();
    });
    worker.on("error", (err: Error & { code?: string }) => {
      const reason = err.code === "ERR_WORKER_OUT_OF_MEMORY" ? "memory" : "crash";
      this.lose(slot, new WorkerLost(reason, err.message));
    });
    worker.on("exit", (code) => {
      if (slot.retiring) return;
      this.lose(slot, new WorkerLost("crash", `worker exited with code ${code}`));
    });
    // A starting worker keeps the process alive (tasks wait for it); an idle one does not.
    return slot;
  }

  private finish(slot: Slot): void {
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = undefined;
    slot.task = undefined;
    slot.worker.unref();
  }

  /** The slot's worker is gone or being ended: fail its task, replace it. */
  private lose(slot: Slot, error: WorkerLost): void {
    const task = slot.task;
    if (task) {
      for (const [id, t] of this.pending) if (t === task) this.pending.delete(id);
    }
    this.finish(slot);
    slot.retiring = true;
    void slot.worker.terminate();
    if (task) task.reject(error);
    if (this.closed) return;
    if (!slot.ready && ++this.startFailures >= MAX_START_FAILURES) {
      // Respawning would fail the same way: say so to every waiting task instead of waiting forever.
      this.broken = new WorkerLost("startup", error.message);
      for (const t of this.queue.splice(0)) t.reject(this.broken);
      return;
    }
    const index = this.slots.indexOf(slot);
    if (index >= 0) this.slots[index] = this.spawn();
    this.dispatch();
  }

  private dispatch(): void {
    for (const slot of this.slots) {
      if (this.queue.length === 0) return;
      if (slot.task || slot.retiring || !slot.ready) continue;
      const task = this.queue.shift()!;
      const id = this.nextId++;
      slot.task = task;
      this.pending.set(id, task);
      slot.worker.ref();
      if (this.options.taskTimeoutMs) {
        slot.timer = setTimeout(() => this.lose(slot, new WorkerLost("timeout", `no answer after ${this.options.taskTimeoutMs} ms`)), this.options.taskTimeoutMs);
      }
      slot.worker.postMessage({ id, task: task.message }, task.transfer as TransferListItem[]);
    }
  }
}
