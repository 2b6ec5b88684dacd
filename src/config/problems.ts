import { PerfgoalError } from "../model/errors.js";
import { pathToString, type PathKey } from "../model/path.js";
import type { Lang } from "../lint/types.js";
import { say } from "./messages.js";
import type { PerfgoalConfig } from "./schema.js";

/** A config as read: the validated data, where it came from, and the line of any key in it. */
export interface LoadedConfig {
  file?: string;
  config: PerfgoalConfig;
  /** 1-based line of the key (or item) at `keys`, when known. */
  lineOf(keys: readonly PathKey[]): number | undefined;
}

/** `rules.foo（第3行）：message` */
export function describeAt(keys: readonly PathKey[], lineOf: LoadedConfig["lineOf"], message: string, lang: Lang): string {
  const where = pathToString(keys) || say("root", lang);
  const line = lineOf(keys);
  return `${where}${line ? say("line", lang, { line }) : ""}${lang === "zh" ? "：" : ": "}${message}`;
}

export function joinProblems(problems: readonly string[], lang: Lang): string {
  const shown = problems.slice(0, 5).join(lang === "zh" ? "；" : "; ");
  return problems.length > 5 ? shown + say("more", lang, { n: problems.length - 5 }) : shown;
}

export function configError(detail: string, file: string | undefined): PerfgoalError {
  return new PerfgoalError("PG-E-CONFIG", detail, file !== undefined ? { file } : {});
}
