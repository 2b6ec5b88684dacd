import { ERROR_CODES, isPerfgoalError, PerfgoalError } from "../model/errors.js";
import { parseBuffer, parseFile, type ParseResult } from "../parse/index.js";
import { lintForm } from "./lint-form.js";
import type { FatalResult, LintOptions, LintResult } from "./types.js";

export type FileLintOptions = Omit<LintOptions, "file" | "formIndex">;

/** What reviewing one input gave: one result per form (or one fatal result), and remarks on odd input. */
export interface FileLintOutcome {
  results: LintResult[];
  /** Odd but readable input (wrong extension, unusual encoding …). */
  warnings: string[];
  /** True when perfgoal itself failed on this file (a bug, not bad input). */
  internal: boolean;
}

/** Read and review one file; `name` is how reports call it (default: the path as given). */
export async function lintFile(path: string, options: FileLintOptions, name = path): Promise<FileLintOutcome> {
  return lintParsed(() => parseFile(path), name, options);
}

/** Review bytes already in memory (stdin); `name` also guides format detection (`.yaml`). */
export async function lintBytes(bytes: Uint8Array, name: string, options: FileLintOptions): Promise<FileLintOutcome> {
  return lintParsed(() => parseBuffer(bytes, name), name, options);
}

async function lintParsed(parse: () => Promise<ParseResult>, name: string, options: FileLintOptions): Promise<FileLintOutcome> {
  let parsed: ParseResult;
  try {
    parsed = await parse();
  } catch (e) {
    if (isPerfgoalError(e)) return { results: [fatalResult(name, e, options.lang)], warnings: [], internal: false };
    const internal = new PerfgoalError("PG-E-INTERNAL", e instanceof Error ? e.message.split("\n")[0] : String(e), { file: name, cause: e });
    return { results: [fatalResult(name, internal, options.lang)], warnings: [], internal: true };
  }
  const several = parsed.forms.length > 1;
  const results = parsed.forms.map(({ form, sourceMap }, i) =>
    lintForm(form, sourceMap, { ...options, file: name, ...(several ? { formIndex: i + 1 } : {}) }),
  );
  return { results, warnings: parsed.warnings, internal: false };
}

/** An unreadable input as a result, in both languages, carrying its stable code. */
export function fatalResult(file: string, error: PerfgoalError, lang: "zh" | "en" = "zh"): FatalResult {
  const reason = (l: "zh" | "en") => {
    const text = ERROR_CODES[error.code][l];
    return error.detail ? `${text}${l === "zh" ? "：" : ": "}${error.detail}` : text;
  };
  const messageZh = reason("zh");
  const messageEn = reason("en");
  return { file, fatal: { code: error.code, message: lang === "en" ? messageEn : messageZh, messageZh, messageEn } };
}
