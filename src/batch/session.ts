import os from "node:os";
import path from "node:path";
import type { CommandContext } from "../cli/context.js";
import { say, t } from "../cli/context.js";
import { EXIT } from "../cli/exit-codes.js";
import { ERROR_CODES, shownName, terminalText, type ErrorCode } from "../model/errors.js";
import { countSkipped, expandInputs, type ExpandedInputs, type ExpandOptions, type InputFile, type SkipReason } from "./expand.js";
import type { FileFailure, FileOutcome, FileTask, JobSpec } from "./job.js";
import { ProgressBar } from "./progress.js";
import { runBatch } from "./runner.js";

export interface BatchCliOptions {
  jobs?: number;
  quiet?: boolean;
  /**
   * The report on the terminal lists each unreadable file itself (validate's stylish or summary
   * report on stdout): no second line on stderr for it.
   */
  reportListsFailures?: boolean;
}

export function defaultJobs(): number {
  return typeof os.availableParallelism === "function" ? os.availableParallelism() : os.cpus().length;
}

const SKIP_NAMES: Record<SkipReason, { zh: string; en: string }> = {
  lock: { zh: "Word 锁文件", en: "Word lock files" },
  hidden: { zh: "隐藏文件", en: "hidden" },
  unsupported: { zh: "不支持的类型", en: "unsupported type" },
  special: { zh: "管道或设备文件", en: "pipes or devices" },
  "link-loop": { zh: "循环链接", en: "link loops" },
  "link-outside": { zh: "指向文件夹之外的链接", en: "links leading outside the folder" },
  "broken-link": { zh: "失效链接", en: "broken links" },
  output: { zh: "本次的输出", en: "outputs of this run" },
};

/** A failure as one line: `file: reason：detail [CODE]`. */
export function describeFailure(name: string, failure: FileFailure, lang: "zh" | "en"): string {
  const known = ERROR_CODES[failure.code as ErrorCode];
  const reason = known ? known[lang] : failure.code;
  const text = lang === "en" ? (failure.detailEn ?? failure.detail) : failure.detail;
  const detail = text ? (lang === "zh" ? `：${text}` : `: ${text}`) : "";
  return `${shownName(name)}: ${reason}${detail} [${failure.code}]`;
}

/**
 * One batch run as the CLI sees it: expand the inputs, run the job with a progress bar on a
 * terminal, print one line per failed file, and a closing summary. Commands handle the payloads.
 */
export class BatchSession {
  expanded: ExpandedInputs = { files: [], skipped: [], missing: [], unreadable: [] };
  readonly stats = { total: 0, done: 0, ok: 0, failed: 0, internal: 0 };
  /** Outputs not written because a file of that name exists (no --force): counted, not listed one by one. */
  private readonly existing: string[] = [];
  /** An output was refused or could not be written: the command, not the forms (exit 2). */
  private outputRefused = false;
  /** Failures by path (as given), for reports: unreadable folders and files. */
  readonly failures: { name: string; failure: FileFailure }[] = [];
  private bar: ProgressBar | undefined;

  constructor(
    private readonly ctx: CommandContext,
    private readonly options: BatchCliOptions,
  ) {}

  get interrupted(): boolean {
    return Boolean(this.ctx.io.signal?.aborted);
  }

  /** Expand paths, folders and globs; false (after saying why) when a path does not exist. */
  async expand(paths: readonly string[], options: ExpandOptions = {}): Promise<boolean> {
    this.expanded = await expandInputs(paths, this.ctx.io.cwd, options);
    for (const m of this.expanded.missing) say(this.ctx, `perfgoal: ${shownName(m)}: ${t(this.ctx, "文件不存在", "file not found")} [PG-E-NOT-FOUND]`);
    if (this.expanded.missing.length > 0) return false;
    for (const u of this.expanded.unreadable) this.fail(u.file, { code: u.code, ...(u.detail ? { detail: u.detail } : {}), internal: false });
    return true;
  }

  get files(): InputFile[] {
    return this.expanded.files;
  }

  /** Absolute paths of every input, so no output is ever written over one. */
  inputPaths(): string[] {
    // One per file, in order (commands index it); an archive's entries name the archive itself.
    return this.expanded.files.map((f) => path.resolve(this.ctx.io.cwd, f.archive?.container ?? f.file));
  }

  /** Run the job over the expanded files; yields outcomes in input order. Failures are printed here. */
  async *run<P>(spec: JobSpec, extra: { workerEntry?: URL } = {}): AsyncGenerator<FileOutcome<P>> {
    const tasks: FileTask[] = this.expanded.files.map((f, index) =>
      f.archive
        ? { index, name: f.file, path: path.resolve(this.ctx.io.cwd, f.archive.container), ...(f.archive.containerRaw ? { raw: f.archive.containerRaw } : {}), entry: f.archive.at }
        : { index, name: f.file, path: path.resolve(this.ctx.io.cwd, f.file), ...(f.raw ? { raw: f.raw } : {}) },
    );
    this.stats.total = tasks.length;
    const io = this.ctx.io;
    if (io.stderrIsTTY && !this.options.quiet && tasks.length > 1) {
      this.bar = new ProgressBar(tasks.length, { write: io.stderr, ...(io.columns ? { columns: io.columns } : {}), lang: this.ctx.lang });
      this.bar.update(0);
    }
    let current = "";
    try {
      for await (const outcome of runBatch<P>(tasks, spec, {
        jobs: this.options.jobs ?? defaultJobs(),
        ...(io.isolate ? { isolate: true } : {}),
        ...(io.signal ? { signal: io.signal } : {}),
        ...(extra.workerEntry ? { workerEntry: extra.workerEntry } : {}),
        onStart: (task) => {
          current = task.name;
        },
      })) {
        this.stats.done++;
        if (outcome.failure) this.fail(outcome.name, outcome.failure);
        else this.stats.ok++;
        for (const w of outcome.warnings) this.note(`perfgoal: ${shownName(outcome.name)}: ${w}`);
        this.bar?.update(this.stats.done, current);
        yield outcome;
      }
    } finally {
      this.bar?.clear();
      this.bar = undefined;
    }
  }

  /**
   * A line on stderr that does not garble the progress bar. Escaped as a whole: a reader's warning
   * may quote form text, and nothing from a form may act on the terminal.
   */
  note(line: string): void {
    const shown = terminalText(line);
    if (this.bar) this.bar.log(shown);
    else say(this.ctx, shown);
  }

  /**
   * An output that was not written: it exists (no --force), is an input, or could not be written
   * (no space, a device in its place, another input's output under the same name). `forInput`:
   * the input it was made from no longer counts as done (once, however many of its outputs fail).
   * An existing file is counted for the closing line; any other refusal is said at once.
   */
  refuseOutput(code: string, line: string, forInput: boolean): void {
    this.outputRefused = true;
    if (forInput) this.stats.ok = Math.max(0, this.stats.ok - 1);
    if (code === "PG-E-EXISTS") {
      this.existing.push(line);
      return;
    }
    if (forInput) this.stats.failed++;
    this.note(line);
  }

  /** Record and print a failed file. */
  fail(name: string, failure: FileFailure): void {
    this.failures.push({ name, failure });
    this.stats.failed++;
    if (failure.internal) this.stats.internal++;
    if (!this.options.reportListsFailures) this.note(`perfgoal: ${describeFailure(name, failure, this.ctx.lang)}`);
    if (this.ctx.debug && failure.stack) this.note(failure.stack);
  }

  /** Skipped paths by reason, e.g. `{ lock: 2 }`. */
  skippedCounts(): Partial<Record<SkipReason, number>> {
    return countSkipped(this.expanded.skipped);
  }

  /** The closing line: how many files, read, failed, skipped (and why); after Ctrl-C, how far it got. */
  summaryLine(): string {
    const zh = this.ctx.lang === "zh";
    const s = this.stats;
    const skipped = this.expanded.skipped.length;
    const counts = this.skippedCounts();
    const reasons = (Object.keys(SKIP_NAMES) as SkipReason[])
      .filter((reason) => counts[reason])
      .map((reason) => `${SKIP_NAMES[reason][zh ? "zh" : "en"]} ${counts[reason]}`)
      .join(zh ? "，" : ", ");
    const skipText = skipped > 0 ? (zh ? `，跳过 ${skipped}（${reasons}）` : `, skipped ${skipped} (${reasons})`) : "";
    const failedText = zh ? `，失败 ${s.failed}` : `, failed ${s.failed}`;
    const existText = this.existing.length > 0 ? (zh ? `，${this.existingText()}` : `; ${this.existingText()}`) : "";
    if (this.interrupted) {
      return zh
        ? `perfgoal: 已中断：处理了 ${s.done}/${s.total} 个文件，成功 ${s.ok}${failedText}${skipText}${existText}；未处理的文件没有输出`
        : `perfgoal: interrupted: processed ${s.done}/${s.total} files, ${s.ok} ok${failedText}${skipText}${existText}; files not reached have no output`;
    }
    return zh ? `perfgoal: 共 ${s.total} 个文件，成功 ${s.ok}${failedText}${skipText}${existText}` : `perfgoal: ${s.total} files, ${s.ok} ok${failedText}${skipText}${existText}`;
  }

  /** `已有 42 个文件未覆盖（使用 --force 覆盖）`. */
  private existingText(): string {
    const n = this.existing.length;
    return t(this.ctx, `已有 ${n} 个文件未覆盖（使用 --force 覆盖）`, `${n} existing ${n === 1 ? "file" : "files"} not overwritten (use --force to overwrite)`);
  }

  /**
   * Print the summary when it says something a single-file run would not. Outputs left as they
   * were are always said: in the summary, else as the one file's own line or their number.
   */
  printSummary(): void {
    const many = this.stats.total + this.expanded.unreadable.length > 1 || this.expanded.skipped.length > 0;
    if (this.interrupted || (many && !this.options.quiet)) say(this.ctx, this.summaryLine());
    else if (this.existing.length === 1) this.note(this.existing[0]!);
    else if (this.existing.length > 1) say(this.ctx, `perfgoal: ${this.existingText()}`);
  }

  /**
   * 130 after Ctrl-C; 2 if an output was refused or not written, or perfgoal itself failed on a
   * file; 1 if an input was unreadable (or overran the time or memory limit of a file); else `base`.
   */
  exitCode(base: number): number {
    if (this.interrupted) return EXIT.interrupted;
    if (this.stats.internal > 0 || this.outputRefused) return Math.max(base, EXIT.usage);
    if (this.stats.failed > 0) return Math.max(base, EXIT.findings);
    return base;
  }
}
