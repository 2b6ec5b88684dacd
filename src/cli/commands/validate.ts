import type { Command } from "commander";
import type { CommandContext, Lang } from "../context.js";
import { say, t } from "../context.js";
import { EXIT } from "../exit-codes.js";

export interface ValidateOptions {
  format: string;
  output?: string;
  quiet?: boolean;
  maxWarnings?: string;
  /** A file name, false for --no-config, undefined to look for perfgoal.config.yaml. */
  config?: string | false;
  era?: string;
  profile?: string;
  stdinFilename?: string;
}

const CONFIG_HELP = `
配置 / config: perfgoal.config.yaml（从当前文件夹向上查找 / looked for upward from the working folder）
  lang: zh | en
  era: A | B            # 表单未显示口径时采用 / used when a form does not show its era
  detectEra: false      # 总是采用 era / always use era
  profile: central-2021
  maxWarnings: 10
  rules:
    <规则 id 或编号 / rule id or code>: off | info | warning | error
    <id>: [warning, { <选项 / option>: <值 / value> }]
`;

export function registerValidate(program: Command, ctx: CommandContext): void {
  program
    .command("validate")
    .description(t(ctx, "按审核规则检查申报表，指出每个问题所在的单元格或行", "review forms against the rules; each finding points at its cell or line"))
    .argument("<paths...>", t(ctx, "文件（.txt .docx .doc .yaml）、文件夹或通配符，- 表示标准输入", "files (.txt .docx .doc .yaml), folders or globs; - for stdin"))
    .option("-f, --format <name>", t(ctx, "报告格式：stylish、json、csv、summary", "report format: stylish, json, csv, summary"), "stylish")
    .option("-o, --output <file>", t(ctx, "把报告写入文件（可覆盖旧报告，从不覆盖输入）", "write the report to a file (replaces an old report, never an input)"))
    .option("--quiet", t(ctx, "只报告错误", "report errors only"))
    .option("--max-warnings <n>", t(ctx, "警告超过 n 个时退出码为 1（-1 表示不限）", "exit 1 when there are more than n warnings (-1: no limit)"))
    .option("-c, --config <file>", t(ctx, "使用指定的配置文件", "use this config file"))
    .option("--no-config", t(ctx, "不读取任何配置文件", "use no config file"))
    .option("--era <era>", t(ctx, "强制指标体系口径：A（88号）或 B（101号）", "force the taxonomy era: A (88号) or B (101号)"))
    .option("--profile <name>", t(ctx, "审核口径，如 central-2021", "review profile, e.g. central-2021"))
    .option("--stdin-filename <name>", t(ctx, "标准输入在报告中的名称（.yaml 结尾表示 YAML）", "name of stdin in reports (ending in .yaml selects YAML)"))
    .addHelpText("after", CONFIG_HELP)
    .configureHelp({ showGlobalOptions: true })
    .action(async (paths: string[], opts: ValidateOptions, cmd: Command) => {
      const langFromCli = cmd.parent?.getOptionValueSource("lang") === "cli" || ctx.io.env.PERFGOAL_LANG !== undefined;
      ctx.exitCode = await validateCommand(ctx, paths, opts, langFromCli);
    });
}

function usage(ctx: CommandContext, zh: string, en: string): number {
  say(ctx, `perfgoal: ${t(ctx, zh, en)}`);
  return EXIT.usage;
}

/** `perfgoal validate`: read, review, report. Returns the exit code. */
export async function validateCommand(ctx: CommandContext, paths: string[], opts: ValidateOptions, langFromCli: boolean): Promise<number> {
  const { FORMATTER_NAMES, loadFormatter } = await import("../../report/index.js");
  const formatter = await loadFormatter(opts.format);
  if (!formatter) return usage(ctx, `未知的报告格式 ${opts.format}（可用：${FORMATTER_NAMES.join("、")}）`, `unknown format ${opts.format} (one of: ${FORMATTER_NAMES.join(", ")})`);
  let maxWarnings: number | undefined;
  if (opts.maxWarnings !== undefined) {
    maxWarnings = Number(opts.maxWarnings);
    if (!Number.isInteger(maxWarnings) || maxWarnings < -1) return usage(ctx, `--max-warnings 应为不小于 -1 的整数`, `--max-warnings must be an integer ≥ -1`);
  }
  if (opts.era !== undefined && opts.era !== "A" && opts.era !== "B") return usage(ctx, `--era 应为 A 或 B`, `--era must be A or B`);

  const { loadRules } = await import("../../lint/rule-registry.js");
  const rules = await loadRules();
  const config = await loadRunConfig(ctx, opts, rules.map((r) => r.meta));
  if (config === undefined) return EXIT.usage;
  const lang: Lang = langFromCli ? ctx.lang : (config.lang ?? ctx.lang);
  const lintConfig = {
    ...config,
    ...(opts.era ? { era: opts.era as "A" | "B", detectEra: false } : {}),
    ...(opts.profile ? { profile: opts.profile } : {}),
  };
  const warningLimit = maxWarnings ?? config.maxWarnings ?? -1;

  const inputs = await collectInputs(ctx, paths, opts.output);
  if (typeof inputs === "number") return inputs;

  const { lintFile, lintBytes, fatalResult, isFatal } = await import("../../lint/index.js");
  const { PerfgoalError } = await import("../../model/errors.js");
  const path = await import("node:path");
  const results: import("../../lint/types.js").LintResult[] = [];
  let internal = false;
  const options = { rules, config: lintConfig, lang };
  for (const dir of inputs.unreadable) results.push(fatalResult(dir.file, new PerfgoalError(dir.code, dir.detail), lang));
  for (const file of inputs.files) {
    const outcome =
      file === "-"
        ? await lintBytes(await ctx.io.readStdin(), opts.stdinFilename ?? "-", options)
        : await lintFile(path.resolve(ctx.io.cwd, file), options, file);
    internal ||= outcome.internal;
    if (!opts.quiet) for (const w of outcome.warnings) say(ctx, `perfgoal: ${file}: ${w}`);
    results.push(...outcome.results);
  }
  for (const r of results) if (isFatal(r)) say(ctx, `perfgoal: ${r.file}: ${r.fatal.message} [${r.fatal.code}]`);

  // The exit code comes from every finding; --quiet only changes what is shown.
  let errors = 0;
  let warnings = 0;
  let fatal = 0;
  for (const r of results) {
    if (isFatal(r)) fatal++;
    else {
      errors += r.counts.error;
      warnings += r.counts.warning;
    }
  }
  const shown = opts.quiet ? results.map((r) => (isFatal(r) ? r : { ...r, findings: r.findings.filter((f) => f.severity === "error") })) : results;
  const report = formatter(shown, { lang, color: ctx.color && !opts.output, rules: rules.map((r) => r.meta), version: await packageVersion() });
  if (opts.output) {
    const { writeFileAtomic } = await import("../io.js");
    try {
      await writeFileAtomic(path.resolve(ctx.io.cwd, opts.output), report, { force: true, inputs: inputs.absolute });
    } catch (e) {
      if (!(e instanceof PerfgoalError)) throw e;
      say(ctx, `perfgoal: ${e.describe(lang)}`);
      return EXIT.usage;
    }
  } else ctx.io.stdout(report);

  const tooManyWarnings = warningLimit >= 0 && warnings > warningLimit;
  if (tooManyWarnings) say(ctx, lang === "zh" ? `perfgoal: 警告 ${warnings} 个，超过上限 ${warningLimit}` : `perfgoal: ${warnings} warnings exceed the limit of ${warningLimit}`);
  if (internal) return EXIT.usage;
  return errors > 0 || fatal > 0 || tooManyWarnings ? EXIT.findings : EXIT.ok;
}

/** The config of this run: none (--no-config), the named file, or the nearest perfgoal.config.yaml. */
async function loadRunConfig(
  ctx: CommandContext,
  opts: ValidateOptions,
  metas: readonly import("../../rules/types.js").RuleMeta[],
): Promise<import("../../config/index.js").ResolvedConfig | undefined> {
  const { findConfigFile, loadConfigFile, resolveConfig } = await import("../../config/index.js");
  const { isPerfgoalError } = await import("../../model/errors.js");
  const path = await import("node:path");
  try {
    if (opts.config === false) return resolveConfig(undefined, metas, ctx.lang);
    const file = opts.config ? path.resolve(ctx.io.cwd, opts.config) : await findConfigFile(ctx.io.cwd);
    if (!file) return resolveConfig(undefined, metas, ctx.lang);
    return resolveConfig(await loadConfigFile(file, ctx.lang), metas, ctx.lang);
  } catch (e) {
    if (!isPerfgoalError(e)) throw e;
    say(ctx, `perfgoal: ${e.describe(ctx.lang)}`);
    return undefined;
  }
}

interface CollectedInputs {
  /** Paths as shown to the user, in review order; "-" is stdin. */
  files: string[];
  /** Absolute paths of every input, which the report may never overwrite. */
  absolute: string[];
  unreadable: { file: string; code: import("../../model/errors.js").ErrorCode; detail?: string }[];
}

/** Expand paths, folders and globs; a missing path or an empty selection is a usage error (exit code returned). */
async function collectInputs(ctx: CommandContext, paths: readonly string[], output: string | undefined): Promise<CollectedInputs | number> {
  const { expandInputs } = await import("../../batch/expand.js");
  const path = await import("node:path");
  const expanded = await expandInputs(paths.filter((p) => p !== "-"), ctx.io.cwd);
  for (const m of expanded.missing) say(ctx, `perfgoal: ${m}: ${t(ctx, "文件不存在或没有匹配的文件", "no such file, or nothing matches")} [PG-E-NOT-FOUND]`);
  if (expanded.missing.length > 0) return EXIT.usage;
  const named = new Set(paths.map((p) => path.resolve(ctx.io.cwd, p)));
  const outputAbs = output ? path.resolve(ctx.io.cwd, output) : undefined;
  // A previous report found while walking a folder is not an input; named on the command line it is.
  const files = expanded.files.filter((f) => {
    const abs = path.resolve(ctx.io.cwd, f.file);
    return abs !== outputAbs || named.has(abs);
  });
  const list = [...(paths.includes("-") ? ["-"] : []), ...files.map((f) => f.file)];
  if (list.length === 0 && expanded.unreadable.length === 0) {
    return usage(ctx, `没有找到可审核的文件（已跳过 ${expanded.skipped.length} 个）`, `no forms to review (${expanded.skipped.length} skipped)`);
  }
  return { files: list, absolute: files.map((f) => path.resolve(ctx.io.cwd, f.file)), unreadable: expanded.unreadable };
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
