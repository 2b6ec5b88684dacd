/**
 * Runs fuzz cases in a worker thread over the compiled sources, so a case that never ends (or eats
 * memory) can be stopped: each case has a time bound, after which the worker is terminated and
 * the case reported. Outcomes: read (forms, whether any rule failed), refused with a PerfgoalError
 * code, or anything else (a bug).
 */
import path from "node:path";
import { pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import { builtCli } from "../hostile/built-cli.js";

export type Outcome =
  | { kind: "read"; forms: number; ruleFailures: string[]; rendered: number }
  | { kind: "refused"; code: string; perfgoalError: boolean; knownCode: boolean }
  | { kind: "crash"; message: string; stack?: string }
  | { kind: "timeout" }
  | { kind: "memory"; message: string };

/** How the fuzz suite is sized: fixed seed and a moderate count in CI, long with PERFGOAL_FUZZ_RUNS. */
export const FUZZ = {
  runs: (ciRuns: number): number => Number(process.env.PERFGOAL_FUZZ_RUNS ?? ciRuns),
  seed: Number(process.env.PERFGOAL_FUZZ_SEED ?? 20240601),
  /** Per case: far beyond any real input (a few ms); only a runaway case gets near it. */
  caseTimeoutMs: Number(process.env.PERFGOAL_FUZZ_CASE_MS ?? 10_000),
  /** Per property: two minutes in CI; a long run has no limit but the per-case bound. */
  testTimeoutMs: process.env.PERFGOAL_FUZZ_RUNS ? 24 * 3600_000 : 120_000,
};

const WORKER_SOURCE = (dist: string) => `
const { parentPort } = await import("node:worker_threads");
const { parseBuffer } = await import(${JSON.stringify(pathToFileURL(path.join(dist, "parse/index.js")).href)});
const { isPerfgoalError, ERROR_CODES } = await import(${JSON.stringify(pathToFileURL(path.join(dist, "model/errors.js")).href)});
const { lintParseResult } = await import(${JSON.stringify(pathToFileURL(path.join(dist, "lint/lint-file.js")).href)});
const { loadRules } = await import(${JSON.stringify(pathToFileURL(path.join(dist, "lint/rule-registry.js")).href)});
const { renderForm } = await import(${JSON.stringify(pathToFileURL(path.join(dist, "render/render.js")).href)});
const rules = await loadRules();
parentPort.on("message", async ({ id, bytes, name, review, render }) => {
  let outcome;
  try {
    const parsed = await parseBuffer(bytes, name);
    const ruleFailures = [];
    if (review) {
      for (const r of lintParseResult(parsed, name, { rules, config: {}, lang: "zh" })) {
        for (const f of r.findings ?? []) if (f.code === "PG000") ruleFailures.push(f.message);
      }
    }
    let rendered = 0;
    if (render) for (const { form } of parsed.forms) if ((await renderForm(form)).length > 0) rendered++;
    outcome = { kind: "read", forms: parsed.forms.length, ruleFailures, rendered };
  } catch (e) {
    outcome = isPerfgoalError(e)
      ? { kind: "refused", code: e.code, perfgoalError: true, knownCode: e.code in ERROR_CODES }
      : { kind: "crash", message: String(e && e.message || e), stack: e && e.stack };
  }
  parentPort.postMessage({ id, outcome });
});
parentPort.postMessage({ ready: true });
`;

export interface CaseOptions {
  /** Also review the forms read (a rule that throws is a failure). */
  review?: boolean;
  /** Also render them to .docx. */
  render?: boolean;
}

/** One worker, replaced whenever a case overruns or kills it. */
export class FuzzGuard {
  private worker: Worker | undefined;
  private ready: Promise<void> | undefined;
  private nextId = 0;
  private readonly dist = path.join(builtCli(), "dist");

  private start(): Promise<void> {
    const worker = new Worker(WORKER_SOURCE(this.dist), { eval: true, resourceLimits: { maxOldGenerationSizeMb: 512 } });
    worker.unref();
    this.worker = worker;
    this.ready = new Promise((resolve, reject) => {
      const onMessage = (m: { ready?: boolean }) => {
        if (m.ready) {
          worker.off("message", onMessage);
          resolve();
        }
      };
      worker.on("message", onMessage);
      worker.once("error", reject);
    });
    return this.ready;
  }

  async run(bytes: Uint8Array, name: string, options: CaseOptions = {}): Promise<Outcome> {
    if (!this.worker) await this.start();
    await this.ready;
    const worker = this.worker!;
    const id = this.nextId++;
    return new Promise<Outcome>((resolve) => {
      const done = (outcome: Outcome, replace: boolean) => {
        clearTimeout(timer);
        worker.off("message", onMessage);
        worker.off("error", onError);
        if (replace) {
          void worker.terminate();
          this.worker = undefined;
        }
        resolve(outcome);
      };
      const onMessage = (m: { id?: number; outcome?: Outcome }) => {
        if (m.id === id && m.outcome) done(m.outcome, false);
      };
      const onError = (e: Error & { code?: string }) =>
        done(e.code === "ERR_WORKER_OUT_OF_MEMORY" ? { kind: "memory", message: e.message } : { kind: "crash", message: e.message, ...(e.stack ? { stack: e.stack } : {}) }, true);
      const timer = setTimeout(() => done({ kind: "timeout" }, true), FUZZ.caseTimeoutMs);
      worker.on("message", onMessage);
      worker.on("error", onError);
      worker.postMessage({ id, bytes, name, review: options.review ?? false, render: options.render ?? false });
    });
  }

  async close(): Promise<void> {
    await this.worker?.terminate();
    this.worker = undefined;
  }
}

/** The property every case must keep: read, or refused with perfgoal's own error and a known code. */
export function acceptable(outcome: Outcome): boolean {
  if (outcome.kind === "read") return outcome.ruleFailures.length === 0;
  if (outcome.kind === "refused") return outcome.perfgoalError && outcome.knownCode;
  return false;
}

/** A readable description for a failing case. */
export function describeOutcome(outcome: Outcome): string {
  switch (outcome.kind) {
    case "read":
      return `read ${outcome.forms} form(s); rules failed: ${outcome.ruleFailures.join(" | ")}`;
    case "refused":
      return `refused ${outcome.code} (PerfgoalError: ${outcome.perfgoalError})`;
    case "crash":
      return `crash: ${outcome.message}\n${outcome.stack ?? ""}`;
    case "timeout":
      return `did not end within ${FUZZ.caseTimeoutMs} ms`;
    case "memory":
      return `out of memory: ${outcome.message}`;
  }
}
