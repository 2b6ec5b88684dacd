/**
 * The layout-agnostic extractor: neutral document (paragraphs + expanded grids) → one Form per
 * project, with a SourceMap from model paths to the cells and lines each value came from.
 */
import type { Form, IndicatorRow } from "../../model/form.js";
import type { SourceMap } from "../../model/location.js";
import { PerfgoalError, type FoundFields } from "../../model/errors.js";
import { LAYOUT_WORDS, type AmountUnit } from "../../model/terms.js";
import type { Block, SourceDocument, Table } from "../document.js";
import { buildHeader, type BuiltHeader } from "./build-header.js";
import { blockLabelPeriod, detectHeader, type IndicatorHeader, type PeriodKind } from "./columns.js";
import { parseDepartment } from "./field-values.js";
import { groupFlatRows, type FlatProject } from "./flat.js";
import { rowCells } from "./grid.js";
import { ATTACHMENT, HeaderCollector, looksLikeTitle, scanParagraph, scanTableRows } from "./header-scan.js";
import { readBlock, type ExtractedRow, type TierMemory } from "./indicators.js";
import { detectLayout, type LayoutEvidence } from "./layout.js";
import { parseAmount } from "./numbers.js";
import { blocksWithoutInvisibles, normaliseLabel } from "./text.js";

export interface ExtractedForm {
  form: Form;
  sourceMap: SourceMap;
}

/** Neutral document → one Form per project. Throws PG-E-NO-TABLE when no indicator table exists. */
export function extractForms(doc: SourceDocument): ExtractedForm[] {
  const segments = splitForms(blocksWithoutInvisibles(doc.blocks)).map((blocks) => extractSegment(blocks, doc.meta.format));
  const forms = segments.flatMap((s) => s.forms);
  if (forms.length === 0) throw noTable(doc, segments[0]?.header);
  const problems = doc.meta.problems;
  if (!problems || problems.length === 0) return forms;
  // A form read only in part says so in the model: validate reports it, and never as clean.
  return forms.map(({ form, sourceMap }) => ({ form: { ...form, source: { ...form.source, complete: false, problems: [...problems] } }, sourceMap }));
}

/** PG-E-NO-TABLE with the reader's reason and the header fields that were found all the same. */
function noTable(doc: SourceDocument, header: BuiltHeader | undefined): PerfgoalError {
  const found: FoundFields = {};
  const p = header?.parts;
  if (p?.project.name) found.projectName = p.project.name;
  if (p?.project.department) found.department = p.project.department.name;
  if (p?.year !== undefined) found.year = p.year;
  if (p?.funding.total !== undefined) found.budgetTotal = p.funding.total;
  if (Object.keys(found).length > 0) found.amountUnit = header?.amountUnit?.unit ?? "万元";
  const seen: [string, string, string][] = [];
  if (found.department) seen.push(["部门", "department", found.department]);
  if (found.projectName) seen.push(["项目", "project", found.projectName]);
  if (found.year !== undefined) seen.push(["年度", "year", String(found.year)]);
  if (found.budgetTotal !== undefined) seen.push(["资金", "budget", `${found.budgetTotal}${found.amountUnit}`]);
  const zh = [doc.meta.noTable, seen.length > 0 ? `已识别：${seen.map(([label, , value]) => `${label} ${value}`).join("，")}` : undefined].filter(Boolean);
  // The English line names the fields found, not their (Chinese) values.
  const en = [doc.meta.noTable ? "the text holds no indicator table a reader can rebuild" : undefined, seen.length > 0 ? `found ${seen.map(([, name]) => name).join(", ")}` : undefined].filter(Boolean);
  const detail = zh.length > 0 ? { zh: zh.join("；"), en: en.join("; ") } : undefined;
  return new PerfgoalError("PG-E-NO-TABLE", detail, { found });
}

/**
 * A document may hold several forms one after another: a new title (or 附件 label) after an
 * indicator table starts the next one.
 */
function splitForms(blocks: Block[]): Block[][] {
  const out: Block[][] = [[]];
  let sawIndicators = false;
  for (const block of blocks) {
    if (block.kind === "paragraph" && sawIndicators && startsForm(block.text)) {
      out.push([]);
      sawIndicators = false;
    }
    out[out.length - 1]!.push(block);
    if (block.kind === "table" && hasIndicatorHeader(block.table)) sawIndicators = true;
  }
  return out;
}

function startsForm(text: string): boolean {
  const t = text.trim();
  const att = ATTACHMENT.exec(t);
  return looksLikeTitle(t) || (att !== null && att[0].length === t.length);
}

function hasIndicatorHeader(table: Table): boolean {
  return table.rows.some((_, r) => detectHeader(table, r) !== undefined);
}

interface FoundBlock {
  header: IndicatorHeader;
  table: Table;
  rows: ExtractedRow[];
  endRow: number;
  period: PeriodKind;
  memory: TierMemory;
}

function sameColumns(a: IndicatorHeader, b: IndicatorHeader): boolean {
  const sig = (h: IndicatorHeader) => [...h.columns.map((c) => `${c.col}:${c.key}:${c.period ?? ""}`), ...h.flat.map((f) => `${f.col}:${f.key}`)].join("|");
  return sig(a) === sig(b);
}

function extractSegment(blocks: Block[], format: SourceDocument["meta"]["format"]): { forms: ExtractedForm[]; header: BuiltHeader } {
  const collector = new HeaderCollector();
  const found: FoundBlock[] = [];
  const evidence: LayoutEvidence = { labels: collector.labelsSeen, headers: new Set(), flat: false, longTermBlock: false, coreMarks: false };
  let context: PeriodKind | undefined;
  for (const block of blocks) {
    if (block.kind === "paragraph") {
      const p = blockLabelPeriod(block.text);
      if (p) context = p;
      else scanParagraph(collector, block.text, block.loc);
      continue;
    }
    const table = block.table;
    const headerRows: number[] = [];
    for (let r = 0; r < table.rows.length; ) {
      const header = detectHeader(table, r);
      if (!header) {
        const filled = rowCells(table, r).filter((c) => c.text.trim() !== "");
        const p = filled.length === 1 ? blockLabelPeriod(filled[0]!.text) : undefined;
        if (p) context = p;
        else headerRows.push(r);
        r++;
        continue;
      }
      // The same header again with no block label of its own (a table broken over pages,
      // its header repeated): the previous block goes on.
      const previous = found.at(-1);
      const continues = header.blockPeriod === undefined && context === undefined && previous !== undefined && sameColumns(previous.header, header);
      const period = header.blockPeriod ?? context ?? (continues ? previous.period : "annual");
      const result = readBlock(table, header, period, continues ? previous.memory : undefined);
      found.push({ header, table, rows: result.rows, endRow: result.endRow, period, memory: result.memory });
      for (const t of header.headerTexts) evidence.headers.add(normaliseLabel(t));
      if (header.flat.length > 0) evidence.flat = true;
      if (result.rows.some((row) => row.period === "longTerm") && !header.columns.some((c) => c.period === "longTerm")) evidence.longTermBlock = true;
      context = undefined;
      r = Math.max(result.endRow, r + 1);
    }
    scanTableRows(collector, table, headerRows);
  }
  if (found.length === 0) return { forms: [], header: buildHeader(collector) };
  evidence.coreMarks = found.some((b) => b.rows.some((r) => r.row.tier3.includes(LAYOUT_WORDS.coreMark)));
  const header = buildHeader(collector);
  if (collector.title) evidence.title = collector.title.text;
  const layout = detectLayout(evidence);

  const flat = found.filter((b) => b.header.flat.length > 0);
  if (flat.length > 0) {
    const unit = header.amountUnit?.unit ?? flat.find((b) => b.header.amountUnit)?.header.amountUnit ?? "元";
    return { forms: flat.flatMap((b) => groupFlatRows(b.table, b.header, b.rows, b.endRow)).map((p) => flatForm(header, p, unit, layout, format)), header };
  }
  const rows = found.flatMap((b) => b.rows);
  const unit = header.amountUnit?.unit ?? unitFromValues(header.parts.funding.total, rows) ?? "万元";
  return { forms: [assemble(header, rows, unit, layout, format)], header };
}

/**
 * The unit of a bare budget (`5.00` with no 单位 on the form) from an indicator that names the
 * same amount with its unit (a 成本 value `5万元`).
 */
function unitFromValues(total: number | undefined, rows: ExtractedRow[]): AmountUnit | undefined {
  if (total === undefined || total === 0) return undefined;
  for (const { row } of rows) {
    const v = row.value;
    if (v.kind === "money" && (v.unit === "万元" || v.unit === "元") && v.numbers?.includes(total)) return v.unit;
  }
  return undefined;
}

/** Header parts + indicator rows → the Form and its SourceMap. */
function assemble(header: BuiltHeader, rows: ExtractedRow[], amountUnit: AmountUnit, layout: string | undefined, format: SourceDocument["meta"]["format"]): ExtractedForm {
  const sourceMap: SourceMap = new Map(header.sourceMap);
  const annual: IndicatorRow[] = [];
  const longTerm: IndicatorRow[] = [];
  for (const extracted of rows) {
    const list = extracted.period === "longTerm" ? longTerm : annual;
    const path = `indicators.${extracted.period}[${list.length}]`;
    list.push(extracted.row);
    const first = extracted.locs.tier3 ?? extracted.locs.value ?? extracted.locs.tier2 ?? extracted.locs.tier1;
    if (first) sourceMap.set(path, first);
    for (const [key, loc] of Object.entries(extracted.locs)) if (loc) sourceMap.set(`${path}.${key}`, loc);
  }
  const form: Form = {
    ...header.parts,
    amountUnit,
    indicators: { annual, ...(longTerm.length > 0 ? { longTerm } : {}) },
    source: { format, ...(layout ? { layout } : {}) },
  };
  return { form, sourceMap };
}

/** One project of a flat export: the document's header, then the project's own columns. */
function flatForm(header: BuiltHeader, project: FlatProject, amountUnit: AmountUnit, layout: string | undefined, format: SourceDocument["meta"]["format"]): ExtractedForm {
  const { form, sourceMap } = assemble(header, project.rows, amountUnit, layout, format);
  const f = project.fields;
  const projectPart = { ...form.project };
  if (f.projectName) {
    projectPart.name = f.projectName.value;
    sourceMap.set("project.name", f.projectName.loc);
  }
  if (f.department) {
    const d = parseDepartment(f.department.value);
    const code = d.code ?? f.departmentCode?.value;
    projectPart.department = { name: d.name, ...(code ? { code } : {}) };
    sourceMap.set("project.department", f.department.loc);
  }
  const funding = { ...form.funding };
  const total = parseAmount(f.total?.value);
  if (total !== undefined && f.total) {
    funding.total = total;
    sourceMap.set("funding.total", f.total.loc);
  }
  const goals = { ...form.goals };
  if (f.annualGoal) {
    goals.annual = f.annualGoal.value;
    sourceMap.set("goals.annual", f.annualGoal.loc);
  }
  if (f.longTermGoal) {
    goals.longTerm = f.longTermGoal.value;
    sourceMap.set("goals.longTerm", f.longTermGoal.loc);
  }
  return { form: { ...form, project: projectPart, funding, goals }, sourceMap };
}
