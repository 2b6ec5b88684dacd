import { randomBytes } from "node:crypto";
import { closeSync, openSync, readSync, rmSync, writeSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { outputFailure } from "../model/errors.js";
import type { ReviewEntry } from "./review.js";

/**
 * Where a batch review keeps its entries until the 汇总表 and the HTML report are written: appended
 * in input order, read back (as often as a writer needs) in the same order.
 */
export interface EntryStore extends Iterable<ReviewEntry> {
  push(entry: ReviewEntry): void;
  /** Let go of what is stored (a spool file is deleted); safe to call twice. */
  close(): void;
}

/** Entries in memory, repeated strings (rule ids, cells, messages of similar forms) stored once. */
export class MemoryEntryStore implements EntryStore {
  private readonly entries: ReviewEntry[] = [];
  private readonly strings = new Map<string, string>();

  private intern(s: string): string {
    const known = this.strings.get(s);
    if (known !== undefined) return known;
    this.strings.set(s, s);
    return s;
  }

  push(entry: ReviewEntry): void {
    if (entry.kind === "form") {
      entry.findings = entry.findings.map((f) => ({
        severity: f.severity,
        ruleId: this.intern(f.ruleId),
        code: this.intern(f.code),
        message: this.intern(f.message),
        path: this.intern(f.path),
        location: this.intern(f.location),
        ...(f.fixable ? { fixable: true as const } : {}),
      }));
      entry.topRules = entry.topRules.map((id) => this.intern(id));
      if (entry.department) entry.department = this.intern(entry.department);
    }
    this.entries.push(entry);
  }

  [Symbol.iterator](): Iterator<ReviewEntry> {
    return this.entries[Symbol.iterator]();
  }

  close(): void {
    this.entries.length = 0;
  }
}

/** Lines are gathered up to this many characters before a write. */
const WRITE_AT = 1 << 20;
/** Bytes read back per call. */
const READ_CHUNK = 1 << 20;
const NEWLINE = 0x0a;

/**
 * Entries as JSON lines in a temporary file: memory stays flat however many forms a batch reviews
 * (10,000 seed-sized forms hold some 870,000 findings). Synchronous on purpose: the main thread
 * writes while workers hold the cores, and every async call is a thread-pool round trip.
 * The file is removed by close(), or when the process exits without it (a second Ctrl-C).
 */
export class SpoolEntryStore implements EntryStore {
  readonly file: string;
  private fd: number | undefined;
  private pending: string[] = [];
  private pendingSize = 0;
  private readonly removeAtExit = () => this.close();

  constructor(dir = tmpdir()) {
    this.file = path.join(dir, `perfgoal-review-${process.pid}-${randomBytes(6).toString("hex")}.jsonl`);
    try {
      this.fd = openSync(this.file, "wx+", 0o600);
    } catch (e) {
      // A temporary folder that is missing, read-only or full: one line naming the spool file.
      throw outputFailure(e, this.file);
    }
    process.once("exit", this.removeAtExit);
  }

  push(entry: ReviewEntry): void {
    const line = `${JSON.stringify(entry)}\n`;
    this.pending.push(line);
    this.pendingSize += line.length;
    if (this.pendingSize >= WRITE_AT) this.flush();
  }

  private flush(): void {
    if (this.pending.length === 0) return;
    if (this.fd === undefined) throw new Error("review spool is closed");
    try {
      writeSync(this.fd, this.pending.join(""));
    } catch (e) {
      throw outputFailure(e, this.file);
    }
    this.pending = [];
    this.pendingSize = 0;
  }

  *[Symbol.iterator](): Iterator<ReviewEntry> {
    this.flush();
    const fd = this.fd;
    if (fd === undefined) return;
    const chunk = Buffer.allocUnsafe(READ_CHUNK);
    // Bytes of a line that runs past the end of the chunk read so far.
    let carry: Buffer = Buffer.alloc(0);
    let position = 0;
    for (;;) {
      const read = readSync(fd, chunk, 0, READ_CHUNK, position);
      if (read === 0) break;
      position += read;
      // A newline byte never occurs inside a UTF-8 sequence: lines can be cut at it before decoding.
      const data = carry.length > 0 ? Buffer.concat([carry, chunk.subarray(0, read)]) : chunk.subarray(0, read);
      let start = 0;
      for (let nl = data.indexOf(NEWLINE, start); nl >= 0; nl = data.indexOf(NEWLINE, start)) {
        yield JSON.parse(data.toString("utf8", start, nl)) as ReviewEntry;
        start = nl + 1;
      }
      carry = Buffer.from(data.subarray(start));
    }
  }

  close(): void {
    process.removeListener("exit", this.removeAtExit);
    if (this.fd === undefined) return;
    closeSync(this.fd);
    this.fd = undefined;
    this.pending = [];
    rmSync(this.file, { force: true });
  }
}
