import type { SeverityCounts } from "../lint/types.js";
import { FEEDBACK_WORDS as W } from "../model/terms.js";
import { documentXml, type RenderedDocument } from "../render/document.js";
import { pageGeometry } from "../render/page.js";
import { FONT, SIZE } from "../render/typography.js";
import { CELL_MARGIN, pageBreak, paragraph, run, tabRun } from "../render/wml.js";
import { severityLabel } from "../report/labels.js";
import type { Severity } from "../rules/types.js";
import { amountText, blankLines, box, chineseNumber, fieldTable, headingParagraph, labelledParagraph, textParagraph, titleParagraph } from "./blocks.js";
import type { Conclusion } from "./conclusion.js";

/** One finding as the 审核意见 print it: in Chinese, with the cell it points to. */
export interface FeedbackFinding {
  ruleId: string;
  severity: Severity;
  message: string;
  /** 表1 第7行第4列, 第12行 …; empty when the finding has no place of its own. */
  location: string;
}

/** One form's 审核意见. */
export interface FeedbackForm {
  /** The submission as the run names it. */
  file: string;
  /** 1-based position of the form in its file, when the file holds several. */
  formIndex?: number;
  department?: string;
  project?: string;
  fundingTotal?: { amount: number; unit: string };
  conclusion: Conclusion;
  counts: SeverityCounts;
  findings: readonly FeedbackFinding[];
}

/** Rule id → its title (the rule's Chinese description). */
export type RuleTitles = ReadonlyMap<string, string>;

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

export interface RuleGroup {
  ruleId: string;
  title: string;
  findings: FeedbackFinding[];
}

/**
 * Findings grouped by rule: the rules with errors first, then warnings, then infos (the order of
 * first appearance within each); in each group errors first, then the report's order.
 */
export function groupByRule(findings: readonly FeedbackFinding[], titles: RuleTitles): RuleGroup[] {
  const groups = new Map<string, RuleGroup & { rank: number; first: number }>();
  findings.forEach((f, i) => {
    let g = groups.get(f.ruleId);
    if (!g) groups.set(f.ruleId, (g = { ruleId: f.ruleId, title: titles.get(f.ruleId) ?? f.ruleId, findings: [], rank: 3, first: i }));
    g.findings.push(f);
    g.rank = Math.min(g.rank, SEVERITY_ORDER[f.severity]);
  });
  // Array.prototype.sort is stable: within a severity the findings keep the report's order.
  const bySeverity = (fs: FeedbackFinding[]) => fs.sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
  return [...groups.values()].sort((a, b) => a.rank - b.rank || a.first - b.first).map(({ ruleId, title, findings: fs }) => ({ ruleId, title, findings: bySeverity(fs) }));
}

/** `错误 2 处、提示 5 处`: the severities present, most severe first. */
export function countText(counts: SeverityCounts): string {
  const parts = (["error", "warning", "info"] as const).filter((s) => counts[s] > 0).map((s) => `${severityLabel(s, "zh")} ${counts[s]} 处`);
  return parts.join("、");
}

function groupCounts(findings: readonly FeedbackFinding[]): SeverityCounts {
  const c: SeverityCounts = { error: 0, warning: 0, info: 0 };
  for (const f of findings) c[f.severity]++;
  return c;
}

/** `表1 第7行第4列：message`, or the message alone when it has no place. */
export function findingLine(f: FeedbackFinding): string {
  return f.location ? `${f.location}：${f.message}` : f.message;
}

/** The numbered items hang under their text, not their number. */
const ITEM_INDENT = { left: 480, hanging: 480 };

function problemsBlock(form: FeedbackForm, titles: RuleTitles): string[] {
  const total = form.counts.error + form.counts.warning + form.counts.info;
  const out = [headingParagraph(total > 0 ? `${W.problems}（共 ${total} 处：${countText(form.counts)}）` : W.problems, 240)];
  if (total === 0) return [...out, textParagraph("未发现问题。")];
  groupByRule(form.findings, titles).forEach((g, gi) => {
    const counts = groupCounts(g.findings);
    const mixed = (["error", "warning", "info"] as const).filter((s) => counts[s] > 0).length > 1;
    out.push(headingParagraph(`${chineseNumber(gi + 1)}、${g.title}（${countText(counts)}）`, 120));
    g.findings.forEach((f, fi) => {
      const tag = mixed ? `【${severityLabel(f.severity, "zh")}】` : "";
      out.push(textParagraph(`${fi + 1}．${tag}${findingLine(f)}`, { indent: ITEM_INDENT, spacing: { before: 0, after: 40 } }));
    });
  });
  return out;
}

/** 审核人：… on the left, 日期：　年　月　日 against the right edge of `contentWidth`. */
function signatureParagraph(contentWidth: number): string {
  return paragraph(
    { spacing: { before: 120, after: 120 }, rightTab: contentWidth },
    run(`${W.reviewer}：`, FONT.body, SIZE.line) + tabRun(SIZE.line) + run(`${W.date}：　　　　年　　月　　日`, FONT.body, SIZE.line),
  );
}

function formSection(form: FeedbackForm, formCount: number, titles: RuleTitles, contentWidth: number): string[] {
  const out = [titleParagraph(W.title)];
  if (form.formIndex !== undefined && formCount > 1) out.push(paragraph({ align: "center", spacing: { before: 0, after: 160 } }, run(`（第 ${form.formIndex} 份，共 ${formCount} 份）`, FONT.body, SIZE.line)));
  out.push(
    fieldTable(
      [
        { label: W.department, value: form.department ?? `（${W.notFilled}）` },
        { label: W.project, value: form.project ?? `（${W.notFilled}）` },
        { label: W.budget, value: amountText(form.fundingTotal, `（${W.notFilled}）`) },
        { label: W.submission, value: form.file },
        { label: W.conclusion, value: form.conclusion.text, bold: true },
        { label: W.reason, value: form.conclusion.reason },
      ],
      contentWidth,
    ),
  );
  out.push(...problemsBlock(form, titles));
  out.push(paragraph({ spacing: { before: 240, after: 0 } }));
  out.push(box(labelledParagraph(W.reviewerOpinion, "", { spacing: { before: 80, after: 0 } }) + blankLines(6) + signatureParagraph(contentWidth - 2 * CELL_MARGIN - 240), contentWidth));
  return out;
}

/**
 * The 审核意见 of one submission: every form the file holds, each on its own pages with its own
 * conclusion and signature lines, so the file goes back to its sender as one document.
 */
export function feedbackDocument(forms: readonly FeedbackForm[], titles: RuleTitles): RenderedDocument {
  const page = pageGeometry(false);
  const body = forms.map((f) => formSection(f, forms.length, titles, page.contentWidth).join("")).join(pageBreak());
  const first = forms[0];
  const title = `${W.title}${first?.project ? `：${first.project}` : ""}`;
  return { title, documentXml: documentXml(body, page) };
}
