import { CommanderError } from "commander";
import { readFileSync } from "node:fs";
import { isPerfgoalError, terminalText } from "../model/errors.js";
import type { CliIO } from "./io.js";
import { EXIT, exitCodeFor, exitHelp } from "./exit-codes.js";
import type { CommandContext, Lang } from "./context.js";
import { t } from "./context.js";
import { PerfgoalCommand } from "./command.js";
import { HELP_WORDS } from "./help-zh.js";
import { oneOf } from "./option-values.js";
import { isUsageError } from "./usage-error.js";
import { registerParse } from "./commands/parse.js";
import { registerCommands } from "./commands/registry.js";

function version(): string {
  const pkg = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { version: string };
  return pkg.version;
}

/** --lang is read before commander runs: the help and commander's errors are already in it. */
function globalLang(argv: readonly string[], env: CliIO["env"]): Lang {
  const i = argv.indexOf("--lang");
  const v = i >= 0 ? argv[i + 1] : argv.find((a) => a.startsWith("--lang="))?.slice(7);
  if (v === "en" || v === "zh") return v;
  return env.PERFGOAL_LANG === "en" ? "en" : "zh";
}

/**
 * Run perfgoal with `argv` (without node and script) against `io`; resolves to the exit code.
 * Only this layer touches the outside world, through `io`.
 */
export async function run(argv: readonly string[], io: CliIO): Promise<number> {
  const envLang = io.env.PERFGOAL_LANG;
  // A misspelt PERFGOAL_LANG would fall back unseen, like a misspelt --lang.
  if (envLang !== undefined && envLang !== "" && envLang !== "zh" && envLang !== "en") {
    io.stderr(`${terminalText(`perfgoal: PERFGOAL_LANG 应为 zh、en 之一（收到 ${envLang}）`)}\n`);
    return EXIT.usage;
  }
  const ctx: CommandContext = {
    io,
    lang: globalLang(argv, io.env),
    debug: argv.includes("--debug"),
    color: io.stdoutIsTTY && !("NO_COLOR" in io.env && io.env.NO_COLOR !== "") && !argv.includes("--no-color"),
    exitCode: EXIT.ok,
  };
  const word = (w: { zh: string; en: string }) => t(ctx, w.zh, w.en);
  // An argument echoed in a message (`未知选项 \x1b[2J`) is shown escaped.
  const output = { writeOut: (s: string) => io.stdout(s), writeErr: (s: string) => io.stderr(terminalText(s)), outputError: () => undefined };
  const program = new PerfgoalCommand("perfgoal", ctx.lang)
    .description(t(ctx, "项目支出（预算）绩效目标申报表：解析、审核与生成", "Parse, validate and render project-expenditure performance-goal declaration forms"))
    .version(version(), "-V, --version", word(HELP_WORDS.version))
    .helpOption("-h, --help", word(HELP_WORDS.help))
    .helpCommand("help [command]", word(HELP_WORDS.helpCommand))
    .option("--lang <lang>", t(ctx, "输出语言：zh（默认）或 en，也可设 PERFGOAL_LANG", "language of messages: zh (default) or en; also PERFGOAL_LANG"), oneOf("--lang", ["zh", "en"]))
    .option("--debug", t(ctx, "出错时显示堆栈", "show stack traces"))
    .option("--no-color", t(ctx, "不使用颜色（也可设 NO_COLOR）", "no colours (also NO_COLOR)"))
    .addHelpText("after", exitHelp(ctx.lang))
    .exitOverride()
    .configureOutput(output);

  registerParse(program, ctx);
  registerCommands(program, ctx);
  for (const cmd of program.commands) {
    cmd.exitOverride().configureOutput(output);
    cmd.addHelpText("after", exitHelp(ctx.lang));
  }

  try {
    await program.parseAsync([...argv], { from: "user" });
    return ctx.exitCode;
  } catch (e) {
    if (isUsageError(e)) {
      io.stderr(`${terminalText(`perfgoal: ${e.describe(ctx.lang)}`)}\n`);
      return EXIT.usage;
    }
    if (e instanceof CommanderError) {
      // --help and --version; `perfgoal` alone shows the help too, but as a usage error.
      if (e.code === "commander.helpDisplayed" || e.code === "commander.version" || e.code === "commander.help") return e.exitCode === 0 ? EXIT.ok : EXIT.usage;
      // A commander message perfgoal has no words of its own for: still one line.
      io.stderr(`${terminalText(`perfgoal: ${e.message.replace(/^error: /, "")}`)}\n`);
      return EXIT.usage;
    }
    if (isPerfgoalError(e)) {
      io.stderr(`${terminalText(`perfgoal: ${e.describe(ctx.lang)}`)}\n`);
      if (ctx.debug && e.stack) io.stderr(`${e.stack}\n`);
      return exitCodeFor(e.code);
    }
    const err = e as Error;
    io.stderr(`${terminalText(`perfgoal: ${ctx.lang === "en" ? "internal error" : "内部错误"}: ${err?.message ?? String(e)}`)}\n`);
    if (ctx.debug && err?.stack) io.stderr(`${err.stack}\n`);
    return EXIT.usage;
  }
}
