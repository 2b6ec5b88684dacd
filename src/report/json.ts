import type { FormFacts } from "../batch/review.js";
import { isFatal, type FatalResult, type ReportFormResult, type ReportResult } from "../lint/types.js";
import { FILE_STATUS_LABELS, skippedQueue, statusOfCode, type FileStatus, type SkippedFile } from "./accounting.js";
import type { ReportStream, StreamFormatter } from "./types.js";
import { collect } from "./types.js";

/**
 * Version of the JSON report's shape (schemas/report.schema.json); raised only when a field changes
 * meaning or disappears. 2: one entry per file received (`files`), forms inside it.
 */
export const JSON_SCHEMA_VERSION = 2;

/** One file received: reviewed (its forms), or why not. The same shape for every file. */
export interface JsonFileEntry {
  file: string;
  status: FileStatus;
  /** Why it was not reviewed, in the report's language and in both. */
  reason?: string;
  reasonZh?: string;
  reasonEn?: string;
  code?: string;
  forms: JsonForm[];
}

/** One form's review: the result as the engine made it, with the header facts the 汇总表 shows. */
export type JsonForm = Omit<ReportFormResult, "file"> & {
  department?: string;
  /** 资金总额 as the form gives it, its unit, and in 万元. */
  budget?: { total: number; amountUnit?: string; wanYuan?: number };
  /** Σ of the money-valued 成本 indicators of the annual table in 万元 (what cost-within-budget checks). */
  costSumWanYuan?: number;
};

export interface JsonTotals {
  files: number;
  forms: number;
  errors: number;
  warnings: number;
  infos: number;
  byStatus: Record<FileStatus, number>;
}

export function jsonForm(result: ReportFormResult, facts: FormFacts | undefined): JsonForm {
  const { file: _file, formIndex, project, grade, counts, findings, ...rest } = result;
  const budget =
    facts?.fundingTotal !== undefined
      ? {
          total: facts.fundingTotal,
          ...(facts.amountUnit ? { amountUnit: facts.amountUnit } : {}),
          ...(facts.budgetWanYuan !== undefined ? { wanYuan: facts.budgetWanYuan } : {}),
        }
      : undefined;
  return {
    ...(formIndex !== undefined ? { formIndex } : {}),
    ...(project !== undefined ? { project } : {}),
    ...(facts?.department ? { department: facts.department } : {}),
    ...(budget ? { budget } : {}),
    ...(facts?.costSumWanYuan !== undefined ? { costSumWanYuan: facts.costSumWanYuan } : {}),
    grade,
    counts,
    ...rest,
    findings,
  };
}

function fatalEntry(result: FatalResult): JsonFileEntry {
  const { code, message, messageZh, messageEn } = result.fatal;
  return { file: result.file, status: statusOfCode(code), reason: message, reasonZh: messageZh, reasonEn: messageEn, code, forms: [] };
}

function skippedEntry(s: SkippedFile): JsonFileEntry {
  return { file: s.file, status: s.status, reason: s.reason, reasonZh: s.reasonZh, reasonEn: s.reasonEn, code: s.code, forms: [] };
}

/** Two spaces more on every line: a value nested in the document as JSON.stringify(doc, null, 2) writes it. */
function nested(value: unknown, depth: number): string {
  return JSON.stringify(value, null, 2).replace(/\n/g, `\n${"  ".repeat(depth)}`);
}

/**
 * Machine-readable report: every file received, each once, in path order — reviewed files with
 * their forms, the others with status, reason and code — then totals and the rules' metadata.
 * Streamed as one JSON document, byte for byte what JSON.stringify(report, null, 2) would write;
 * a file's forms are held only until the next file starts.
 */
export const jsonStream: StreamFormatter = (options): ReportStream => {
  const head = JSON.stringify({ schemaVersion: JSON_SCHEMA_VERSION, tool: { name: "perfgoal", ...(options.version ? { version: options.version } : {}) }, lang: options.lang }, null, 2);
  const skipped = skippedQueue(options.skippedFiles ?? []);
  const totals: JsonTotals = {
    files: 0,
    forms: 0,
    errors: 0,
    warnings: 0,
    infos: 0,
    byStatus: Object.fromEntries(Object.keys(FILE_STATUS_LABELS).map((s) => [s, 0])) as Record<FileStatus, number>,
  };
  let pending: JsonFileEntry | undefined;

  const write = (entry: JsonFileEntry): string => {
    totals.byStatus[entry.status]++;
    return `${totals.files++ > 0 ? "," : ""}\n    ${nested(entry, 2)}`;
  };
  const flush = (): string => {
    const out = pending ? write(pending) : "";
    pending = undefined;
    return out;
  };
  const startFile = (file: string): string => flush() + skipped.before(file).map((s) => write(skippedEntry(s))).join("");

  return {
    start: () => `${head.slice(0, -2)},\n  "files": [`,
    add: (result, facts) => {
      if (isFatal(result)) return startFile(result.file) + write(fatalEntry(result));
      totals.forms++;
      totals.errors += result.counts.error;
      totals.warnings += result.counts.warning;
      totals.infos += result.counts.info;
      // A file's forms come one after another: the entry is written when the next file starts.
      let out = "";
      if (pending?.file !== result.file) {
        out = startFile(result.file);
        pending = { file: result.file, status: "reviewed", forms: [] };
      }
      pending.forms.push(jsonForm(result, facts));
      return out;
    },
    end: () => {
      const rest = flush() + skipped.rest().map((s) => write(skippedEntry(s))).join("");
      const close = totals.files > 0 ? "\n  ]" : "]";
      return `${rest}${close},\n  "totals": ${nested(totals, 1)},\n  "rules": ${nested(options.rules ?? [], 1)}\n}\n`;
    },
  };
};

export const json = collect(jsonStream);
