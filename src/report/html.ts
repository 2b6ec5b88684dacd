import type { ReviewedForm, ReviewEntry, ReviewReport, ReviewTotals } from "../batch/review.js";
import { reviewTotals } from "../batch/review.js";
import { gradeName } from "../lint/grade.js";
import { GRADES } from "../model/terms.js";
import { comparePaths } from "../batch/expand.js";
import { statusLabel, statusOfCode } from "./accounting.js";
import { displayWidth, truncateWidth } from "./display-width.js";
import { FIXABLE_MARK, formLabel, severityLabel } from "./labels.js";

/**
 * The HTML report: one self-contained file (inline CSS, JS and SVG; a Content-Security-Policy that
 * forbids any network access) a reviewer opens in a browser. Every piece of form text is escaped;
 * the script reads it back through the DOM, never as HTML.
 */

type Lang = "zh" | "en";

const WORDS = {
  zh: {
    title: "绩效目标申报表审核报告",
    generated: "生成于",
    interrupted: "审核被中断：本报告只包含已处理的文件。",
    forms: "表单",
    errors: "错误",
    warnings: "警告",
    infos: "提示",
    grades: "评级分布",
    skipped: "跳过的文件",
    unreadable: "无法读取",
    byRule: "各规则的问题数",
    byDepartment: "各部门预算（万元）",
    noFindings: "没有发现问题",
    noBudget: "没有可汇总的预算",
    formsList: "表单清单",
    filter: "筛选：文件、项目、部门或规则",
    allGrades: "全部评级",
    allStatus: "全部表单",
    withErrors: "有错误",
    withWarnings: "有警告",
    clean: "无错误无警告",
    unreadableOnly: "无法读取",
    expandAll: "全部展开",
    collapseAll: "全部收起",
    shown: "显示",
    of: "/",
    file: "文件",
    department: "主管部门",
    project: "项目名称",
    budget: "预算（万元）",
    cost: "成本合计（万元）",
    grade: "评级",
    topRules: "主要规则",
    location: "位置",
    severity: "级别",
    rule: "规则",
    code: "代码",
    message: "说明",
    path: "模型路径",
    none: "（无）",
    otherDepartments: "其他部门",
    noDepartment: "（未填部门）",
    formsUnit: "份",
    more: "其余规则",
    notRead: "未读取的文件",
    notReadNote: "以下文件没有审核，请人工处理：",
    status: "状态",
    reason: "原因",
    skipReasons: { lock: "Word 锁文件", hidden: "隐藏文件", unsupported: "不支持的类型", special: "管道或设备", "link-loop": "循环链接", "broken-link": "失效链接", "link-outside": "指向文件夹之外的链接", output: "本次的输出" },
  },
  en: {
    title: "Performance-goal form review",
    generated: "generated",
    interrupted: "The review was interrupted: this report covers only the files processed.",
    forms: "forms",
    errors: "errors",
    warnings: "warnings",
    infos: "infos",
    grades: "grades",
    skipped: "skipped files",
    unreadable: "unreadable",
    byRule: "Findings per rule",
    byDepartment: "Budget per department (万元)",
    noFindings: "No findings",
    noBudget: "No budgets to sum",
    formsList: "Forms",
    filter: "Filter: file, project, department or rule",
    allGrades: "all grades",
    allStatus: "all forms",
    withErrors: "with errors",
    withWarnings: "with warnings",
    clean: "no errors or warnings",
    unreadableOnly: "unreadable",
    expandAll: "expand all",
    collapseAll: "collapse all",
    shown: "showing",
    of: "of",
    file: "file",
    department: "department",
    project: "project",
    budget: "budget (万元)",
    cost: "costs (万元)",
    grade: "grade",
    topRules: "top rules",
    location: "location",
    severity: "severity",
    rule: "rule",
    code: "code",
    message: "message",
    path: "path",
    none: "(none)",
    otherDepartments: "other departments",
    noDepartment: "(no department)",
    formsUnit: "forms",
    more: "other rules",
    notRead: "Files not read",
    notReadNote: "These files were not reviewed and need a person:",
    status: "status",
    reason: "reason",
    skipReasons: { lock: "Word lock files", hidden: "hidden", unsupported: "unsupported type", special: "pipes or devices", "link-loop": "link loops", "broken-link": "broken links", "link-outside": "links leading outside the folder", output: "outputs of this run" },
  },
} as const;

type Words = (typeof WORDS)[Lang];

/** Text safe in HTML content and in double- or single-quoted attributes. */
export function escapeHtml(text: string | number | undefined): string {
  return String(text ?? "").replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

function money(n: number | undefined): string {
  return n === undefined ? "" : n.toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 });
}

const GRADE_ORDER = [GRADES.excellent, GRADES.good, GRADES.fair, GRADES.poor];
const GRADE_CLASS: Record<string, string> = { [GRADES.excellent]: "g0", [GRADES.good]: "g1", [GRADES.fair]: "g2", [GRADES.poor]: "g3" };

/** The HTML report as one string (a library call on a review that fits in memory). */
export function htmlReport(report: ReviewReport): string {
  return [...htmlReportPieces(report)].join("");
}

/**
 * The HTML report piece by piece, as the entries are read: a batch's report is written to its file
 * as it is made and never held whole (10,000 forms make a page of some 100 MB). The totals and
 * charts come first, so the entries are read twice: once for the totals, once for the rows.
 */
export function* htmlReportPieces(report: ReviewReport): Generator<string> {
  const lang = report.lang;
  const w = WORDS[lang];
  const totals = reviewTotals(report);
  yield `<!doctype html>
<html lang="${lang === "zh" ? "zh-CN" : "en"}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:">
<meta name="generator" content="perfgoal${report.version ? ` ${escapeHtml(report.version)}` : ""}">
<title>${escapeHtml(w.title)}</title>
<style>${STYLE}</style>
</head>
<body>
<header>
<h1>${escapeHtml(w.title)}</h1>
<p class="meta">${escapeHtml(w.generated)} ${escapeHtml(report.generatedAt.replace("T", " ").replace(/\.\d+Z$/, " UTC"))} · perfgoal${report.version ? ` ${escapeHtml(report.version)}` : ""}</p>
${report.interrupted ? `<p class="warn" role="alert">${escapeHtml(w.interrupted)}</p>` : ""}
</header>
<main>
${totalsSection(totals, report, w, lang)}
<section class="charts">
<figure><figcaption>${escapeHtml(w.byRule)}</figcaption>${ruleChart(totals, w, lang, report.ruleTitles ?? {})}</figure>
<figure><figcaption>${escapeHtml(w.byDepartment)}</figcaption>${departmentChart(totals, w)}</figure>
</section>
${notReadSection(totals, report, w, lang)}`;
  yield* formsSection(report, totals, w, lang);
  yield `
</main>
<script>${SCRIPT}</script>
</body>
</html>
`;
}

function card(label: string, value: string | number, cls = ""): string {
  return `<div class="card ${cls}"><div class="num">${escapeHtml(value)}</div><div class="label">${escapeHtml(label)}</div></div>`;
}

function totalsSection(t: ReviewTotals, report: ReviewReport, w: Words, lang: Lang): string {
  const grades = GRADE_ORDER.map((g) => `<span class="grade ${GRADE_CLASS[g]}">${escapeHtml(gradeName(g, lang))} ${t.grades[g] ?? 0}</span>`).join(" ");
  const reasons = Object.entries(report.skipped)
    .filter(([, n]) => n)
    .map(([r, n]) => `${w.skipReasons[r as keyof Words["skipReasons"]] ?? r} ${n}`)
    .join(lang === "zh" ? "，" : ", ");
  return `<section class="totals" id="totals">
${card(w.forms, t.forms)}
${card(w.errors, t.errors, t.errors > 0 ? "bad" : "")}
${card(w.warnings, t.warnings, t.warnings > 0 ? "warn-card" : "")}
${card(w.infos, t.infos)}
<div class="card wide"><div class="grades">${grades}</div><div class="label">${escapeHtml(w.grades)}</div></div>
<div class="card"><div class="num">${t.skipped}</div><div class="label">${escapeHtml(w.skipped)}${reasons ? `<br><small>${escapeHtml(reasons)}</small>` : ""}</div></div>
${card(w.unreadable, t.unreadable, t.unreadable > 0 ? "bad" : "")}
</section>`;
}

const BAR_WIDTH = 250;
const LABEL_WIDTH = 200;
const ROW_HEIGHT = 22;

/** Label cut to fit the chart's label column (about 7 px per narrow character). */
function chartLabel(text: string): string {
  return truncateWidth(text, Math.floor(LABEL_WIDTH / 7));
}

function svg(rows: number, body: string, label: string): string {
  const height = rows * ROW_HEIGHT + 8;
  const width = LABEL_WIDTH + BAR_WIDTH + 110;
  return `<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="${escapeHtml(label)}" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}">${body}</svg>`;
}

const MAX_RULE_BARS = 15;
/** A rule's row: its full title on one line, the bar under it. */
const RULE_ROW_HEIGHT = 40;
/** Pixels per display column of 12 px text (a CJK character is two columns). */
const PX_PER_COLUMN = 6.6;

/** A rule as the chart and the lists name it: code and full title, or the id when the title is unknown. */
function ruleName(ruleId: string, code: string, titles: Readonly<Record<string, string>>): string {
  const title = Object.hasOwn(titles, ruleId) ? titles[ruleId] : undefined;
  return code ? `${code} ${title ?? ruleId}` : ruleId;
}

function ruleChart(t: ReviewTotals, w: Words, lang: Lang, titles: Readonly<Record<string, string>>): string {
  if (t.byRule.length === 0) return `<p class="empty">${escapeHtml(w.noFindings)}</p>`;
  const shown = t.byRule.slice(0, MAX_RULE_BARS);
  const rest = t.byRule.slice(MAX_RULE_BARS);
  if (rest.length > 0) {
    const sum = (k: "error" | "warning" | "info" | "total") => rest.reduce((a, r) => a + r[k], 0);
    shown.push({ ruleId: `${w.more} (${rest.length})`, code: "", error: sum("error"), warning: sum("warning"), info: sum("info"), total: sum("total") });
  }
  const max = Math.max(...shown.map((r) => r.total));
  const labels = shown.map((r) => ruleName(r.ruleId, r.code, titles));
  // As wide as the longest title: a title is never cut.
  const width = Math.ceil(Math.max(BAR_WIDTH + 60, ...labels.map((l) => displayWidth(l) * PX_PER_COLUMN)) + 8);
  const bars = shown
    .map((r, i) => {
      const y = 4 + i * RULE_ROW_HEIGHT;
      const barY = y + 18;
      let x = 0;
      const parts = (["error", "warning", "info"] as const)
        .map((sev) => {
          const part = (r[sev] / max) * BAR_WIDTH;
          const rect = r[sev] > 0 ? `<rect class="${sev}" x="${x.toFixed(1)}" y="${barY}" width="${Math.max(1, part).toFixed(1)}" height="14"><title>${escapeHtml(`${labels[i]} · ${severityLabel(sev, lang)} ${r[sev]}`)}</title></rect>` : "";
          x += part;
          return rect;
        })
        .join("");
      const filter = r.code ? ` data-filter="${escapeHtml(r.ruleId)}"` : "";
      return `<g class="bar"${filter}><text class="title" x="0" y="${y + 12}">${escapeHtml(labels[i])}<title>${escapeHtml(r.ruleId)}</title></text>${parts}<text class="value" x="${(x + 6).toFixed(1)}" y="${barY + 12}">${r.total}</text></g>`;
    })
    .join("");
  const height = shown.length * RULE_ROW_HEIGHT + 8;
  return `<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="${escapeHtml(w.byRule)}" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}">${bars}</svg>`;
}

/** Every file received that was not reviewed — unreadable or passed over — with status and reason. */
function notReadSection(t: ReviewTotals, report: ReviewReport, w: Words, lang: Lang): string {
  const rows = [
    ...t.unreadableFiles.map((u) => ({ file: u.file, status: statusOfCode(u.code), code: u.code, reason: u.message })),
    ...(report.skippedFiles ?? []),
  ].sort((a, b) => comparePaths(a.file, b.file));
  if (rows.length === 0) return "";
  const body = rows
    .map((r) => `<tr data-status="${escapeHtml(r.status)}"><td class="file">${escapeHtml(r.file)}</td><td class="status">${escapeHtml(statusLabel(r.status, lang))}</td><td>${escapeHtml(r.reason)}</td><td><code>${escapeHtml(r.code)}</code></td></tr>`)
    .join("\n");
  return `<section class="not-read" id="not-read">
<h2>${escapeHtml(w.notRead)}${lang === "zh" ? `（${rows.length}）` : ` (${rows.length})`}</h2>
<p>${escapeHtml(w.notReadNote)}</p>
<table class="not-read"><thead><tr><th>${escapeHtml(w.file)}</th><th>${escapeHtml(w.status)}</th><th>${escapeHtml(w.reason)}</th><th>${escapeHtml(w.code)}</th></tr></thead>
<tbody>
${body}
</tbody></table>
</section>
`;
}

const MAX_DEPARTMENT_BARS = 12;

function departmentChart(t: ReviewTotals, w: Words): string {
  const withBudget = t.byDepartment.filter((d) => d.budgetWanYuan > 0);
  if (withBudget.length === 0) return `<p class="empty">${escapeHtml(w.noBudget)}</p>`;
  const shown: { department: string; budgetWanYuan: number; forms: number; filter: string }[] = withBudget
    .slice(0, MAX_DEPARTMENT_BARS)
    .map((d) => ({ department: d.department, budgetWanYuan: d.budgetWanYuan, forms: d.forms, filter: d.department }));
  const rest = withBudget.slice(MAX_DEPARTMENT_BARS);
  if (rest.length > 0) {
    shown.push({
      department: `${w.otherDepartments} (${rest.length})`,
      budgetWanYuan: rest.reduce((a, d) => a + d.budgetWanYuan, 0),
      forms: rest.reduce((a, d) => a + d.forms, 0),
      filter: "",
    });
  }
  const max = Math.max(...shown.map((d) => d.budgetWanYuan));
  const bars = shown
    .map((d, i) => {
      const y = 4 + i * ROW_HEIGHT;
      const width = Math.max(1, (d.budgetWanYuan / max) * BAR_WIDTH);
      const name = d.department === "" ? w.noDepartment : d.department;
      const filter = d.filter ? ` data-filter="${escapeHtml(d.filter)}"` : "";
      const value = `${money(d.budgetWanYuan)} · ${d.forms} ${w.formsUnit}`;
      return `<g class="bar"${filter}><text class="label" x="${LABEL_WIDTH - 6}" y="${y + 12}">${escapeHtml(chartLabel(name))}<title>${escapeHtml(name)}</title></text><rect class="budget" x="${LABEL_WIDTH}" y="${y}" width="${width.toFixed(1)}" height="${ROW_HEIGHT - 6}"><title>${escapeHtml(`${name}: ${value}`)}</title></rect><text class="value" x="${(LABEL_WIDTH + width + 6).toFixed(1)}" y="${y + 12}">${escapeHtml(value)}</text></g>`;
    })
    .join("");
  return svg(shown.length, bars, w.byDepartment);
}

const COLUMNS = ["file", "department", "project", "budget", "cost", "errors", "warnings", "infos", "grade", "topRules"] as const;
const NUMERIC = new Set(["budget", "cost", "errors", "warnings", "infos", "grade"]);

/** Forms whose findings go into one data element; each element is written once its forms are. */
const FORMS_PER_DATA_CHUNK = 500;

function* formsSection(report: ReviewReport, t: ReviewTotals, w: Words, lang: Lang): Generator<string> {
  const total = t.forms + t.unreadable;
  const head = COLUMNS.map((c) => `<th data-key="${c}" data-type="${NUMERIC.has(c) ? "num" : "text"}" tabindex="0" aria-sort="none">${escapeHtml(w[c])}</th>`).join("");
  const gradeOptions = GRADE_ORDER.map((g) => `<option value="${escapeHtml(g)}">${escapeHtml(gradeName(g, lang))}</option>`).join("");
  yield `<section class="forms">
<h2>${escapeHtml(w.formsList)}</h2>
<div class="controls">
<input type="search" id="q" placeholder="${escapeHtml(w.filter)}" aria-label="${escapeHtml(w.filter)}">
<select id="grade" aria-label="${escapeHtml(w.grade)}"><option value="">${escapeHtml(w.allGrades)}</option>${gradeOptions}</select>
<select id="status" aria-label="${escapeHtml(w.allStatus)}"><option value="">${escapeHtml(w.allStatus)}</option><option value="error">${escapeHtml(w.withErrors)}</option><option value="warning">${escapeHtml(w.withWarnings)}</option><option value="clean">${escapeHtml(w.clean)}</option><option value="unreadable">${escapeHtml(w.unreadableOnly)}</option></select>
<button type="button" id="expand">${escapeHtml(w.expandAll)}</button>
<button type="button" id="collapse">${escapeHtml(w.collapseAll)}</button>
<span id="count" data-shown="${escapeHtml(w.shown)}" data-of="${escapeHtml(w.of)}">${escapeHtml(w.shown)} ${total} ${escapeHtml(w.of)} ${total}</span>
</div>
${jsonScript({ headers: [w.location, w.severity, w.rule, w.code, w.message, w.path], none: w.none }, `id="findings-meta"`)}
<table id="forms" data-forms="${t.forms}" data-unreadable="${t.unreadable}">
<thead><tr>${head}</tr></thead>
`;
  const titles = report.ruleTitles ?? {};
  const data = new FindingsData(lang, titles);
  for (const e of report.entries) {
    yield `${formBody(e, w, lang, data, titles)}\n`;
    // A script element between row groups is valid in a table and keeps its place when rows are sorted.
    if (data.size >= FORMS_PER_DATA_CHUNK) yield data.take();
  }
  if (data.size > 0) yield data.take();
  yield `</table>
</section>`;
}

/** Data in a script element: JSON is never markup there, `<` is escaped so nothing can end it. */
function jsonScript(value: unknown, attributes: string): string {
  const json = JSON.stringify(value).replace(/</g, "\\u003c").replace(/\u2028/g, "\\u2028").replace(/\u2029/g, "\\u2029");
  return `<script type="application/json" ${attributes}>${json}</script>`;
}

function gradeRank(e: ReviewEntry): number {
  return e.kind === "form" ? GRADE_ORDER.indexOf(e.grade) : GRADE_ORDER.length;
}

/**
 * The findings of the forms as JSON, built into tables only when a form is opened: a report on
 * thousands of forms stays small and opens fast. Written in chunks, each with its own table of
 * the strings it repeats (rule ids, messages, cells), so no chunk waits for the whole batch.
 */
class FindingsData {
  private strings: string[] = [];
  private index = new Map<string, number>();
  private forms: number[][][] = [];
  /** Position of the chunk's first form among all forms with findings. */
  private first = 0;

  constructor(
    private readonly lang: Lang,
    private readonly titles: Readonly<Record<string, string>>,
  ) {}

  get size(): number {
    return this.forms.length;
  }

  private ref(s: string): number {
    let i = this.index.get(s);
    if (i === undefined) {
      i = this.strings.length;
      this.strings.push(s);
      this.index.set(s, i);
    }
    return i;
  }

  /** Store a form's findings; returns their position among all forms with findings. */
  add(e: ReviewedForm): number {
    this.forms.push(e.findings.map((f) => [this.ref(f.severity), this.ref(severityLabel(f.severity, this.lang)), this.ref(f.location), this.ref(f.ruleId), this.ref(f.code), this.ref(f.fixable ? `${f.message} ${FIXABLE_MARK[this.lang]}` : f.message), this.ref(f.path), this.ref(Object.hasOwn(this.titles, f.ruleId) ? this.titles[f.ruleId]! : "")]));
    return this.first + this.forms.length - 1;
  }

  /** The chunk gathered so far as a script element; the next chunk starts empty. */
  take(): string {
    const script = jsonScript({ first: this.first, strings: this.strings, forms: this.forms }, `class="findings-data"`);
    this.first += this.forms.length;
    this.strings = [];
    this.index = new Map();
    this.forms = [];
    return script;
  }
}

/** A form's most frequent rules by code and full title, one per line. */
function topRulesCell(e: ReviewedForm, titles: Readonly<Record<string, string>>): string {
  return e.topRules
    .map((id) => `<span title="${escapeHtml(id)}">${escapeHtml(ruleName(id, e.findings.find((f) => f.ruleId === id)?.code ?? "", titles))}</span>`)
    .join("<br>");
}

function formBody(e: ReviewEntry, w: Words, lang: Lang, data: FindingsData, titles: Readonly<Record<string, string>>): string {
  const name = e.kind === "form" ? formLabel(e.file, e.formIndex, lang) : e.file;
  if (e.kind === "unreadable") {
    const search = `${e.file} ${e.code}`.toLowerCase();
    return `<tbody class="form unreadable" data-status="unreadable" data-grade="" data-search="${escapeHtml(search)}" data-file="${escapeHtml(e.file)}" data-department="" data-project="" data-budget="-1" data-cost="-1" data-errors="-1" data-warnings="-1" data-infos="-1" data-grade-rank="${gradeRank(e)}" data-top-rules="">
<tr class="row"><td class="file">${escapeHtml(name)}</td><td colspan="9" class="fatal">${escapeHtml(w.unreadable)}${lang === "zh" ? "：" : ": "}${escapeHtml(e.message)} <code>${escapeHtml(e.code)}</code></td></tr>
</tbody>`;
  }
  const status = e.counts.error > 0 ? "error" : e.counts.warning > 0 ? "warning" : "clean";
  const search = [e.file, e.project ?? "", e.department ?? "", ...new Set(e.findings.map((f) => f.ruleId))].join(" ").toLowerCase();
  const attrs = [
    `data-status="${status}"`,
    `data-grade="${escapeHtml(e.grade)}"`,
    `data-search="${escapeHtml(search)}"`,
    `data-file="${escapeHtml(name)}"`,
    `data-department="${escapeHtml(e.department ?? "")}"`,
    `data-project="${escapeHtml(e.project ?? "")}"`,
    `data-budget="${e.budgetWanYuan ?? -1}"`,
    `data-cost="${e.costSumWanYuan ?? -1}"`,
    `data-errors="${e.counts.error}"`,
    `data-warnings="${e.counts.warning}"`,
    `data-infos="${e.counts.info}"`,
    `data-grade-rank="${gradeRank(e)}"`,
    `data-top-rules="${escapeHtml(e.topRules.join(", "))}"`,
  ].join(" ");
  const over = e.costSumWanYuan !== undefined && e.budgetWanYuan !== undefined && e.costSumWanYuan > e.budgetWanYuan + 0.01;
  const toggle = e.findings.length > 0 ? `<button type="button" class="toggle" aria-expanded="false" title="${escapeHtml(w.message)}">▸</button>` : `<span class="toggle-space"></span>`;
  return `<tbody class="form ${status}" ${attrs}>
<tr class="row"><td class="file">${toggle}${escapeHtml(name)}</td><td class="dept">${escapeHtml(e.department ?? "")}</td><td class="project">${escapeHtml(e.project ?? "")}</td><td class="n">${money(e.budgetWanYuan)}</td><td class="n${over ? " over" : ""}">${money(e.costSumWanYuan)}</td><td class="n${e.counts.error ? " e" : ""}">${e.counts.error}</td><td class="n${e.counts.warning ? " w" : ""}">${e.counts.warning}</td><td class="n">${e.counts.info}</td><td><span class="grade ${GRADE_CLASS[e.grade] ?? ""}">${escapeHtml(gradeName(e.grade, lang))}</span></td><td class="rules">${topRulesCell(e, titles)}</td></tr>
${e.findings.length > 0 ? `<tr class="details" hidden data-findings="${data.add(e)}"><td colspan="10"></td></tr>` : ""}
</tbody>`;
}

const STYLE = `
:root{--fg:#1d2329;--muted:#5f6b76;--line:#d8dee4;--bg:#f6f8fa;--err:#c0392b;--warn:#d68910;--info:#2e86c1;--ok:#1e8449;--budget:#5b6fa8}
*{box-sizing:border-box}
body{margin:0;font:14px/1.5 "Noto Sans CJK SC","Microsoft YaHei","PingFang SC",system-ui,sans-serif;color:var(--fg);background:#fff}
header{padding:20px 28px 8px;border-bottom:1px solid var(--line);background:var(--bg)}
h1{margin:0 0 4px;font-size:22px}
h2{font-size:17px;margin:8px 0}
.meta{margin:0 0 8px;color:var(--muted);font-size:12px}
.warn{color:#7d4e00;background:#fff4d6;border:1px solid #f0c36d;padding:6px 10px;border-radius:4px}
main{padding:16px 28px 40px}
.totals{display:flex;flex-wrap:wrap;gap:10px;margin-bottom:18px}
.card{border:1px solid var(--line);border-radius:6px;padding:10px 14px;min-width:110px;background:#fff}
.card.wide{min-width:220px}
.card .num{font-size:24px;font-weight:600}
.card .label{color:var(--muted);font-size:12px}
.card.bad .num{color:var(--err)}
.card.warn-card .num{color:var(--warn)}
.grades{padding:6px 0}
.grade{display:inline-block;padding:0 7px;border-radius:10px;font-size:12px;font-weight:600;color:#fff;background:#888}
.grade.g0{background:var(--ok)}.grade.g1{background:#4a9d5b}.grade.g2{background:var(--warn)}.grade.g3{background:var(--err)}
.charts{display:flex;flex-wrap:wrap;gap:24px;margin-bottom:18px}
figure{margin:0;border:1px solid var(--line);border-radius:6px;padding:10px 12px;max-width:100%;overflow-x:auto}
figcaption{font-weight:600;margin-bottom:6px}
svg text{font-size:12px;fill:var(--fg)}
svg text.label{text-anchor:end}
section.not-read{margin-bottom:18px}
table.not-read{width:auto;font-size:13px}
table.not-read th{text-align:left;color:var(--muted);font-weight:500;padding:3px 8px;border-bottom:1px solid var(--line)}
table.not-read td{padding:3px 8px;border-bottom:1px dotted var(--line)}
table.not-read td.status{color:var(--err);white-space:nowrap}
svg text.value{fill:var(--muted)}
svg rect.error{fill:var(--err)}svg rect.warning{fill:var(--warn)}svg rect.info{fill:var(--info)}svg rect.budget{fill:var(--budget)}
svg g.bar[data-filter]{cursor:pointer}
svg g.bar[data-filter]:hover rect{opacity:.8}
.empty{color:var(--muted)}
.controls{display:flex;flex-wrap:wrap;gap:8px;align-items:center;margin:8px 0}
.controls input{min-width:280px;padding:5px 8px;border:1px solid var(--line);border-radius:4px}
.controls select,.controls button{padding:5px 8px;border:1px solid var(--line);border-radius:4px;background:#fff}
#count{color:var(--muted);margin-left:auto}
table{border-collapse:collapse;width:100%}
#forms>thead th{position:sticky;top:0;background:var(--bg);text-align:left;font-weight:600;padding:6px 8px;border-bottom:2px solid var(--line);cursor:pointer;white-space:nowrap;user-select:none}
#forms>thead th[aria-sort=ascending]::after{content:" ▲"}
#forms>thead th[aria-sort=descending]::after{content:" ▼"}
#forms>tbody>tr.row>td{padding:5px 8px;border-bottom:1px solid var(--line);vertical-align:top}
#forms>tbody>tr.row:hover{background:#f9fbfc}
td.n{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
td.e{color:var(--err);font-weight:600}td.w{color:var(--warn);font-weight:600}td.over{color:var(--err);font-weight:600}
td.file{word-break:break-all;min-width:200px}
td.rules{font-size:12px;color:var(--muted)}
td.rule code.id{display:block;color:var(--muted)}
td.dept{white-space:nowrap}
td.project{min-width:180px}
td.fatal{color:var(--err)}
.toggle{border:0;background:none;cursor:pointer;width:20px;padding:0;font-size:12px;color:var(--muted)}
.toggle[aria-expanded=true]{transform:rotate(90deg)}
.toggle-space{display:inline-block;width:20px}
tr.details>td{padding:4px 8px 12px 28px;background:#fbfcfd;border-bottom:1px solid var(--line)}
table.findings{font-size:13px}
table.findings th{text-align:left;color:var(--muted);font-weight:500;padding:3px 6px;border-bottom:1px solid var(--line)}
table.findings td{padding:3px 6px;border-bottom:1px dotted var(--line);vertical-align:top}
td.loc{white-space:nowrap}
table.findings td:nth-child(2),table.findings td:nth-child(4){white-space:nowrap}
.sev{font-size:12px;font-weight:600}.sev.error{color:var(--err)}.sev.warning{color:var(--warn)}.sev.info{color:var(--info)}
code{font:12px ui-monospace,"DejaVu Sans Mono",monospace;color:#445}
@media print{.controls,.toggle{display:none}tr.details[data-built]{display:table-row!important}#forms>thead th{position:static}}
`;

/** Sorting, filtering and expanding, in plain DOM calls; form text is only ever read as text. */
const SCRIPT = `
(function(){
"use strict";
var table=document.getElementById("forms");
var bodies=Array.prototype.slice.call(table.tBodies);
var q=document.getElementById("q"),grade=document.getElementById("grade"),status=document.getElementById("status"),count=document.getElementById("count");
function apply(){
  var text=q.value.trim().toLowerCase(),g=grade.value,s=status.value,shown=0;
  for(var i=0;i<bodies.length;i++){
    var b=bodies[i],d=b.dataset;
    var ok=(!text||d.search.indexOf(text)>=0)&&(!g||d.grade===g)&&(!s||d.status===s||(s==="warning"&&d.status==="error"&&+d.warnings>0));
    b.hidden=!ok;if(ok)shown++;
  }
  count.textContent=count.dataset.shown+" "+shown+" "+count.dataset.of+" "+bodies.length;
}
q.addEventListener("input",apply);grade.addEventListener("change",apply);status.addEventListener("change",apply);
var sortKey=null,sortDir=1;
function sortBy(th){
  var key=th.dataset.key,num=th.dataset.type==="num";
  sortDir=(sortKey===key)?-sortDir:1;sortKey=key;
  var attr=key==="grade"?"gradeRank":key.replace(/-([a-z])/g,function(m,c){return c.toUpperCase();});
  bodies.sort(function(a,b){
    var x=a.dataset[attr]||"",y=b.dataset[attr]||"",c;
    if(num){c=(+x)-(+y);}else{c=x.localeCompare(y,"zh-CN");}
    return c*sortDir||(+a.dataset.index)-(+b.dataset.index);
  });
  var frag=document.createDocumentFragment();
  for(var i=0;i<bodies.length;i++)frag.appendChild(bodies[i]);
  table.appendChild(frag);
  var ths=table.tHead.rows[0].cells;
  for(var j=0;j<ths.length;j++)ths[j].setAttribute("aria-sort",ths[j]===th?(sortDir>0?"ascending":"descending"):"none");
}
for(var k=0;k<bodies.length;k++)bodies[k].dataset.index=String(k);
table.tHead.addEventListener("click",function(e){var th=e.target.closest("th");if(th)sortBy(th);});
table.tHead.addEventListener("keydown",function(e){if(e.key==="Enter"||e.key===" "){var th=e.target.closest("th");if(th){e.preventDefault();sortBy(th);}}});
var meta=JSON.parse(document.getElementById("findings-meta").textContent),found=[];
var chunks=document.querySelectorAll("script.findings-data");
for(var c=0;c<chunks.length;c++){var d=JSON.parse(chunks[c].textContent);for(var n=0;n<d.forms.length;n++)found[d.first+n]={strings:d.strings,rows:d.forms[n]};}
function el(tag,cls,text){var e=document.createElement(tag);if(cls)e.className=cls;if(text!==undefined)e.textContent=text;return e;}
function build(det){
  var one=found[+det.getAttribute("data-findings")],s=one.strings,rows=one.rows,t=el("table","findings"),head=el("tr"),body=el("tbody");
  for(var h=0;h<meta.headers.length;h++)head.appendChild(el("th","",meta.headers[h]));
  t.appendChild(el("thead")).appendChild(head);
  for(var r=0;r<rows.length;r++){
    var f=rows[r],tr=el("tr",s[f[0]]),sev=el("td");
    tr.appendChild(el("td","loc",s[f[2]]||meta.none));
    sev.appendChild(el("span","sev "+s[f[0]],s[f[1]]));tr.appendChild(sev);
    var rule=tr.appendChild(el("td","rule",s[f[7]]||s[f[3]]));if(s[f[7]])rule.appendChild(el("code","id",s[f[3]]));
    tr.appendChild(el("td")).appendChild(el("code","",s[f[4]]));
    tr.appendChild(el("td","",s[f[5]]));
    tr.appendChild(el("td")).appendChild(el("code","",s[f[6]]));
    body.appendChild(tr);
  }
  t.appendChild(body);det.cells[0].appendChild(t);det.setAttribute("data-built","1");
}
function setOpen(b,open){var det=b.querySelector("tr.details"),btn=b.querySelector("button.toggle");if(!det||!btn)return;if(open&&!det.hasAttribute("data-built"))build(det);det.hidden=!open;btn.setAttribute("aria-expanded",open?"true":"false");}
table.addEventListener("click",function(e){var btn=e.target.closest("button.toggle");if(!btn)return;var b=btn.closest("tbody");setOpen(b,btn.getAttribute("aria-expanded")!=="true");});
document.getElementById("expand").addEventListener("click",function(){for(var i=0;i<bodies.length;i++)if(!bodies[i].hidden)setOpen(bodies[i],true);});
document.getElementById("collapse").addEventListener("click",function(){for(var i=0;i<bodies.length;i++)setOpen(bodies[i],false);});
var bars=document.querySelectorAll("svg g.bar[data-filter]");
for(var m=0;m<bars.length;m++)bars[m].addEventListener("click",function(){q.value=this.getAttribute("data-filter");apply();table.scrollIntoView();});
apply();
document.documentElement.setAttribute("data-ready","1");
})();
`;
