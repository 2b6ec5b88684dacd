import { Chalk, type ChalkInstance } from "chalk";
import { shownName } from "../model/errors.js";
import { gradeName } from "../lint/grade.js";
import { isFatal, type Lang, type ReportFinding, type ReportFormResult, type ReportResult, type SeverityCounts } from "../lint/types.js";
import type { Severity } from "../rules/types.js";
import { comparePaths } from "../batch/expand.js";
import { statusLabel, statusOfCode } from "./accounting.js";
import { displayWidth, padEndWidth } from "./display-width.js";
import { FIXABLE_MARK, formLabel, severityLabel } from "./labels.js";
import type { ReportPiece, StreamFormatter } from "./types.js";
import { collect } from "./types.js";
import { remembering } from "../util/remember.js";

/**
 * The default report: per form a header (file, project, advisory grade), then one row per finding
 * — location, severity, message, rule id, model path — in columns aligned by display width, and a
 * closing summary line. Forms without findings are only counted.
 */
export const stylishStream: StreamFormatter = (options) => {
  const c = paint(options.color);
  const lang = options.lang;
  const widthOf = widthCache();
  const totals = { error: 0, warning: 0, info: 0 };
  const hidden = { error: 0, warning: 0, info: 0 };
  let blocks = 0;
  let forms = 0;
  let fatal = 0;
  let fixable = 0;
  // Blocks are separated by an empty line.
  const block = (text: string) => (blocks++ > 0 ? `\n${text}` : text);
  const render = (result: ReportResult): ReportPiece => {
    if (isFatal(result)) {
      // Said once, in the closing list of the files not read (with its code), not also as a block here.
      return { text: "", unread: { file: result.file, status: statusOfCode(result.fatal.code), reason: result.fatal.message, code: result.fatal.code } };
    }
    const counts = { error: 0, warning: 0, info: 0 };
    let fixes = 0;
    for (const f of result.findings) {
      counts[f.severity]++;
      if (f.fixable) fixes++;
    }
    return { text: result.findings.length > 0 ? formBlock(result, c, lang, widthOf) : "", counts, ...(fixes > 0 ? { fixable: fixes } : {}), ...(result.hidden ? { hidden: result.hidden } : {}) };
  };
  const unread: Unread[] = (options.skippedFiles ?? []).map((s) => ({ file: s.file, status: s.status, reason: s.reason, ...(s.code ? { code: s.code } : {}) }));
  const addPiece = (piece: ReportPiece): string => {
    if (piece.unread) unread.push(piece.unread);
    if (!piece.counts) fatal++;
    else {
      forms++;
      totals.error += piece.counts.error;
      totals.warning += piece.counts.warning;
      totals.info += piece.counts.info;
      fixable += piece.fixable ?? 0;
      if (piece.hidden) for (const k of ["error", "warning", "info"] as const) hidden[k] += piece.hidden[k];
    }
    return piece.text ? block(piece.text) : "";
  };
  return {
    start: () => "",
    add: (result) => addPiece(render(result)),
    end: () => `${blocks > 0 ? "\n" : ""}${unreadList(unread, c, lang)}${summaryLine(totals, hidden, forms, fatal, c, lang)}\n${fixableLine(fixable, c, lang)}`,
    render,
    addPiece,
  };
};

export const stylish = collect(stylishStream);

/** Widest the message column is padded to; longer messages just run on. */
export const MESSAGE_COLUMN_MAX = 72;

/** The styles stylish uses; without colour each is the identity (cheaper than chalk at level 0). */
type Paint = Pick<ChalkInstance, "dim" | "underline" | "red" | "yellow" | "cyan" | "green" | "bold">;

function paint(color: boolean | undefined): Paint {
  if (color) return new Chalk({ level: 1 });
  const same = ((text: string) => text) as ChalkInstance;
  return { dim: same, underline: same, red: same, yellow: same, cyan: same, green: same, bold: same };
}

/** Locations, severities and rule ids repeat from form to form: each is measured once per report. */
function widthCache(): (text: string) => number {
  return remembering(displayWidth, { max: 50_000 });
}

function severityColour(c: Paint, s: Severity): (t: string) => string {
  return s === "error" ? c.red : s === "warning" ? c.yellow : c.cyan;
}

function formBlock(result: ReportFormResult, c: Paint, lang: Lang, widthOf: (text: string) => number): string {
  const gradeText = lang === "zh" ? `评级 ${result.grade}` : `grade ${gradeName(result.grade, lang)}`;
  const project = result.project ? `  ${shownName(result.project)}` : "";
  const header = `${c.underline(shownName(formLabel(result.file, result.formIndex, lang)))}${project}  ${c.dim(gradeText)}`;
  const rows = result.findings.map((f) => row(f, lang));
  // Each cell is measured once: padding reuses the width.
  const cellWidths = rows.map((r) => [widthOf(r[0]!), widthOf(r[1]!), displayWidth(r[2]!), widthOf(r[3]!)]);
  const widths = [0, 0, 0, 0];
  for (const w of cellWidths) for (let i = 0; i < 4; i++) if (w[i]! > widths[i]!) widths[i] = w[i]!;
  // One very long message should not push every other row's rule id off the screen.
  widths[2] = Math.min(widths[2]!, MESSAGE_COLUMN_MAX);
  const pad = (text: string, n: number, i: number) => text + " ".repeat(Math.max(0, widths[i]! - cellWidths[n]![i]!));
  const lines = [header];
  for (let n = 0; n < rows.length; n++) {
    const [loc, sev, msg, rule, path] = rows[n]!;
    const line = `  ${c.dim(pad(loc!, n, 0))}  ${severityColour(c, result.findings[n]!.severity)(pad(sev!, n, 1))}  ${pad(msg!, n, 2)}  ${c.dim(pad(rule!, n, 3))}  ${c.dim(path!)}`;
    lines.push(line.trimEnd());
  }
  lines.push("");
  return lines.join("\n");
}

function row(f: ReportFinding, lang: Lang): string[] {
  // A message quotes the form's text: a line break becomes a space, and what a terminal would act on is escaped.
  const message = shownName(f.message.includes("\n") ? f.message.replace(/\s*\n\s*/g, " ") : f.message);
  return [f.locationText, severityLabel(f.severity, lang), f.fixable ? `${message} ${FIXABLE_MARK[lang]}` : message, f.ruleId, f.path];
}

function fixableLine(n: number, c: Paint, lang: Lang): string {
  if (n === 0) return "";
  return `${c.dim(lang === "zh" ? `${n} 个问题可用 perfgoal fix 自动修正` : `${n} ${plural(n, "problem")} can be corrected with perfgoal fix`)}\n`;
}

type Unread = NonNullable<ReportPiece["unread"]>;

/**
 * Every file received that was not reviewed, in path order: name, status, reason. Short, so a
 * reviewer sees at the end of a long report which files still need a person.
 */
function unreadList(unread: Unread[], c: Paint, lang: Lang): string {
  if (unread.length === 0) return "";
  const rows = [...unread].sort((a, b) => comparePaths(a.file, b.file)).map((u) => [shownName(u.file), statusLabel(u.status, lang), shownName(u.reason), u.code && u.code.startsWith("PG-E-") ? u.code : ""] as const);
  const nameWidth = Math.max(...rows.map((r) => displayWidth(r[0])));
  const statusWidth = Math.max(...rows.map((r) => displayWidth(r[1])));
  const lines = rows.map(([name, status, reason, code]) => `  ${padEndWidth(name, nameWidth)}  ${c.red(padEndWidth(status, statusWidth))}  ${reason}${code ? `  ${c.dim(code)}` : ""}`.trimEnd());
  return `${c.bold(lang === "zh" ? `未读取的文件（${rows.length}）` : `files not read (${rows.length})`)}\n${lines.join("\n")}\n\n`;
}

/**
 * The closing line, true to what was reviewed: no ✔ when no form was read, and, when --quiet
 * left findings out, how many (a clean-looking line must not hide 21 warnings).
 */
function summaryLine(t: SeverityCounts, hidden: SeverityCounts, forms: number, fatal: number, c: Paint, lang: Lang): string {
  const zh = lang === "zh";
  const problems = t.error + t.warning + t.info;
  if (forms === 0) {
    const text = zh ? `${fatal} 个文件无法读取，0 份表单已审核` : `${fatal} ${plural(fatal, "file")} could not be read, 0 forms reviewed`;
    return fatal > 0 ? c.red(`✖ ${text}`) : zh ? "0 份表单已审核" : "0 forms reviewed";
  }
  const unreadable = fatal === 0 ? "" : zh ? `；${fatal} 个文件无法读取` : `; ${fatal} ${plural(fatal, "file")} could not be read`;
  const hiddenText = hiddenNote(hidden, lang);
  if (problems === 0) {
    let text: string;
    if (hiddenText) text = zh ? `✔ 无错误（${hiddenText}）${unreadable}` : `✔ no errors (${hiddenText})${unreadable}`;
    else text = zh ? `✔ ${forms} 份表单未发现问题${unreadable}` : `✔ no problems in ${forms} ${plural(forms, "form")}${unreadable}`;
    return fatal > 0 ? c.red(text.replace("✔", "✖")) : c.green(text);
  }
  const text =
    (zh
      ? `✖ 共 ${problems} 个问题（${t.error} 个错误，${t.warning} 个警告，${t.info} 个提示），涉及 ${forms} 份表单${unreadable}`
      : `✖ ${problems} ${plural(problems, "problem")} (${t.error} ${plural(t.error, "error")}, ${t.warning} ${plural(t.warning, "warning")}, ${t.info} ${plural(t.info, "info")}) in ${forms} ${plural(forms, "form")}${unreadable}`) +
    (hiddenText ? (zh ? `；${hiddenText}` : `; ${hiddenText}`) : "");
  const colour = t.error > 0 || fatal > 0 ? c.red : t.warning > 0 ? c.yellow : c.cyan;
  return colour(c.bold(text));
}

/** `已隐藏 21 个警告、56 个提示，去掉 -q 查看`, or "" when nothing was left out. */
function hiddenNote(h: SeverityCounts, lang: Lang): string {
  const parts: string[] = [];
  if (lang === "zh") {
    if (h.error) parts.push(`${h.error} 个错误`);
    if (h.warning) parts.push(`${h.warning} 个警告`);
    if (h.info) parts.push(`${h.info} 个提示`);
    return parts.length > 0 ? `已隐藏 ${parts.join("、")}，去掉 -q 查看` : "";
  }
  if (h.error) parts.push(`${h.error} ${plural(h.error, "error")}`);
  if (h.warning) parts.push(`${h.warning} ${plural(h.warning, "warning")}`);
  if (h.info) parts.push(`${h.info} ${plural(h.info, "info")}`);
  return parts.length > 0 ? `${parts.join(", ")} hidden; drop -q to see them` : "";
}

function plural(n: number, word: string): string {
  return n === 1 ? word : `${word}s`;
}
