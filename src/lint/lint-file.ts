import { ERROR_CODES, isPerfgoalError, PerfgoalError } from "../model/errors.js";
import { parseBuffer, parseFile, type ParseResult } from "../parse/index.js";
import { lintForm } from "./lint-form.js";
import type { FatalResult, FormResult, LintOptions, LintResult } from "./types.js";

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
  return { results: lintParseResult(parsed, name, options), warnings: parsed.warnings, internal: false };
}

/** Review every form a file gave; forms are numbered when there are several. */
export function lintParseResult(parsed: ParseResult, name: string, options: FileLintOptions): FormResult[] {
  const several = parsed.forms.length > 1;
  return parsed.forms.map(({ form, sourceMap, notes }, i) => lintForm(form, sourceMap, { ...options, file: name, ...(several ? { formIndex: i + 1 } : {}) }, notes));
}

/** An unreadable input as a result, in both languages, carrying its stable code. */
export function fatalResult(file: string, error: { code: string; detail?: string | undefined; detailEn?: string | undefined }, lang: "zh" | "en" = "zh"): FatalResult {
  const known = (ERROR_CODES as Record<string, { zh: string; en: string } | undefined>)[error.code];
  const reason = (l: "zh" | "en") => {
    const text = known ? known[l] : error.code;
    const detail = l === "en" ? (error.detailEn ?? error.detail) : error.detail;
    return detail ? `${text}${l === "zh" ? "：" : ": "}${detail}` : text;
  };
  const messageZh = reason("zh");
  const messageEn = reason("en");
  return { file, fatal: { code: error.code, message: lang === "en" ? messageEn : messageZh, messageZh, messageEn } };
}
