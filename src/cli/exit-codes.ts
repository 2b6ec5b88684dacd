import type { Lang } from "./context.js";

/**
 * perfgoal's exit codes, one per kind of failure, the same for every command (docs/cli.md).
 * The principle: 1 is about the forms (a form has errors, or a file could not be read as one: fix
 * or replace the file); 2 is about the command (how it was called, its config, where it writes:
 * fix the command line — add --force, choose another output — and the same forms will go through).
 */
export const EXIT = {
  /** No errors (and warnings within --max-warnings). */
  ok: 0,
  /** Findings of severity error, warnings over --max-warnings, or an input that could not be read. */
  findings: 1,
  /**
   * Usage or config: an unknown option or bad value, a missing input path, an output that exists
   * (without --force), is an input, or cannot be written; also perfgoal's own failure.
   */
  usage: 2,
  /** Ctrl-C (128 + SIGINT): what was done is reported, nothing half-written stays. */
  interrupted: 130,
  /** SIGTERM (128 + 15) and SIGHUP (128 + 1): stopped at once, temporary files removed. */
  terminated: 143,
  hangup: 129,
} as const;

/** Error codes about the command rather than the forms (see EXIT): exit 2 wherever they arise. */
const COMMAND_ERRORS: ReadonlySet<string> = new Set(["PG-E-NOT-FOUND", "PG-E-EXISTS", "PG-E-SAME-AS-INPUT", "PG-E-OUTPUT", "PG-E-CONFIG", "PG-E-INTERNAL"]);

/** The exit code a PerfgoalError's code stands for. */
export function exitCodeFor(code: string): number {
  return COMMAND_ERRORS.has(code) ? EXIT.usage : EXIT.findings;
}

const EXIT_HELP = {
  zh: `
退出码：
  0    无错误（警告未超过 --max-warnings）
  1    有错误级问题、警告超过 --max-warnings，或有输入文件无法读取
  2    用法或配置错误：未知选项、选项值无效、输入路径不存在；输出文件已存在
       （未加 --force）、就是输入或无法写入；perfgoal 自身故障
  130  Ctrl-C 中断    143  被终止（SIGTERM）    129  终端关闭（SIGHUP）
`,
  en: `
Exit codes:
  0    no errors (and warnings within --max-warnings)
  1    errors found, warnings over --max-warnings, or an unreadable input
  2    usage or config: unknown option, bad option value, missing input path;
       an output that exists (without --force), is an input or cannot be
       written; perfgoal's own failure
  130  Ctrl-C    143  terminated (SIGTERM)    129  hang-up (SIGHUP)
`,
} as const;

/** The exit-code table closing every command's help. */
export function exitHelp(lang: Lang): string {
  return EXIT_HELP[lang];
}
