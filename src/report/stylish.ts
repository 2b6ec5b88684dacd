import { Chalk, type ChalkInstance } from "chalk";
import { gradeName } from "../lint/grade.js";
import { isFatal, type Lang, type ReportFinding, type ReportFormResult } from "../lint/types.js";
import type { Severity } from "../rules/types.js";
import { displayWidth } from "./display-width.js";
import { formLabel, severityLabel } from "./labels.js";
import type { StreamFormatter } from "./types.js";
import { collect } from "./types.js";

/**
 * The default report: per form a header (file, project, advisory grade), then one row per finding
 * — location, severity, message, rule id, model path — in columns aligned by display width, and a
 * closing summary line. Forms without findings are only counted.
 */
export const stylishStream: StreamFormatter = (options) => {
  const c = new Chalk({ level: options.color ? 1 : 0 });
  const lang = options.lang;
  const totals = { error: 0, warning: 0, info: 0 };
  let blocks = 0;
  let forms = 0;
  let fatal = 0;
  // Blocks are separated by an empty line.
  const block = (text: string) => (blocks++ > 0 ? `\n${text}` : text);
  return {
    start: () => "",
    add: (result) => {
      if (isFatal(result)) {
        fatal++;
        return block(`${c.underline(result.file)}\n  ${c.red(severityLabel("error", lang))}  ${result.fatal.message}  ${c.dim(result.fatal.code)}\n`);
      }
      forms++;
      for (const f of result.findings) totals[f.severity]++;
      return result.findings.length > 0 ? block(formBlock(result, c, lang)) : "";
    },
    end: () => `${blocks > 0 ? "\n" : ""}${summaryLine(totals, forms, fatal, c, lang)}\n`,
  };
};

export const stylish = collect(stylishStream);

/** Widest the message column is padded to; longer messages just run on. */
export const MESSAGE_COLUMN_MAX = 72;

function severityColour(c: ChalkInstance, s: Severity): (t: string) => string {
  return s === "error" ? c.red : s === "warning" ? c.yellow : c.cyan;
}

function formBlock(result: ReportFormResult, c: ChalkInstance, lang: Lang): string {
  const gradeText = lang === "zh" ? `评级 ${result.grade}` : `grade ${gradeName(result.grade, lang)}`;
  const project = result.project ? `  ${result.project}` : "";
  const header = `${c.underline(formLabel(result.file, result.formIndex, lang))}${project}  ${c.dim(gradeText)}`;
  const rows = result.findings.map((f) => row(f, lang));
  // Each cell is measured once: padding reuses the width.
  const cellWidths = rows.map((r) => [displayWidth(r[0]!), displayWidth(r[1]!), displayWidth(r[2]!), displayWidth(r[3]!)]);
  const widths = [0, 1, 2, 3].map((i) => Math.max(...cellWidths.map((w) => w[i]!)));
  // One very long message should not push every other row's rule id off the screen.
  widths[2] = Math.min(widths[2]!, MESSAGE_COLUMN_MAX);
  const pad = (text: string, n: number, i: number) => text + " ".repeat(Math.max(0, widths[i]! - cellWidths[n]![i]!));
  let lines = "";
  result.findings.forEach((f, n) => {
    const [loc, sev, msg, rule, path] = rows[n]!;
    const cells = [c.dim(pad(loc!, n, 0)), severityColour(c, f.severity)(pad(sev!, n, 1)), pad(msg!, n, 2), c.dim(pad(rule!, n, 3)), c.dim(path!)];
    lines += `  ${cells.join("  ")}`.trimEnd() + "\n";
  });
  return `${header}\n${lines}`;
}

function row(f: ReportFinding, lang: Lang): string[] {
  return [f.locationText, severityLabel(f.severity, lang), f.message.includes("\n") ? f.message.replace(/\s*\n\s*/g, " ") : f.message, f.ruleId, f.path];
}

function summaryLine(t: { error: number; warning: number; info: number }, forms: number, fatal: number, c: ChalkInstance, lang: Lang): string {
  const problems = t.error + t.warning + t.info;
  const unreadable =
    fatal === 0 ? "" : lang === "zh" ? `；${fatal} 个文件无法读取` : `; ${fatal} ${fatal === 1 ? "file" : "files"} could not be read`;
  if (problems === 0) {
    const text = lang === "zh" ? `✔ ${forms} 份表单未发现问题${unreadable}` : `✔ no problems in ${forms} ${forms === 1 ? "form" : "forms"}${unreadable}`;
    return fatal > 0 ? c.red(text.replace("✔", "✖")) : c.green(text);
  }
  const text =
    lang === "zh"
      ? `✖ 共 ${problems} 个问题（${t.error} 个错误，${t.warning} 个警告，${t.info} 个提示），涉及 ${forms} 份表单${unreadable}`
      : `✖ ${problems} ${problems === 1 ? "problem" : "problems"} (${t.error} ${plural(t.error, "error")}, ${t.warning} ${plural(t.warning, "warning")}, ${t.info} ${plural(t.info, "info")}) in ${forms} ${plural(forms, "form")}${unreadable}`;
  const colour = t.error > 0 || fatal > 0 ? c.red : t.warning > 0 ? c.yellow : c.cyan;
  return colour(c.bold(text));
}

function plural(n: number, word: string): string {
  return n === 1 ? word : `${word}s`;
}
