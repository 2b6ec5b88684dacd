/**
 * What the batch runner sends to a worker and gets back. Everything here is plain data
 * (structured-clone safe), so the same work runs in a worker thread or in-process.
 */
export type BatchCommand = "parse" | "validate" | "render";
export type Lang = "zh" | "en";

/** The job, fixed for the whole batch: sent to each worker once. */
export interface JobSpec {
  command: BatchCommand;
  lang: Lang;
  /** Command-specific, serialisable options (config for validate, layout for render …). */
  options?: Record<string, unknown>;
}

/** One input file. */
export interface FileTask {
  /** Position in the sorted input list; results come back in this order. */
  index: number;
  /** Absolute path to read. */
  path: string;
  /** The absolute path as bytes, to open instead of `path` when the name is not valid UTF-8. */
  raw?: Uint8Array;
  /** How messages and reports call the file (the path as the user gave it). */
  name: string;
  /** An entry of the zip archive at `path`: its directory position at each level of nesting. */
  entry?: number[];
}

/** Why a file gave no result: its PerfgoalError code, or PG-E-INTERNAL for perfgoal's own failure. */
export interface FileFailure {
  code: string;
  detail?: string;
  /** The detail in English, when the error gave one. */
  detailEn?: string;
  /** True when perfgoal itself failed (a bug, a crashed worker), not the input. */
  internal: boolean;
  /** Only for internal failures, shown with --debug. */
  stack?: string;
}

/** The outcome of one file: a payload, or a failure. */
export interface FileOutcome<P = unknown> {
  index: number;
  name: string;
  /** Odd but readable input: wrong extension, unusual encoding … */
  warnings: string[];
  payload?: P;
  failure?: FileFailure;
}
