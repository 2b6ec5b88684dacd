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
  // Pieces are joined once per flush: a string grown by += is a rope of small pieces, and
  // flattening it when it is encoded for the write cost more than formatting the reports.
  let pending: string[] = [];
  let size = 0;
  const take = () => {
    const chunk = pending.join("");
    pending = [];
    size = 0;
    return chunk;
  };
  return {
    write: async (text) => {
      if (!text) return;
      pending.push(text);
      size += text.length;
      if (size >= FLUSH_AT) await out(take());
    },
    close: async (last) => {
      pending.push(last);
      const chunk = take();
      if (chunk) await out(chunk);
      await done();
    },
    abort: async () => {
      take();
      await abort();
    },
  };
}
