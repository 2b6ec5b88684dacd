import { Chalk } from "chalk";
import { gradeName } from "../lint/grade.js";
import { isFatal, type Lang, type ReportResult } from "../lint/types.js";
import { shownName } from "../model/errors.js";
import { GRADES, type Grade } from "../model/terms.js";
import { displayWidth, padEndWidth, padStartWidth, truncateWidth } from "./display-width.js";
import { statusLabel } from "./accounting.js";
import { formLabel, topRuleIds } from "./labels.js";
import type { StreamFormatter } from "./types.js";
import { collect } from "./types.js";

const HEADER = {
  zh: ["文件", "项目", "评级", "错误", "警告", "提示", "主要规则"],
  en: ["file", "project", "grade", "errors", "warnings", "infos", "top rules"],
};

/** Long project names are cut so that each form stays on one line. */
const PROJECT_WIDTH = 30;

/**
 * One line per form: file, project, advisory grade, error/warning/info counts (of the findings
 * the result holds: with --quiet, errors only) and the three most frequent rule ids; then the totals.
 */
export const summaryStream: StreamFormatter = (options) => {
  const lang = options.lang;
  const c = new Chalk({ level: options.color ? 1 : 0 });
  // Columns are as wide as their widest cell, so the table is written at the end; a row is seven short cells.
  const rows: string[][] = [];
  const fatalLines: string[] = [];
  const grades = new Map<Grade, number>();
  const add = (r: ReportResult): string => {
    if (isFatal(r)) {
      fatalLines.push(`${shownName(r.file)}  ${c.red(lang === "zh" ? "无法读取" : "unreadable")}  ${shownName(r.fatal.message)}  ${c.dim(r.fatal.code)}`);
      return "";
    }
    grades.set(r.grade, (grades.get(r.grade) ?? 0) + 1);
    rows.push([
      // A terminal shows these: control characters from a file name or a form are escaped.
      shownName(formLabel(r.file, r.formIndex, lang)),
      truncateWidth(shownName(r.project ?? ""), PROJECT_WIDTH),
      gradeName(r.grade, lang),
      String(r.counts.error),
      String(r.counts.warning),
      String(r.counts.info),
      topRuleIds(r.findings).join(", "),
    ]);
    return "";
  };
  const end = (): string => {
    const lines: string[] = [];
    if (rows.length > 0) {
      const table = [HEADER[lang], ...rows];
      const widths = HEADER[lang].map((_, i) => Math.max(...table.map((r) => displayWidth(r[i]!))));
      const numeric = new Set([3, 4, 5]);
      table.forEach((r, n) => {
        const cells = r.map((cell, i) => (numeric.has(i) ? padStartWidth(cell, widths[i]!) : padEndWidth(cell, widths[i]!)));
        const line = cells.join("  ").trimEnd();
        lines.push(n === 0 ? c.bold(line) : line);
      });
    }
    lines.push(...fatalLines);
    // Files the walk passed over are named too, each with its status and reason.
    for (const f of options.skippedFiles ?? []) lines.push(`${shownName(f.file)}  ${c.red(statusLabel(f.status, lang))}  ${shownName(f.reason)}  ${c.dim(f.code)}`);
    lines.push(totalsLine(rows.length, grades, fatalLines.length, lang));
    return `${lines.join("\n")}\n`;
  };
  return { start: () => "", add, end };
};

export const summary = collect(summaryStream);

function totalsLine(forms: number, grades: Map<Grade, number>, fatal: number, lang: Lang): string {
  const order = [GRADES.excellent, GRADES.good, GRADES.fair, GRADES.poor];
  if (lang === "zh") {
    const parts = order.map((g) => `${g} ${grades.get(g) ?? 0}`).join("，");
    return `共 ${forms} 份表单：${parts}${fatal > 0 ? `；${fatal} 个文件无法读取` : ""}`;
  }
  const parts = order.map((g) => `${gradeName(g, lang)} ${grades.get(g) ?? 0}`).join(", ");
  return `${forms} ${forms === 1 ? "form" : "forms"}: ${parts}${fatal > 0 ? `; ${fatal} unreadable ${fatal === 1 ? "file" : "files"}` : ""}`;
}
