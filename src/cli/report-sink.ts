import type { CliIO } from "./io.js";

/** Where validate writes its report as results arrive: stdout, or a file that appears whole at the end. */
export interface ReportSink {
  write(text: string): Promise<void>;
  /** Write the last piece; the file (if any) now takes its name. */
  close(last: string): Promise<void>;
  /** Give up: a file being written is removed; what reached stdout stays. */
  abort(): Promise<void>;
}

/** Pieces are gathered up to this many characters: one write per form would cost more than the form. */
const FLUSH_AT = 64 * 1024;

/** `target` (absolute) replaces an old report but never one of `inputs`; without it the report goes to stdout. */
export async function openReportSink(io: CliIO, target: string | undefined, inputs: string[]): Promise<ReportSink> {
  let out: (text: string) => Promise<void>;
  let done: () => Promise<void> = async () => undefined;
  let abort: () => Promise<void> = async () => undefined;
  if (target) {
    const { openAtomicWriter } = await import("./io.js");
    const file = await openAtomicWriter(target, { force: true, inputs });
    out = file.write;
    done = file.commit;
    abort = file.abort;
  } else out = async (text) => io.stdout(text);
  let pending = "";
  return {
    write: async (text) => {
      pending += text;
      if (pending.length >= FLUSH_AT) {
        const chunk = pending;
        pending = "";
        await out(chunk);
      }
    },
    close: async (last) => {
      const chunk = pending + last;
      pending = "";
      if (chunk) await out(chunk);
      await done();
    },
    abort: async () => {
      pending = "";
      await abort();
    },
  };
}
