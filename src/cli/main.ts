import { Command, CommanderError } from "commander";
import { readFileSync } from "node:fs";
import { isPerfgoalError, terminalText } from "../model/errors.js";
import type { CliIO } from "./io.js";
import { EXIT, EXIT_HELP_ZH } from "./exit-codes.js";
import type { CommandContext, Lang } from "./context.js";
import { registerParse } from "./commands/parse.js";
import { registerCommands } from "./commands/registry.js";

function version(): string {
  const pkg = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { version: string };
  return pkg.version;
}

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
  const ctx: CommandContext = {
    io,
    lang: globalLang(argv, io.env),
    debug: argv.includes("--debug"),
    color: io.stdoutIsTTY && !("NO_COLOR" in io.env && io.env.NO_COLOR !== "") && !argv.includes("--no-color"),
    exitCode: EXIT.ok,
  };
  const program = new Command("perfgoal")
    .description(
      ctx.lang === "en"
        ? "Parse, validate and render project-expenditure performance-goal declaration forms"
        : "项目支出（预算）绩效目标申报表：解析、审核与生成",
    )
    .version(version(), "-V, --version")
    .option("--lang <lang>", "zh|en: 输出语言 / language of messages", "zh")
    .option("--debug", "出错时显示堆栈 / show stack traces")
    .option("--no-color", "不使用颜色 / no colours (also NO_COLOR)")
    .addHelpText("after", EXIT_HELP_ZH)
    .showHelpAfterError()
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.stdout(s), writeErr: (s) => io.stderr(terminalText(s)) });

  registerParse(program, ctx);
  registerCommands(program, ctx);
  for (const cmd of program.commands) {
    // An argument echoed in an error (`unknown option '\x1b[2J'`) is shown escaped.
    cmd.exitOverride().configureOutput({ writeOut: (s) => io.stdout(s), writeErr: (s) => io.stderr(terminalText(s)) });
    cmd.addHelpText("after", EXIT_HELP_ZH);
  }

  try {
    await program.parseAsync([...argv], { from: "user" });
    return ctx.exitCode;
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.code === "commander.helpDisplayed" || e.code === "commander.version" || e.code === "commander.help") return EXIT.ok;
      return EXIT.usage;
    }
    if (isPerfgoalError(e)) {
      io.stderr(`${terminalText(`perfgoal: ${e.describe(ctx.lang)}`)}\n`);
      if (ctx.debug && e.stack) io.stderr(`${e.stack}\n`);
      return e.code === "PG-E-NOT-FOUND" ? EXIT.usage : EXIT.findings;
    }
    const err = e as Error;
    io.stderr(`${terminalText(`perfgoal: ${ctx.lang === "en" ? "internal error" : "内部错误"}: ${err?.message ?? String(e)}`)}\n`);
    if (ctx.debug && err?.stack) io.stderr(`${err.stack}\n`);
    return EXIT.usage;
  }
}
