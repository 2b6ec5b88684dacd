import type { JsonFileEntry, JsonForm } from "../../src/report/json.js";

/** A form of the JSON report with its file, or a file that could not be read, as tests look them up. */
export type ResultView = JsonForm & { file: string; status: string; fatal?: undefined };
export type FatalView = { file: string; status: string; fatal: { code: string; message: string; messageZh: string; messageEn: string }; findings?: undefined; grade?: undefined; project?: undefined };

/**
 * The JSON report's files as one list of results: each form with its file name, and each file that
 * a reader refused (PG-E-…) as `fatal`; the files the walk passed over (PG-S-…) are left out.
 */
export function reportResults(report: unknown): (ResultView | FatalView)[] {
  const files = (report as { files: JsonFileEntry[] }).files;
  return files.flatMap((f): (ResultView | FatalView)[] => {
    if (f.status === "reviewed") return f.forms.map((form) => ({ file: f.file, status: f.status, ...form }) as ResultView);
    if (!f.code?.startsWith("PG-E-")) return [];
    return [{ file: f.file, status: f.status, fatal: { code: f.code, message: f.reason ?? "", messageZh: f.reasonZh ?? "", messageEn: f.reasonEn ?? "" } }];
  });
}

/**
 * A JSON report parsed, with `results` (reportResults) beside its files, for tests that look a
 * form or a refused file up by name. Typed loosely, as JSON.parse is.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function parseReport(text: string): any {
  const report = JSON.parse(text) as Record<string, unknown>;
  return { ...report, results: reportResults(report) };
}
