import type { SeverityCounts } from "../lint/types.js";
import { FEEDBACK_WORDS as W, REVIEW_CONCLUSIONS, type ConclusionKey } from "../model/terms.js";
import { documentXml, type RenderedDocument } from "../render/document.js";
import { pageGeometry } from "../render/page.js";
import { formLabel } from "../report/labels.js";
import { pageBreak } from "../render/wml.js";
import { amountText, dataTable, headingParagraph, textParagraph, titleParagraph, type Column } from "./blocks.js";

/** One form as the summary lists it. */
export interface SummaryForm {
  file: string;
  formIndex?: number;
  department?: string;
  project?: string;
  fundingTotal?: { amount: number; unit: string };
  conclusion: ConclusionKey;
  counts: SeverityCounts;
}

/** A file that could not be read: listed so its sender can send it again. */
export interface SummaryUnreadable {
  file: string;
  code: string;
  /** The reason, in Chinese. */
  reason: string;
}

const KEYS = Object.keys(REVIEW_CONCLUSIONS) as ConclusionKey[];

function tally(forms: readonly SummaryForm[]): Record<ConclusionKey, number> {
  const t = { pass: 0, revise: 0, reject: 0 };
  for (const f of forms) t[f.conclusion]++;
  return t;
}

/** `通过 2 份，修改后通过 1 份，退回 0 份`. */
function tallyText(forms: readonly SummaryForm[]): string {
  const t = tally(forms);
  return KEYS.map((k) => `${REVIEW_CONCLUSIONS[k]} ${t[k]} 份`).join("，");
}

/** Forms by department, in the order departments first appear; forms without one last. */
export function byDepartment(forms: readonly SummaryForm[]): { department: string | undefined; forms: SummaryForm[] }[] {
  const groups = new Map<string | undefined, SummaryForm[]>();
  for (const f of forms) {
    const key = f.department;
    const list = groups.get(key);
    if (list) list.push(f);
    else groups.set(key, [f]);
  }
  const named = [...groups.entries()].filter(([d]) => d !== undefined);
  const unnamed = groups.get(undefined);
  return [...named.map(([department, fs]) => ({ department, forms: fs })), ...(unnamed ? [{ department: undefined, forms: unnamed }] : [])];
}

const departmentName = (d: string | undefined) => d ?? `（${W.noDepartment}）`;

const FORM_COLUMNS: Column[] = [
  { header: "序号", share: 6, align: "center" },
  { header: W.submission, share: 26 },
  { header: W.project, share: 26 },
  { header: W.budget, share: 12, align: "center" },
  { header: W.conclusion, share: 12, align: "center" },
  { header: "错误", share: 6, align: "center" },
  { header: "警告", share: 6, align: "center" },
  { header: "提示", share: 6, align: "center" },
];

/**
 * 部门审核意见汇总: an overview of every department, then each department's forms with their
 * conclusions and counts on pages of their own (to print or send to that department alone), then
 * the files that could not be read, with the reason, so their senders can send them again.
 */
export function summaryDocument(forms: readonly SummaryForm[], unreadable: readonly SummaryUnreadable[]): RenderedDocument {
  const page = pageGeometry(false);
  const width = page.contentWidth;
  const groups = byDepartment(forms);
  const intro = [
    titleParagraph(W.summaryTitle),
    textParagraph(`共审核表单 ${forms.length} 份：${tallyText(forms)}；${W.unreadable}的文件 ${unreadable.length} 个。`),
  ];
  if (groups.length > 0) {
    const overview = [{ header: W.department, share: 40 }, { header: "表单", share: 12, align: "center" as const }, ...KEYS.map((k) => ({ header: REVIEW_CONCLUSIONS[k], share: 16, align: "center" as const }))];
    const rows = groups.map((g) => {
      const t = tally(g.forms);
      return [departmentName(g.department), String(g.forms.length), ...KEYS.map((k) => String(t[k]))];
    });
    intro.push(headingParagraph("各部门情况"), dataTable(overview, rows, width));
  }
  const sections = [intro.join("")];
  for (const g of groups) {
    const rows = g.forms.map((f, i) => [
      String(i + 1),
      formLabel(f.file, f.formIndex, "zh"),
      f.project ?? `（${W.notFilled}）`,
      amountText(f.fundingTotal, "—"),
      REVIEW_CONCLUSIONS[f.conclusion],
      String(f.counts.error),
      String(f.counts.warning),
      String(f.counts.info),
    ]);
    sections.push(
      headingParagraph(`${W.department}：${departmentName(g.department)}`, 0) +
        textParagraph(`表单 ${g.forms.length} 份：${tallyText(g.forms)}。各表的问题见其审核意见。`) +
        dataTable(FORM_COLUMNS, rows, width),
    );
  }
  if (unreadable.length > 0) {
    const columns: Column[] = [
      { header: "序号", share: 6, align: "center" },
      { header: W.submission, share: 34 },
      { header: "原因", share: 60 },
    ];
    const rows = unreadable.map((u, i) => [String(i + 1), u.file, `${W.unreadable}：${u.reason}（${u.code}）`]);
    sections.push(headingParagraph(`${W.unreadable}的文件（请来件单位重新报送）`, 0) + dataTable(columns, rows, width));
  }
  return { title: W.summaryTitle, documentXml: documentXml(sections.join(pageBreak()), page) };
}
