/**
 * Header fields found by their labels, in table rows and in paragraphs outside tables.
 * A value sits right of its label, in the same cell after a colon, or (for a row of labels)
 * below it; text exports may also push it to the start of the next row.
 */
import type { Location } from "../../model/location.js";
import { FORM_WORDS, LAYOUT_WORDS, type AmountUnit, type FieldKey, type FundingLevel } from "../../model/terms.js";
import type { Table } from "../document.js";
import { lookupColumn } from "./columns.js";
import { parseAmountUnit, unitInLabel } from "./field-values.js";
import { rowCells, tableWidth, type RowCell } from "./grid.js";
import { lookupLabel, splitSegments, type LabelHit } from "./labels.js";
import { cleanText, compactIfShort, stripSpaces } from "./text.js";

/** Where a value goes: a model field, an upper-level amount by level, or the signature phone. */
export type Slot = FieldKey | `level.${FundingLevel}` | "amountUnit" | "signaturePhone";

export interface Found {
  value: string;
  loc: Location;
  rank: number;
  label: string;
}

/** Everything the header scan found, best value per slot. */
export class HeaderCollector {
  readonly slots = new Map<Slot, Found>();
  readonly others: { label: string; value: string; loc: Location }[] = [];
  /** Every label seen (canonical spelling), for layout detection. */
  readonly labelsSeen = new Set<string>();
  amountUnitHint: AmountUnit | undefined;
  title: { text: string; loc: Location } | undefined;
  attachment: { text: string; loc: Location } | undefined;
  /** The year of the first title-like line that names one (a page title may repeat the form's). */
  titleYear: { year: number; loc: Location } | undefined;
  /** A line holding only the year, e.g. `（2024年度）` under the title. */
  yearLine: { year: number; loc: Location } | undefined;

  /** Keep the value of the best-ranked label; a value that loses is kept as an other field. */
  set(slot: Slot, value: string, loc: Location, rank: number, label: string): void {
    const v = cleanText(value);
    if (v === "") return;
    const existing = this.slots.get(slot);
    if (existing && existing.rank <= rank) {
      if (existing.value !== v || existing.label !== label) this.others.push({ label, value: v, loc });
      return;
    }
    if (existing) this.others.push({ label: existing.label, value: existing.value, loc: existing.loc });
    this.slots.set(slot, { value: v, loc, rank, label });
  }

  get(slot: Slot): Found | undefined {
    return this.slots.get(slot);
  }
}

/** Within one row or paragraph: a 联系电话 after 填表人 is the filler's phone, not the project's. */
interface LineContext {
  afterFiller: boolean;
}

function apply(collector: HeaderCollector, hit: LabelHit, value: string, loc: Location, line: LineContext): void {
  collector.labelsSeen.add(hit.label);
  const target = hit.target;
  if (target.kind === "level") {
    collector.set(`level.${target.level}`, value, loc, 0, hit.label);
    return;
  }
  if (target.kind === "amountUnit") {
    const unit = parseAmountUnit(value);
    if (unit) collector.set("amountUnit", unit, loc, 0, hit.label);
    return;
  }
  if (target.kind === "other") {
    const v = cleanText(value);
    if (v !== "") collector.others.push({ label: target.label, value: v, loc });
    return;
  }
  for (const { key, rank } of target.fields) {
    if (key === "filler") line.afterFiller = true;
    if (key === "phone" && line.afterFiller) {
      collector.set("signaturePhone", value, loc, rank, hit.label);
      continue;
    }
    if (key === "upperLevel") {
      // `中央：100 省级：20` in the value cell: split by level.
      const segments = splitSegments(value);
      if (segments) {
        for (const s of segments) apply(collector, s.hit, s.value, loc, line);
        continue;
      }
    }
    collector.set(key, value, loc, rank, hit.label);
  }
}

function applySegments(collector: HeaderCollector, text: string, loc: Location, line: LineContext): boolean {
  const segments = splitSegments(text);
  if (!segments) return false;
  for (const s of segments) apply(collector, s.hit, s.value, loc, line);
  return true;
}

/** A title: names 绩效目标 and a 表, and is short. */
export function looksLikeTitle(text: string): boolean {
  const t = compactIfShort(text, 60);
  return t !== undefined && t.includes(FORM_WORDS.titleKeyword) && t.includes(LAYOUT_WORDS.titleTableWord) && !t.includes(":") && !t.includes("：");
}

const YEAR_LINE = /^[(（]?(\d{4})年度?[)）]?$/;

export const ATTACHMENT = new RegExp(`^(${FORM_WORDS.attachment}\\s*[0-9０-９一二三四五六七八九十]*(?:-\\d+)?)(?=$|[\\s:：])\\s*[:：]?\\s*`);

/** Paragraphs outside tables: 附件 label, title, `填报单位：… 单位：万元`, signature lines. */
export function scanParagraph(collector: HeaderCollector, text: string, loc: Location): void {
  let t = cleanText(text);
  if (t === "") return;
  const att = ATTACHMENT.exec(t);
  // The 附件 label stands above the form's title; one further down is a page's attachment list.
  if (att && !collector.attachment && !collector.title) {
    collector.attachment = { text: stripSpaces(att[1]!), loc };
    t = t.slice(att[0].length);
    if (t === "") return;
  }
  if (looksLikeTitle(t)) {
    collector.title ??= { text: t, loc };
    noteTitleYear(collector, t, loc);
    return;
  }
  // `（2024年度）` on its own line under a title that has no year.
  const year = YEAR_LINE.exec(compactIfShort(t, 12) ?? "");
  if (year) {
    collector.yearLine ??= { year: Number(year[1]), loc };
    return;
  }
  applySegments(collector, t, loc, { afterFiller: false });
}

/** True for text that is some label or header, never a value. */
function isLabelText(text: string): boolean {
  return lookupLabel(text) !== undefined || lookupColumn(text) !== undefined;
}

function isSegmented(text: string): boolean {
  return splitSegments(text) !== undefined;
}

/** Scan the given rows of a table (rows of indicator blocks are left out by the caller). */
export function scanTableRows(collector: HeaderCollector, table: Table, rows: number[]): void {
  const scanned = new Set(rows);
  const consumed = new Set<object>();
  const width = tableWidth(table);
  for (const r of rows) {
    const cells = rowCells(table, r);
    const line: LineContext = { afterFiller: false };
    cells.forEach((cell, i) => {
      const text = cell.text;
      if (text.trim() === "" || consumed.has(cell.cell)) return;
      const hit = lookupLabel(text);
      if (!hit) {
        if (applySegments(collector, text, cell.cell.loc, line)) return;
        // A title fills its row (a merged first row); a cell among others is no title.
        if (looksLikeTitle(text) && cells.filter((c) => c.text.trim() !== "").length === 1) {
          collector.title ??= { text: cleanText(text), loc: cell.cell.loc };
          noteTitleYear(collector, text, cell.cell.loc);
        }
        if (compactIfShort(text, 20) !== undefined) collector.amountUnitHint ??= unitInLabel(text);
        return;
      }
      collector.amountUnitHint ??= unitInLabel(text);
      const value = findValue(table, r, cells, i, width, scanned, consumed);
      if (value) {
        consumed.add(value.cell);
        apply(collector, hit, value.text, value.cell.loc, line);
      } else apply(collector, hit, "", cell.cell.loc, line);
    });
  }
}

/** The value of the label at `cells[i]` of row `r`, or undefined when it has none. */
function findValue(table: Table, r: number, cells: RowCell[], i: number, width: number, scanned: Set<number>, consumed: Set<object>): RowCell | undefined {
  const label = cells[i]!;
  const right = cells.slice(i + 1).find((c) => c.text.trim() !== "");
  if (right && !isLabelText(right.text) && !isSegmented(right.text)) return right;
  // A row of labels (`长期目标 | 年度目标`) has its values in the row below.
  const endsRow = label.lastCol >= width - 1 || (!table.mergesKnown && cells.slice(i + 1).every((c) => c.text.trim() === ""));
  if ((right && isLabelText(right.text)) || (!right && endsRow)) {
    const below = r + 1 < table.rows.length && scanned.has(r + 1) ? table.rows[r + 1]?.[label.col] : undefined;
    if (below && !below.covered && below.text.trim() !== "" && !consumed.has(below) && !isLabelText(below.text) && !isSegmented(below.text)) {
      return { col: label.col, lastCol: label.col, text: below.text, cell: below };
    }
  }
  // Text exports may split a row after its label: take the first cell of the next row.
  if (!right && !table.mergesKnown && scanned.has(r + 1)) {
    const next = rowCells(table, r + 1).find((c) => c.text.trim() !== "");
    if (next && !consumed.has(next.cell) && !isLabelText(next.text) && !isSegmented(next.text)) return next;
  }
  return undefined;
}

function noteTitleYear(collector: HeaderCollector, text: string, loc: Location): void {
  const year = collector.titleYear === undefined ? yearOf(text) : undefined;
  if (year !== undefined) collector.titleYear = { year, loc };
}

/** `2023年度…表` → 2023. */
export function yearOf(title: string): number | undefined {
  const m = /(\d{4})\s*年/.exec(title);
  return m ? Number(m[1]) : undefined;
}
