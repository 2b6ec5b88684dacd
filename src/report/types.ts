import type { Lang, ReportResult, SeverityCounts } from "../lint/types.js";
import type { RuleMeta } from "../rules/types.js";
import type { FormFacts } from "../batch/review.js";
import type { FileStatus, SkippedFile } from "./accounting.js";

export interface FormatterOptions {
  lang: Lang;
  /** Colour codes in the output (stylish and summary); the CLI decides, never the formatter. */
  color?: boolean;
  /** Metadata of the rules that ran, for formats that carry it (json). */
  rules?: readonly RuleMeta[];
  /** perfgoal's version, for formats that name the tool. */
  version?: string;
  /** Files the walk passed over that get a line of their own (sorted by path), so every file received is named. */
  skippedFiles?: readonly SkippedFile[];
}

/** A formatter is pure: results in, text out. Only the CLI writes it anywhere. */
export type Formatter = (results: readonly ReportResult[], options: FormatterOptions) => string;

/**
 * The same report, piece by piece, so a batch writes each file's report as it arrives and keeps
 * only counts: start() + add(r)… + end() is byte for byte what the formatter returns.
 */
export interface ReportStream {
  start(): string;
  /** One result, in input order; `facts` (department, budget, cost sum) for the formats that show them (json). */
  add(result: ReportResult, facts?: FormFacts): string;
  end(): string;
  /**
   * Formats where a result's text needs nothing of the others (stylish, csv) split add() in two:
   * render() anywhere (a worker), addPiece() in order; add(r) is addPiece(render(r)).
   */
  render?(result: ReportResult): ReportPiece;
  addPiece?(piece: ReportPiece): string;
}

/** A result's report text, and the counts of the findings it shows (none for an unreadable file). */
export interface ReportPiece {
  text: string;
  counts?: SeverityCounts;
  /** How many of the findings shown `perfgoal fix` can correct. */
  fixable?: number;
  /** An unreadable file, for the closing list of the files not read. */
  unread?: { file: string; status: FileStatus; reason: string; code?: string };
  /** Findings a filter (--quiet) left out of the text, so the closing line can say so. */
  hidden?: SeverityCounts;
}

export type StreamFormatter = (options: FormatterOptions) => ReportStream;

/** The whole-report formatter of a streaming one. */
export function collect(stream: StreamFormatter): Formatter {
  return (results, options) => {
    const s = stream(options);
    let out = s.start();
    for (const r of results) out += s.add(r);
    return out + s.end();
  };
}
