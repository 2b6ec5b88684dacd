import {
  AlignmentType,
  Document,
  Footer,
  PageNumber,
  PageOrientation,
  Paragraph,
  TabStopType,
  TextRun,
  type FileChild,
} from "docx";
import type { Form, IndicatorRow } from "../model/form.js";
import { FORM_TITLES, FORM_WORDS } from "../model/terms.js";
import { headerRows } from "./header-fields.js";
import { headerTable } from "./header-table.js";
import { indicatorColumns } from "./indicator-columns.js";
import { indicatorTable } from "./indicator-table.js";
import { blockLabel, fieldLabel } from "./labels.js";
import { resolveLayout, type RenderLayout } from "./layout.js";
import { A4, pageGeometry, type PageGeometry } from "./page.js";
import { printable } from "./cells.js";
import { FONT, SIZE, fontFor, officialPunctuation } from "./typography.js";
import type { WidthMetrics } from "./widths.js";
import { PRINTED } from "./words.js";

export interface RenderOptions {
  /** Header style; default: the family the form was read from, else L1. */
  layout?: RenderLayout;
  /** A4 landscape instead of portrait. */
  landscape?: boolean;
}

/** Table text metrics: 10.5 pt characters, 0.15 cm cell margins. */
const METRICS: WidthMetrics = { em: 210, padding: 2 * 85 };

const run = (text: string, face: string, size: number): TextRun => new TextRun({ text: printable(text), font: fontFor(face), size });

/** The title as the form gives it, else the layout's default title with the year in front. */
export function titleOf(form: Form, layout: RenderLayout): string {
  if (form.title) return form.title;
  const year = form.year !== undefined ? String(form.year) : "";
  if (layout === "L2") return `${year ? `${year}年` : ""}${officialPunctuation(FORM_TITLES.mof2011)}`;
  if (layout === "L5") return `${year ? `${year}年` : ""}${FORM_TITLES.central}`;
  return `${year}${FORM_TITLES.hunan2023}`;
}

/** `附件2：` in 黑体 at the top left. */
function attachmentParagraph(label: string): Paragraph {
  return new Paragraph({ spacing: { before: 0, after: 120 }, children: [run(`${label}：`, FONT.heading, SIZE.attachment)] });
}

/** `（2024年度）` under a title that does not name the form's year. */
export function yearLine(form: Form, layout: RenderLayout): string | undefined {
  if (form.year === undefined || /\d{4}\s*年/.test(titleOf(form, layout))) return undefined;
  return `（${form.year}年度）`;
}

function yearParagraph(text: string): Paragraph {
  return new Paragraph({ alignment: AlignmentType.CENTER, spacing: { before: 0, after: 160 }, children: [run(text, FONT.body, SIZE.line)] });
}

function titleParagraph(title: string): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { before: 120, after: 240 },
    children: [run(title, FONT.title, SIZE.title)],
  });
}

/** `填报单位（盖章）：…` on the left, `单位：万元` against the right margin. */
function unitLine(form: Form, page: PageGeometry): Paragraph {
  const filling = `${fieldLabel("fillingUnit", "填报单位")}${PRINTED.seal}：${form.fillingUnit ?? ""}`;
  const unit = `${FORM_WORDS.unitLine}：${form.amountUnit}`;
  return new Paragraph({
    spacing: { before: 0, after: 80 },
    tabStops: [{ type: TabStopType.RIGHT, position: page.contentWidth }],
    children: [run(filling, FONT.body, SIZE.line), new TextRun({ text: "\t", size: SIZE.line }), run(unit, FONT.body, SIZE.line)],
  });
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

function signatureParagraph(form: Form, layout: RenderLayout): Paragraph {
  return new Paragraph({ spacing: { before: 200, after: 0 }, children: [run(signatureText(form, layout), FONT.body, SIZE.line)] });
}

/** A thin gap between tables: Word would join two tables that touch. */
function gap(): Paragraph {
  return new Paragraph({ spacing: { before: 0, after: 0, line: 120, lineRule: "exact" }, children: [] });
}

/** `— 1 —` centred at the foot of every page (GB/T 9704 §7.5). */
function pageNumberFooter(): Footer {
  return new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [new TextRun({ children: ["— ", PageNumber.CURRENT, " —"], font: fontFor("宋体"), size: SIZE.footer })],
      }),
    ],
  });
}

function blockLabels(layout: RenderLayout): { annual: string; longTerm: string } {
  if (layout === "L1") return { annual: blockLabel("annual", "本年度绩效指标"), longTerm: blockLabel("longTerm", "实施期绩效指标") };
  return { annual: blockLabel("annual", "年度绩效指标"), longTerm: blockLabel("longTerm", "长期绩效指标") };
}

/** Form → docx Document (no IO). Nothing the Form holds is left out, whichever layout is chosen. */
export function buildDocument(form: Form, options: RenderOptions = {}): Document {
  const layout = resolveLayout(form, options.layout);
  const page = pageGeometry(options.landscape ?? false);
  const labels = blockLabels(layout);
  const table = (label: string, rows: readonly IndicatorRow[]) =>
    indicatorTable({
      blockLabel: label,
      columns: indicatorColumns(rows, layout),
      rows,
      width: page.contentWidth,
      maxUnsplitHeight: page.contentHeight * 0.8,
      metrics: METRICS,
    });

  const children: FileChild[] = [];
  if (form.attachmentLabel) children.push(attachmentParagraph(form.attachmentLabel));
  children.push(titleParagraph(titleOf(form, layout)));
  const year = yearLine(form, layout);
  if (year) children.push(yearParagraph(year));
  children.push(unitLine(form, page));
  children.push(headerTable(headerRows(form, layout), page.contentWidth, METRICS));
  if (form.indicators.longTerm) children.push(gap(), table(labels.longTerm, form.indicators.longTerm));
  children.push(gap(), table(labels.annual, form.indicators.annual));
  children.push(signatureParagraph(form, layout));

  return new Document({
    title: titleOf(form, layout),
    creator: "perfgoal",
    styles: {
      default: {
        document: {
          run: { font: fontFor(FONT.body), size: SIZE.table, language: { value: "en-US", eastAsia: "zh-CN" } },
          paragraph: { spacing: { before: 0, after: 0 } },
        },
      },
    },
    sections: [
      {
        properties: {
          page: {
            // Portrait dimensions: docx swaps them for a landscape page.
            size: {
              width: A4.width,
              height: A4.height,
              orientation: options.landscape ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT,
            },
            margin: page.margins,
          },
        },
        footers: { default: pageNumberFooter() },
        children,
      },
    ],
  });
}
