import type { Command } from "commander";
import type { CommandContext, Lang } from "../context.js";
import { say, t, usage } from "../context.js";
import { EXIT } from "../exit-codes.js";
import { JOBS_HELP, parseJobsOption } from "../../batch/options.js";
import { fileEndingIn, integerAtLeast, oneOf } from "../option-values.js";
import { PROFILE_NAMES } from "../../rules/helpers/profiles.js";
import { errorsOnly, isFatal, type LintConfig, type ReportResult } from "../../lint/types.js";
import type { FormFacts } from "../../batch/review.js";
import type { RenderSpec, ValidatePayload } from "../../batch/handlers/validate.js";
import type { ReportPiece } from "../../report/types.js";

export interface ValidateOptions {
  format: string;
  output?: string;
  quiet?: boolean;
  maxWarnings?: number;
  /** A file name, false for --no-config, undefined to look for perfgoal.config.yaml. */
  config?: string | false;
  era?: "A" | "B";
  profile?: string;
  stdinFilename?: string;
  jobs?: number;
  summary?: string;
  feedback?: string;
  force?: boolean;
}

const CONFIG_HELP = {
  zh: `
配置文件：perfgoal.config.yaml（从当前文件夹向上查找）
  lang: zh | en
  era: A | B            # 表单未显示口径时采用
  detectEra: false      # 总是采用 era
  profile: central-2021
  maxWarnings: 10
  rules:
    <规则 id 或编号>: off | info | warning | error
    <id>: [warning, { <选项>: <值> }]
`,
  en: `
Config: perfgoal.config.yaml (looked for upward from the working folder)
  lang: zh | en
  era: A | B            # used when a form does not show its era
  detectEra: false      # always use era
  profile: central-2021
  maxWarnings: 10
  rules:
    <rule id or code>: off | info | warning | error
    <id>: [warning, { <option>: <value> }]
`,
};

export function registerValidate(program: Command, ctx: CommandContext): void {
  program
    .command("validate")
    .description(t(ctx, "按审核规则检查申报表，指出每个问题所在的单元格或行", "review forms against the rules; each finding points at its cell or line"))
    .argument("<paths...>", t(ctx, "文件（.txt .docx .doc .xlsx .xls .yaml）、文件夹或通配符，- 表示标准输入", "files (.txt .docx .doc .xlsx .xls .yaml), folders or globs; - for stdin"))
    .option("-f, --format <name>", t(ctx, "报告格式：stylish、json、csv、summary、html", "report format: stylish, json, csv, summary, html"), "stylish")
    .option("-o, --output <file>", t(ctx, "把报告写入文件（可覆盖旧报告，从不覆盖输入）", "write the report to a file (replaces an old report, never an input)"))
    .option(
      "-q, --quiet",
      t(
        ctx,
        "只列出错误：报告、-o 文件、HTML 报告和汇总表中的问题与计数都只含错误（退出码仍按全部问题）；不显示进度与汇总行",
        "errors only: the report, the -o file, the HTML report and the 汇总表 list and count errors only (the exit code still counts every finding); no progress bar or summary line",
      ),
    )
    .option("--max-warnings <n>", t(ctx, "警告超过 n 个时退出码为 1（-1 表示不限）", "exit 1 when there are more than n warnings (-1: no limit)"), integerAtLeast("--max-warnings", -1, { zh: "-1 表示不限", en: "-1 for no limit" }))
    .option("-c, --config <file>", t(ctx, "使用指定的配置文件", "use this config file"))
    .option("--no-config", t(ctx, "不读取任何配置文件", "use no config file"))
    .option("--era <era>", t(ctx, "强制指标体系口径：A（88号）或 B（101号）", "force the taxonomy era: A (88号) or B (101号)"), oneOf("--era", ["A", "B"] as const))
    .option("--profile <name>", t(ctx, `审核口径：${PROFILE_NAMES.join("、")}`, `review profile: ${PROFILE_NAMES.join(", ")}`), oneOf("--profile", PROFILE_NAMES))
    .option("--stdin-filename <name>", t(ctx, "标准输入在报告中的名称（.yaml 结尾表示 YAML）", "name of stdin in reports (ending in .yaml selects YAML)"))
    .option("-j, --jobs <n>", t(ctx, JOBS_HELP.zh, JOBS_HELP.en), parseJobsOption)
    .option("--summary <file>", t(ctx, "另写一份汇总表（.xlsx 或 .csv）：每个文件一行（未读取的也列出），另附合计与部门汇总", "also write the 汇总表 (.xlsx or .csv): a row per file (the ones not read too), totals and per-department subtotals"), fileEndingIn("--summary", [".xlsx", ".csv"]))
    .option("--feedback <dir>", t(ctx, "每份来件写一份审核意见（.docx），另写部门审核意见汇总.docx", "write a 审核意见 (.docx) per submission and 部门审核意见汇总.docx"))
    .option("--force", t(ctx, "覆盖 --feedback 文件夹中已有的审核意见（从不覆盖输入）", "replace 审核意见 already in the --feedback folder (never an input)"))
    .addHelpText("after", CONFIG_HELP[ctx.lang])
    .configureHelp({ showGlobalOptions: true })
    .action(async (paths: string[], opts: ValidateOptions, cmd: Command) => {
      const langFromCli = cmd.parent?.getOptionValueSource("lang") === "cli" || ctx.io.env.PERFGOAL_LANG !== undefined;
      ctx.exitCode = await validateCommand(ctx, paths, opts, langFromCli);
    });
}

/** `perfgoal validate`: read, review, report. Returns the exit code. */
export async function validateCommand(ctx: CommandContext, paths: string[], opts: ValidateOptions, langFromCli: boolean): Promise<number> {
  const { FORMATTER_NAMES, loadStreamFormatter } = await import("../../report/index.js");
  // The HTML report needs each form's header facts, so it is built from the batch review, not a formatter.
  const html = opts.format === "html";
  const streamFormatter = html ? undefined : await loadStreamFormatter(opts.format);
  const formats = [...FORMATTER_NAMES, "html"];
  if (!html && !streamFormatter) return usage(ctx, `未知的报告格式 ${opts.format}（可用：${formats.join("、")}）`, `unknown format ${opts.format} (one of: ${formats.join(", ")})`);
  const { sameOutput } = await import("../io.js");
  const path = await import("node:path");
  // Two outputs of one run in one file would silently lose one: refused before anything is read.
  if (opts.output && opts.summary && sameOutput(path.resolve(ctx.io.cwd, opts.output), path.resolve(ctx.io.cwd, opts.summary))) {
    return usage(ctx, `-o ${opts.output} 与 --summary ${opts.summary} 是同一个文件`, `-o ${opts.output} and --summary ${opts.summary} are the same file`);
  }

  const { loadRules } = await import("../../lint/rule-registry.js");
  const rules = await loadRules();
  const config = await loadRunConfig(ctx, opts, rules.map((r) => r.meta));
  if (config === undefined) return EXIT.usage;
  // Messages follow --lang (or PERFGOAL_LANG) first, then the config's lang.
  const lang: Lang = langFromCli ? ctx.lang : (config.lang ?? ctx.lang);
  const runCtx: CommandContext = lang === ctx.lang ? ctx : { ...ctx, lang };
  const lintConfig: LintConfig = {
    ...(config.era ? { era: config.era } : {}),
    ...(config.detectEra !== undefined ? { detectEra: config.detectEra } : {}),
    ...(config.profile ? { profile: config.profile } : {}),
    rules: config.rules,
    ...(opts.era ? { era: opts.era, detectEra: false } : {}),
    ...(opts.profile ? { profile: opts.profile } : {}),
    ...(config.grade ? { grade: config.grade } : {}),
  };
  const warningLimit = opts.maxWarnings ?? config.maxWarnings ?? -1;

  const { BatchSession } = await import("../../batch/session.js");
  const { fatalResult, lintParseResult } = await import("../../lint/index.js");
  const { isPerfgoalError } = await import("../../model/errors.js");
  // A report read on the terminal lists each unreadable file: stderr does not say it a second time.
  const reportListsFailures = !opts.output && ctx.io.stdoutIsTTY && (opts.format === "stylish" || opts.format === "summary");
  const session = new BatchSession(runCtx, {
    ...(opts.jobs ? { jobs: opts.jobs } : {}),
    ...(opts.quiet ? { quiet: true } : {}),
    ...(reportListsFailures ? { reportListsFailures: true } : {}),
  });
  const useStdin = paths.includes("-");
  const outputAbs = opts.output ? path.resolve(ctx.io.cwd, opts.output) : undefined;
  const summaryAbs = opts.summary ? path.resolve(ctx.io.cwd, opts.summary) : undefined;
  // This run's report and 汇总表 are never read back as inputs when a walk meets them.
  const feedbackAbs = opts.feedback ? path.resolve(ctx.io.cwd, opts.feedback) : undefined;
  const exclude = [outputAbs, summaryAbs, feedbackAbs].filter((p): p is string => p !== undefined);
  if (!(await session.expand(paths.filter((p) => p !== "-"), { exclude }))) return EXIT.usage;
  const named = new Set(paths.map((p) => path.resolve(ctx.io.cwd, p)));
  // A previous report found while walking a folder is not an input; named on the command line it is.
  session.expanded.files = session.expanded.files.filter((f) => {
    const abs = path.resolve(ctx.io.cwd, f.file);
    return abs !== outputAbs || named.has(abs);
  });
  if (!useStdin && session.files.length === 0 && session.expanded.unreadable.length === 0) {
    const skipped = session.expanded.skipped.length;
    return usage(runCtx, `没有找到可审核的文件（已跳过 ${skipped} 个）`, `no forms to review (${skipped} skipped)`);
  }

  const feedback = feedbackAbs ? await openFeedback(runCtx, session, { dir: feedbackAbs, force: Boolean(opts.force), quiet: Boolean(opts.quiet), ...(useStdin ? { stdinName: opts.stdinFilename ?? "-" } : {}), others: [outputAbs, summaryAbs].filter((p): p is string => p !== undefined), rules, bands: config.grade }) : undefined;
  if (feedback === null) return EXIT.usage;

  const outputFailed = (e: unknown): number => {
    if (!isPerfgoalError(e)) throw e;
    // The report's file as the user named it, not its absolute path.
    say(runCtx, `perfgoal: ${e.describe(lang, opts.output && e.file === outputAbs ? opts.output : e.file)}`);
    return EXIT.usage;
  };
  const { openReportSink } = await import("../report-sink.js");
  let sink: Awaited<ReturnType<typeof openReportSink>>;
  try {
    sink = await openReportSink(ctx.io, outputAbs, session.inputPaths());
  } catch (e) {
    return outputFailed(e);
  }
  let review: import("../../batch/review.js").ReviewCollector | undefined;
  try {
    const version = await packageVersion();
    const color = Boolean(ctx.color && !opts.output);
    const { skippedFiles } = await import("../../report/accounting.js");
    // Every file received is named in the reports, the ones the walk passed over too.
    const skipped = skippedFiles(session.expanded.skipped, lang);
    const stream = streamFormatter?.({ lang, color, rules: rules.map((r) => r.meta), version, skippedFiles: skipped });
    const wantReview = html || opts.summary !== undefined;
    const wantFacts = wantReview || feedback !== undefined || opts.format === "json";
    const { formFacts, ReviewCollector } = await import("../../batch/review.js");
    // The 汇总表 and the HTML report read compact records, spooled to a temporary file as results
    // arrive: memory stays flat however many forms there are.
    if (wantReview) {
      const { SpoolEntryStore } = await import("../../batch/review-store.js");
      review = new ReviewCollector({ store: new SpoolEntryStore() });
    }
    // Each result is counted and its report written as it arrives; only the counts are kept.
    let errors = 0;
    let warnings = 0;
    const emit = async (r: ReportResult, facts?: FormFacts, piece?: ReportPiece) => {
      if (feedback && isFatal(r)) feedback.writer.addUnreadable(r);
      if (!isFatal(r)) {
        // The exit code comes from every finding; --quiet only changes what is shown and saved.
        errors += r.counts.error;
        warnings += r.counts.warning;
      }
      // One filtered result for every output (report, -o file, HTML, 汇总表): each counts what it lists.
      const shown = opts.quiet ? errorsOnly(r) : r;
      review?.add(shown, facts);
      if (!stream) return;
      if (piece && stream.addPiece) await sink.write(stream.addPiece(piece));
      else await sink.write(stream.add(shown, facts));
    };
    if (stream) await sink.write(stream.start());
    for (const f of session.failures) await emit(fatalResult(f.name, f.failure, lang));
    const options = { rules, config: lintConfig, lang };
    if (useStdin) {
      const name = opts.stdinFilename ?? "-";
      const { parseBuffer } = await import("../../parse/index.js");
      try {
        const parsed = await parseBuffer(await ctx.io.readStdin(), name);
        for (const w of parsed.warnings) session.note(`perfgoal: ${name}: ${w}`);
        const stdinResults = lintParseResult(parsed, name, options);
        const stdinFacts = wantFacts ? parsed.forms.map((f) => formFacts(f.form)) : [];
        for (const [i, r] of stdinResults.entries()) await emit(r, stdinFacts[i]);
        await feedback?.add(name, "stdin", stdinResults, stdinFacts);
      } catch (e) {
        if (!isPerfgoalError(e)) throw e;
        const failure = { ...e.toFailure(), internal: false };
        session.fail(name, failure);
        await emit(fatalResult(name, failure, lang));
      }
    }
    // Only json carries every message variant and the rule data; the other reports ask workers for less.
    // The 审核意见 are Chinese: under another language they need each finding's Chinese text, which only full results carry.
    const fullResults = feedback !== undefined && lang !== "zh";
    const render: RenderSpec | undefined = stream?.render && !fullResults ? { format: opts.format, lang, color, quiet: Boolean(opts.quiet), keepFindings: wantFacts } : undefined;
    const jobOptions = { config: lintConfig, facts: wantFacts, lean: opts.format !== "json" && !fullResults, ...(render ? { render } : {}) };
    const { unpackResult } = await import("../../batch/packed.js");
    for await (const outcome of session.run<ValidatePayload>({ command: "validate", lang, options: jobOptions })) {
      if (outcome.failure) await emit(fatalResult(outcome.name, outcome.failure, lang));
      else if (outcome.payload) {
        const { results: formResults, facts: formFactsList } = outcome.payload;
        const unpacked = formResults.map(unpackResult);
        for (const [i, r] of unpacked.entries()) await emit(r, formFactsList?.[i], outcome.payload.pieces?.[i]);
        await feedback?.add(outcome.name, outcome.index, unpacked, formFactsList);
      }
    }

    const ruleTitles = Object.fromEntries(rules.map((r) => [r.meta.id, r.meta.description[lang]]));
    const reviewReport = () =>
      review!.report({ lang, ...(version ? { version } : {}), skipped: session.skippedCounts(), skippedFiles: skipped, ruleTitles, interrupted: session.interrupted });
    if (session.interrupted) {
      // Nothing half-done is left under the report's name; on stdout the reports already written are closed.
      if (outputAbs || !stream) await sink.abort();
      else await sink.close(stream.end());
    } else {
      if (opts.summary) {
        try {
          await writeSummary(summaryAbs!, opts.summary, reviewReport(), session.inputPaths());
        } catch (e) {
          await sink.abort();
          return outputFailed(e);
        }
      }
      if (feedback) {
        try {
          await feedback.finish();
        } catch (e) {
          await sink.abort();
          return outputFailed(e);
        }
      }
      if (stream) await sink.close(stream.end());
      else {
        const { htmlReportPieces } = await import("../../report/html.js");
        for (const piece of htmlReportPieces(reviewReport())) await sink.write(piece);
        await sink.close("");
      }
    }
    session.printSummary();
    const tooManyWarnings = warningLimit >= 0 && warnings > warningLimit;
    if (tooManyWarnings) say(runCtx, t(runCtx, `perfgoal: 警告 ${warnings} 个，超过上限 ${warningLimit}`, `perfgoal: ${warnings} warnings exceed the limit of ${warningLimit}`));
    return session.exitCode(errors > 0 || tooManyWarnings ? EXIT.findings : EXIT.ok);
  } catch (e) {
    await sink.abort();
    return outputFailed(e);
  } finally {
    review?.close();
  }
}

/**
 * The 汇总表 beside the report: .xlsx streamed into its file as it is made, else CSV. Atomic either
 * way; any failure while writing it (no space, a file too large) is one
 * PG-E-OUTPUT naming `shown`.
 */
async function writeSummary(target: string, shown: string, report: import("../../batch/review.js").ReviewReport, inputs: string[]): Promise<void> {
  const { openAtomicWriter, writeFileAtomic } = await import("../io.js");
  const { outputFailure } = await import("../../model/errors.js");
  const { isXlsxName, summaryCsv, writeSummaryXlsx } = await import("../../report/summary-table.js");
  const named = (e: unknown) => outputFailure(e, shown).withFile(shown);
  if (!isXlsxName(target)) return writeFileAtomic(target, summaryCsv(report), { force: true, inputs }).catch((e: unknown) => Promise.reject(named(e)));
  const file = await openAtomicWriter(target, { force: true, inputs }).catch((e: unknown) => Promise.reject(named(e)));
  try {
    await writeSummaryXlsx(report, file.write);
    await file.commit();
  } catch (e) {
    await file.abort();
    throw named(e);
  }
}

/**
 * The --feedback writer, after refusing (null, its line said) documents already there without
 * --force and a report or 汇总表 named like one of them. Each submission's write failure is
 * that input's failure; the summary's is the run's.
 */
async function openFeedback(
  ctx: CommandContext,
  session: import("../../batch/session.js").BatchSession,
  o: { dir: string; force: boolean; quiet: boolean; stdinName?: string; others: string[]; rules: readonly import("../../rules/types.js").Rule[]; bands: import("../../lint/grade.js").GradeBands | undefined },
) {
  const { FeedbackWriter } = await import("../../feedback/writer.js");
  const { isPerfgoalError } = await import("../../model/errors.js");
  const path = await import("node:path");
  const cwd = ctx.io.cwd;
  const shown = (p: string) => path.relative(cwd, p) || p;
  const writer = new FeedbackWriter({
    dir: o.dir,
    files: session.files,
    cwd,
    ...(o.stdinName !== undefined ? { stdinName: o.stdinName } : {}),
    force: o.force,
    inputs: session.inputPaths(),
    titles: new Map(o.rules.map((r) => [r.meta.id, r.meta.description.zh])),
    ...(o.bands ? { bands: o.bands } : {}),
  });
  const clash = o.others.find((p) => writer.owns(p));
  if (clash) {
    usage(ctx, `${shown(clash)} 与 --feedback 的输出同名`, `${shown(clash)} is also one of the --feedback outputs`);
    return null;
  }
  const existing = o.force ? [] : writer.existing();
  if (existing.length > 0) {
    const more = existing.length > 1 ? t(ctx, `（共 ${existing.length} 个）`, ` (${existing.length} in all)`) : "";
    usage(ctx, `${shown(existing[0]!)} 已存在${more}；用 --force 覆盖`, `${shown(existing[0]!)} exists${more}; use --force to replace`);
    return null;
  }
  return {
    writer,
    async add(...args: Parameters<typeof writer.addFile>): Promise<void> {
      try {
        await writer.addFile(...args);
      } catch (e) {
        if (!isPerfgoalError(e)) throw e;
        session.refuseOutput(e.code, `perfgoal: ${e.describe(ctx.lang, e.file ? shown(e.file) : args[0])}`, true);
      }
    },
    async finish(): Promise<void> {
      await writer.finish();
      if (!o.quiet) session.note(t(ctx, `perfgoal: 审核意见 ${writer.written - 1} 份及 ${shown(writer.summaryTarget)} 已写入 ${shown(o.dir)}`, `perfgoal: ${writer.written - 1} 审核意见 and ${shown(writer.summaryTarget)} written to ${shown(o.dir)}`));
    },
  };
}

/** The config of this run: none (--no-config), the named file, or the nearest perfgoal.config.yaml. */
async function loadRunConfig(
  ctx: CommandContext,
  opts: ValidateOptions,
  metas: readonly import("../../rules/types.js").RuleMeta[],
): Promise<import("../../config/resolve.js").ResolvedConfig | undefined> {
  // The YAML parser and zod load only when there is a config file to read.
  const { findConfigFile } = await import("../../config/find.js");
  const { resolveConfig } = await import("../../config/resolve.js");
  const { isPerfgoalError } = await import("../../model/errors.js");
  const path = await import("node:path");
  try {
    if (opts.config === false) return resolveConfig(undefined, metas, ctx.lang);
    const file = opts.config ? path.resolve(ctx.io.cwd, opts.config) : await findConfigFile(ctx.io.cwd);
    if (!file) return resolveConfig(undefined, metas, ctx.lang);
    const { loadConfigFile } = await import("../../config/load.js");
    const resolved = resolveConfig(await loadConfigFile(file, ctx.lang), metas, ctx.lang);
    // A misspelt profile would review with none: refused like an unknown --profile.
    if (resolved.profile !== undefined && !PROFILE_NAMES.includes(resolved.profile)) {
      const shown = path.relative(ctx.io.cwd, file) || file;
      say(ctx, `perfgoal: ${shown}: ${t(ctx, `profile 应为 ${PROFILE_NAMES.join("、")} 之一（收到 ${resolved.profile}）`, `profile must be one of ${PROFILE_NAMES.join(", ")} (got ${resolved.profile})`)} [PG-E-CONFIG]`);
      return undefined;
    }
    return resolved;
  } catch (e) {
    if (!isPerfgoalError(e)) throw e;
    say(ctx, `perfgoal: ${e.describe(ctx.lang)}`);
    return undefined;
  }
}

async function packageVersion(): Promise<string | undefined> {
  const { readFile } = await import("node:fs/promises");
  try {
    const pkg = JSON.parse(await readFile(new URL("../../../package.json", import.meta.url), "utf8")) as { version?: string };
    return pkg.version;
  } catch {
    return undefined;
  }
}
