import type { Lang } from "./context.js";

/**
 * A command line perfgoal cannot run as written: an unknown option, a bad option value, a missing
 * argument. Shown as one line (`perfgoal: …`) and exit 2, never with the help after it.
 */
export class UsageError extends Error {
  constructor(readonly text: { zh: string; en: string }) {
    super(text.en);
    this.name = "UsageError";
  }

  describe(lang: Lang): string {
    return this.text[lang];
  }
}

export function isUsageError(e: unknown): e is UsageError {
  return e instanceof UsageError;
}

/** The `--help` hint closing a usage error: `perfgoal validate --help` for a command's own mistakes. */
export function helpHint(commandPath: string): { zh: string; en: string } {
  return { zh: `运行 ${commandPath} --help 查看用法`, en: `run ${commandPath} --help for usage` };
}
