import { isFatal, type ReportResult } from "../lint/types.js";
import { gradeName } from "../lint/grade.js";
import { severityLabel } from "./labels.js";
import type { ReportPiece, StreamFormatter } from "./types.js";
import { collect } from "./types.js";

const HEADER = {
  zh: ["文件", "表单序号", "项目名称", "评级", "级别", "代码", "规则", "位置", "模型路径", "说明"],
  en: ["file", "form", "project", "grade", "severity", "code", "rule", "location", "path", "message"],
};

/** One field, quoted as RFC 4180 asks when it holds a comma, a quote or a line break. */
export function csvField(value: string | number | undefined): string {
  const text = value === undefined ? "" : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function csvLine(fields: (string | number | undefined)[]): string {
  return `${fields.map(csvField).join(",")}\r\n`;
}

/**
 * One row per finding, one per unreadable file (its code in the code column), and at the end one
 * per file the walk passed over (its PG-S- code, the reason as the message).
 * UTF-8 with a BOM and CRLF line ends, so Excel opens the Chinese text as it is.
 */
export const csvStream: StreamFormatter = (options) => {
  const lang = options.lang;
  const render = (r: ReportResult): ReportPiece => {
    if (isFatal(r)) return { text: csvLine([r.file, "", "", "", severityLabel("error", lang), r.fatal.code, "", "", "", r.fatal.message]) };
    const grade = gradeName(r.grade, lang);
    let text = "";
    for (const f of r.findings) {
      text += csvLine([r.file, r.formIndex, r.project, grade, severityLabel(f.severity, lang), f.code, f.ruleId, f.locationText, f.path, f.message]);
    }
    return { text };
  };
  return {
    start: () => `\uFEFF${csvLine(HEADER[lang])}`,
    add: (r) => render(r).text,
    end: () => (options.skippedFiles ?? []).map((f) => csvLine([f.file, "", "", "", "", f.code, "", "", "", f.reason])).join(""),
    render,
    addPiece: (piece) => piece.text,
  };
};

export const csv = collect(csvStream);
