import { Chalk, type ChalkInstance } from "chalk";
import { gradeName } from "../lint/grade.js";
import { isFatal, type Finding, type FormResult, type Lang, type LintResult } from "../lint/types.js";
import type { Severity } from "../rules/types.js";
import { displayWidth, padEndWidth } from "./display-width.js";
import { formLabel, severityLabel } from "./labels.js";
import type { Formatter } from "./types.js";

/**
 * The default report: per form a header (file, project, advisory grade), then one row per finding
 * — location, severity, message, rule id, model path — in columns aligned by display width, and a
 * closing summary line. Forms without findings are only counted.
 */
export const stylish: Formatter = (results, options) => {
  const c = new Chalk({ level: options.color ? 1 : 0 });
  const lang = options.lang;
  const blocks: string[] = [];
  const totals = { error: 0, warning: 0, info: 0 };
  let forms = 0;
  let fatal = 0;
  for (const result of results) {
    if (isFatal(result)) {
      fatal++;
      blocks.push(`${c.underline(result.file)}\n  ${c.red(severityLabel("error", lang))}  ${result.fatal.message}  ${c.dim(result.fatal.code)}\n`);
      continue;
    }
    forms++;
    for (const f of result.findings) totals[f.severity]++;
    if (result.findings.length > 0) blocks.push(formBlock(result, c, lang));
  }
  const summary = summaryLine(totals, forms, fatal, c, lang);
  return blocks.length > 0 ? `${blocks.join("\n")}\n${summary}\n` : `${summary}\n`;
};

/** Widest the message column is padded to; longer messages just run on. */
export const MESSAGE_COLUMN_MAX = 72;

function severityColour(c: ChalkInstance, s: Severity): (t: string) => string {
  return s === "error" ? c.red : s === "warning" ? c.yellow : c.cyan;
}

function formBlock(result: FormResult, c: ChalkInstance, lang: Lang): string {
  const gradeText = lang === "zh" ? `评级 ${result.grade}` : `grade ${gradeName(result.grade, lang)}`;
  const project = result.project ? `  ${result.project}` : "";
  const header = `${c.underline(formLabel(result.file, result.formIndex, lang))}${project}  ${c.dim(gradeText)}`;
  const rows = result.findings.map((f) => row(f, lang));
  const widths = [0, 1, 2, 3].map((i) => Math.max(...rows.map((r) => displayWidth(r[i]!))));
  // One very long message should not push every other row's rule id off the screen.
  widths[2] = Math.min(widths[2]!, MESSAGE_COLUMN_MAX);
  const lines = result.findings.map((f, n) => {
    const [loc, sev, msg, rule, path] = rows[n]!;
    const cells = [
      c.dim(padEndWidth(loc!, widths[0]!)),
      severityColour(c, f.severity)(padEndWidth(sev!, widths[1]!)),
      padEndWidth(msg!, widths[2]!),
      c.dim(padEndWidth(rule!, widths[3]!)),
      c.dim(path!),
    ];
    return `  ${cells.join("  ")}`.trimEnd();
  });
  return `${header}\n${lines.join("\n")}\n`;
}

function row(f: Finding, lang: Lang): string[] {
  return [f.locationText, severityLabel(f.severity, lang), f.message.replace(/\s*\n\s*/g, " "), f.ruleId, f.path];
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
