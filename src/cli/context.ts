import { terminalText } from "../model/errors.js";
import { EXIT } from "./exit-codes.js";
import type { CliIO } from "./io.js";

export type Lang = "zh" | "en";

/** What every command receives: the IO, and the global options. */
export interface CommandContext {
  io: CliIO;
  lang: Lang;
  debug: boolean;
  color: boolean;
  /** Set by a command's action; main returns it. */
  exitCode: number;
}

/** Say one line on stderr; control characters (from a file name, a form, an argument) are shown escaped. */
export function say(ctx: CommandContext, line: string): void {
  const shown = terminalText(line.endsWith("\n") ? line.slice(0, -1) : line);
  ctx.io.stderr(`${shown}\n`);
}

/** zh / en text chosen by --lang. */
export function t(ctx: { lang: Lang }, zh: string, en: string): string {
  return ctx.lang === "en" ? en : zh;
}

/** A mistake in the command line that a command finds itself: one line, and the usage exit code. */
export function usage(ctx: CommandContext, zh: string, en: string): number {
  say(ctx, `perfgoal: ${t(ctx, zh, en)}`);
  return EXIT.usage;
}
