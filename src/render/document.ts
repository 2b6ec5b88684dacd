import type { Form } from "../model/form.js";
import { FORM_TITLES, FORM_WORDS } from "../model/terms.js";
import { headerRows } from "./header-fields.js";
import { formTable, type IndicatorBlock } from "./form-table.js";
import { indicatorColumns } from "./indicator-columns.js";
import { blockLabel, fieldLabel } from "./labels.js";
import { resolveLayout, type RenderLayout } from "./layout.js";
import { pageGeometry, sectionProperties, type PageGeometry } from "./page.js";
import { FONT, SIZE, officialPunctuation } from "./typography.js";
import type { WidthMetrics } from "./widths.js";
import { PRINTED } from "./words.js";
import { CELL_MARGIN, R_NS, W_NS, paragraph, run, tabRun } from "./wml.js";
import { XML_DECLARATION } from "./xml.js";

export interface RenderOptions {
  /** Header style; default: the family the form was read from, else L1. */
  layout?: RenderLayout;
  /** A4 landscape instead of portrait. */
  landscape?: boolean;
}

/** Table text metrics: 10.5 pt characters, the table's cell margins on both sides. */
const METRICS: WidthMetrics = { em: 210, padding: 2 * CELL_MARGIN };

/** What a form renders to: the main part (`word/document.xml`) and the title the package properties give. */
export interface RenderedDocument {
  title: string;
  documentXml: string;
}

/** The title as the form gives it, else the layout's default title with the year in front. */
export function titleOf(form: Form, layout: RenderLayout): string {
  if (form.title) return form.title;
  const year = form.year !== undefined ? String(form.year) : "";
  if (layout === "L2") return `${year ? `${year}年` : ""}${officialPunctuation(FORM_TITLES.mof2011)}`;
  if (layout === "L5") return `${year ? `${year}年` : ""}${FORM_TITLES.central}`;
  return `${year}${FORM_TITLES.hunan2023}`;
}

/** `附件2：` in 黑体 at the top left. */
function attachmentParagraph(label: string): string {
  return paragraph({ spacing: { before: 0, after: 120 } }, run(`${label}：`, FONT.heading, SIZE.attachment));
}

/** `（2024年度）` under a title that does not name the form's year. */
export function yearLine(form: Form, layout: RenderLayout): string | undefined {
  if (form.year === undefined || /\d{4}\s*年/.test(titleOf(form, layout))) return undefined;
  return `（${form.year}年度）`;
}

function yearParagraph(text: string): string {
  return paragraph({ align: "center", spacing: { before: 0, after: 160 } }, run(text, FONT.body, SIZE.line));
}

/** The title in bold, as the official form sets it: heavy in 方正小标宋 and in every face that stands in for it. */
function titleParagraph(title: string): string {
  return paragraph({ align: "center", spacing: { before: 120, after: 240 } }, run(title, FONT.title, SIZE.title, true));
}

/** `填报单位（盖章）：…` on the left, `单位：万元` against the right margin. */
function unitLine(form: Form, page: PageGeometry): string {
  const filling = `${fieldLabel("fillingUnit", "填报单位")}${PRINTED.seal}：${form.fillingUnit ?? ""}`;
  const unit = `${FORM_WORDS.unitLine}：${form.amountUnit}`;
  return paragraph(
    { spacing: { before: 0, after: 80 }, rightTab: page.contentWidth },
    run(filling, FONT.body, SIZE.line) + tabRun(SIZE.line) + run(unit, FONT.body, SIZE.line),
  );
}

/** 填表人 / 联系电话 / 单位负责人签字 (and 填报日期), with the values the form has and room to sign. */
export function signatureText(form: Form, layout: RenderLayout): string {
  const s = form.signatures ?? {};
  const blank = "　　　　";
  const item = (label: string, value: string | undefined): string => `${label}：${value ?? blank}`;
  const parts =
    layout === "L2"
      ? [item(fieldLabel("filler", "填报人"), s.filler), item(fieldLabel("phone", "联系电话"), s.phone), item(fieldLabel("head", "单位负责人"), s.head), item(fieldLabel("fillDate", "填报日期"), s.date)]
      : [
          item(fieldLabel("filler", "填表人"), s.filler),
          item(fieldLabel("phone", "联系电话"), s.phone),
          ...(s.date !== undefined ? [item(fieldLabel("fillDate", "填报日期"), s.date)] : []),
          item(fieldLabel("head", "单位负责人签字"), s.head),
        ];
  return parts.join("　　");
}

function signatureParagraph(form: Form, layout: RenderLayout): string {
  return paragraph({ spacing: { before: 200, after: 0 } }, run(signatureText(form, layout), FONT.body, SIZE.line));
}

function blockLabels(layout: RenderLayout): { annual: string; longTerm: string } {
  if (layout === "L1") return { annual: blockLabel("annual", "本年度绩效指标"), longTerm: blockLabel("longTerm", "实施期绩效指标") };
  return { annual: blockLabel("annual", "年度绩效指标"), longTerm: blockLabel("longTerm", "长期绩效指标") };
}

/** `word/document.xml` of a body already written, on the given page (its margins and page-number footer). */
export function documentXml(body: string, page: PageGeometry): string {
  return XML_DECLARATION + `<w:document xmlns:w="${W_NS}" xmlns:r="${R_NS}"><w:body>${body}${sectionProperties(page)}</w:body></w:document>`;
}

/** Form → the WordprocessingML of its document (no IO). Nothing the Form holds is left out, whichever layout is chosen. */
export function buildDocument(form: Form, options: RenderOptions = {}): RenderedDocument {
  const layout = resolveLayout(form, options.layout);
  const page = pageGeometry(options.landscape ?? false);
  const labels = blockLabels(layout);
  const blocks: IndicatorBlock[] = [
    ...(form.indicators.longTerm ? [{ label: labels.longTerm, rows: form.indicators.longTerm }] : []),
    { label: labels.annual, rows: form.indicators.annual },
  ];
  const title = titleOf(form, layout);
  const children: string[] = [];
  if (form.attachmentLabel) children.push(attachmentParagraph(form.attachmentLabel));
  children.push(titleParagraph(title));
  const year = yearLine(form, layout);
  if (year) children.push(yearParagraph(year));
  children.push(unitLine(form, page));
  children.push(
    formTable({
      header: headerRows(form, layout),
      blocks,
      // One grid for every block: a column one block fills is printed (empty) in the other too.
      columns: indicatorColumns(blocks.flatMap((b) => b.rows), layout),
      width: page.contentWidth,
      maxUnsplitHeight: page.contentHeight * 0.8,
      metrics: METRICS,
    }),
  );
  children.push(signatureParagraph(form, layout));

  return { title, documentXml: documentXml(children.join(""), page) };
}
