import { isPerfgoalError } from "../model/errors.js";
import type { FileOutcome, FileTask, JobSpec } from "./job.js";

/** What a command does with one file; bad input throws a PerfgoalError. */
export type FileHandler = (task: FileTask, spec: JobSpec) => Promise<{ payload: unknown; warnings: string[] }>;

const handlers: Record<JobSpec["command"], () => Promise<FileHandler>> = {
  parse: async () => (await import("./handlers/parse.js")).parseHandler,
  validate: async () => (await import("./handlers/validate.js")).validateHandler,
  render: async () => (await import("./handlers/render.js")).renderHandler,
};

/** Do the job on one file. Never throws: failures come back as data. */
export async function processFile(task: FileTask, spec: JobSpec): Promise<FileOutcome> {
  try {
    const handler = await handlers[spec.command]();
    const { payload, warnings } = await handler(task, spec);
    return { index: task.index, name: task.name, warnings, payload };
  } catch (e) {
    if (isPerfgoalError(e)) {
      return { index: task.index, name: task.name, warnings: [], failure: { ...e.toFailure(), internal: false } };
    }
    const err = e instanceof Error ? e : new Error(String(e));
    return {
      index: task.index,
      name: task.name,
      warnings: [],
      failure: { code: "PG-E-INTERNAL", detail: err.message.split("\n")[0] ?? "", internal: true, ...(err.stack ? { stack: err.stack } : {}) },
    };
  }
}

/** ArrayBuffers a result can hand over instead of copying (whole buffers only, never a pooled slice). */
export function transferablesOf(value: unknown, depth = 0, out: ArrayBuffer[] = []): ArrayBuffer[] {
  if (depth > 4 || value === null || typeof value !== "object") return out;
  if (value instanceof Uint8Array) {
    const buf = value.buffer;
    if (buf instanceof ArrayBuffer && value.byteOffset === 0 && value.byteLength === buf.byteLength && !out.includes(buf)) out.push(buf);
    return out;
  }
  const items = Array.isArray(value) ? value : Object.values(value);
  for (const item of items) transferablesOf(item, depth + 1, out);
  return out;
}
