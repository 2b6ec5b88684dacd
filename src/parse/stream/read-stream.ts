/**
 * The form reader for text: lexed lines → header rows and paragraphs, and each indicator block
 * rebuilt as a grid aligned to its column template, so the extractor reads text exactly as it
 * reads a Word table. It also says how sure it is: the reasons a table is incomplete (an excerpt
 * cut short, cells that fit no column) and, when there is no table, why.
 */
import { COLUMN_HEADERS, FIELD_LABELS } from "../../model/terms.js";
import { cell, type GridCell } from "../document.js";
import type { BlockSink } from "../text/blocks.js";
import { lexLines, type LexLine } from "../text/lexer.js";
import { lookupLabel } from "../extract/labels.js";
import { parseAmount } from "../extract/numbers.js";
import { placeRows } from "./place.js";
import { findFusedHeader, findOutlineTemplate, findTemplate, templateAt, type Template } from "./template.js";
import { joinBrokenLabels, softSplit, SplitBudget, splitFused, type Token } from "./tokens.js";
import { classify, isTruncationMark, tierLevel } from "./vocabulary.js";

export interface StreamResult {
  /** Why the indicator tables read are incomplete (none when they are complete). */
  problems: string[];
  /** Why no indicator table was found, when none was. */
  noTable?: string;
}

export function readStream(lines: readonly string[], sink: BlockSink): StreamResult {
  const budget = new SplitBudget();
  const split: Token[] = [];
  for (const t of toTokens(lexLines(lines))) {
    const parts = softSplit(t, "vocabulary", budget);
    // Counted as they are made: split row lines must stay within the reader's limit too.
    sink.take(parts.length);
    split.push(...parts);
  }
  const tokens = joinBrokenLabels(split);
  const problems: string[] = [];
  const blocks: { t: Template; end: number }[] = [];
  for (let from = 0; ; ) {
    const t = findTemplate(tokens, from);
    if (!t) break;
    from = blockEnd(tokens, t.end);
    blocks.push({ t, end: from });
  }
  if (blocks.length === 0) {
    const fused = findFusedHeader(tokens);
    const outline = fused ? undefined : findOutlineTemplate(tokens);
    if (outline) blocks.push({ t: outline, end: blockEnd(tokens, outline.end) });
    else {
      emitHeader(tokens, sink, budget);
      return { problems, noTable: noTableReason(tokens, fused) };
    }
  }
  let at = 0;
  for (const { t, end } of blocks) {
    emitHeader(tokens.slice(at, t.start), sink, budget);
    const slots = contentSlots(t);
    let data = tokens.slice(t.end, end).flatMap((tok) => softSplit(tok, "data", budget, slots));
    if (t.implicit) data = emitOutlineHead(data, tokens[t.start]!.indent, sink);
    const placement = placeRows(t, data);
    for (const tok of placement.shifted) problems.push(`第${tok.line}行的三级指标处是一个指标值（${tok.text.slice(0, 16)}），该行的单元格可能错位`);
    if (placement.unplaced.length > 0) {
      const first = placement.unplaced[0]!;
      problems.push(`第${first.line}行起有 ${placement.unplaced.length} 个单元格无法对应到指标表的列`);
    }
    sink.table([headerRow(t, tokens[t.start]!), ...placement.rows.map((r) => r.map((tok, k) => (tok ? cellOf(tok) : emptyCell(r, k))))]);
    at = end;
  }
  emitHeader(tokens.slice(at), sink, budget);
  // An excerpt that stops early lacks the rest of the form, whatever it stopped in.
  const cut = tokens.find((t) => isTruncationMark(t.text));
  if (cut) problems.push(`文本在第${cut.line}行中断，表单不完整`);
  return { problems };
}

/** Lexed lines → tokens, each knowing whether its row ends after it and whether it may be split. */
function toTokens(lines: LexLine[]): Token[] {
  const out: Token[] = [];
  for (const l of lines) {
    if (l.tokens.length === 0) {
      if (l.endsRow && out.length > 0) out[out.length - 1]!.rowEnd = true;
      continue;
    }
    l.tokens.forEach((t, k) => out.push({ ...t, rowEnd: l.endsRow && k === l.tokens.length - 1, soft: l.shape === "row" }));
  }
  // A row that ends (a filler run after it) makes the next token start one.
  for (let i = 1; i < out.length; i++) if (out[i - 1]!.rowEnd) out[i]!.rowStart = true;
  return out;
}

/** The block ends at a review row, footnote, signature, page chrome or truncation mark, or at the next template. */
function blockEnd(tokens: readonly Token[], from: number): number {
  for (let j = from; j < tokens.length; j++) {
    const k = classify(tokens[j]!.text);
    if (k.kind === "end") return j;
    if ((k.kind === "header" || k.kind === "block") && templateAt(tokens, j) !== undefined) return j;
  }
  return tokens.length;
}

/** Content columns of one data row (the last column group of a side-by-side table). */
function contentSlots(t: Template): number {
  const content = t.columns.filter((c) => c.role === "content");
  const period = content.at(-1)?.period;
  return content.filter((c) => c.period === period).length;
}

function cellOf(tok: Token): GridCell {
  return cell(tok.text, { kind: "line", line: tok.line, col: tok.col });
}

function emptyCell(row: (Token | undefined)[], k: number): GridCell {
  const near = row.slice(0, k).reverse().find((t) => t !== undefined) ?? row.find((t) => t !== undefined);
  return cell("", { kind: "line", line: near?.line ?? 0 });
}

function headerRow(t: Template, first: Token): GridCell[] {
  return t.columns.map((c) => cell(c.header, { kind: "line", line: first.line }));
}

/**
 * An outline's head, before its first 一级 label: the unit, then the project, then the amount
 * of the project's 绩效金额 column (批复表 trees print no labels for them).
 */
function emitOutlineHead(data: Token[], headerIndent: number, sink: BlockSink): Token[] {
  const first = data.findIndex((t) => tierLevel(t.text) !== undefined);
  if (first <= 0) return data;
  const head = data.slice(0, first).filter((t) => t.text !== "");
  // The outline's levels are indented under the header; the header's other cells are not.
  const texts = head.filter((t) => parseAmount(t.text) === undefined && t.indent > headerIndent);
  const amount = head.find((t) => parseAmount(t.text) !== undefined);
  const rows: GridCell[][] = [];
  const labelled = (label: string, tok: Token) => rows.push([cell(label, { kind: "line", line: tok.line }), cellOf(tok)]);
  if (texts.length >= 2) labelled(FIELD_LABELS.department[0], texts[0]!);
  if (texts.length >= 1) labelled(FIELD_LABELS.projectName[1], texts[texts.length >= 2 ? 1 : 0]!);
  if (amount) labelled(FIELD_LABELS.total[2], amount);
  sink.table(rows);
  return data.slice(first);
}

/**
 * Header-field tokens → rows: hard row marks split rows, and so does a label that follows a
 * value (renderings one cell per line have no marks). A row that is one cell of text is a paragraph.
 */
function emitHeader(tokens: Token[], sink: BlockSink, budget: SplitBudget): void {
  const cells = tokens.flatMap((t) => softSplit(t, "header", budget)).flatMap(splitFused);
  const rows: Token[][] = [];
  let row: Token[] = [];
  // Whether the row being built holds a value (a cell that is no label), kept as cells are added.
  let hasValue = false;
  const endRow = (): void => {
    if (row.length > 0) rows.push(row);
    row = [];
    hasValue = false;
  };
  for (const t of cells) {
    if (t.rowStart) endRow();
    if (t.text !== "") {
      const label = isLabel(t);
      const last = row.at(-1);
      // A label after a value starts a row; so does, one cell per line, a label after a label
      // (unless goal labels under 总体目标) and a second value (a label takes one value).
      const alone = t.alone && last?.alone === true;
      if ((hasValue && label) || (alone && label && !(isGoalLabel(t) && isGoalLabel(last!))) || (alone && hasValue && !label)) endRow();
      row.push(t);
      if (!label) hasValue = true;
    }
    if (t.rowEnd) endRow();
  }
  endRow();
  pairLabelRowsWithValueBelow(rows);
  let table: Token[][] = [];
  const flushTable = (): void => {
    sink.table(table.map((r) => r.map(cellOf)));
    table = [];
  };
  for (const r of rows) {
    if (r.length === 1 && lookupLabel(r[0]!.text) === undefined) {
      flushTable();
      sink.paragraph(r[0]!.text, r[0]!.line);
    } else table.push(r);
  }
  flushTable();
}

const isLabel = (t: Token): boolean => lookupLabel(t.text) !== undefined;
const isGoalLabel = (t: Token): boolean => {
  const hit = lookupLabel(t.text);
  return hit?.target.kind === "field" && hit.target.fields.some((f) => f.key === "annualGoal" || f.key === "longTermGoal");
};

/**
 * A row of labels with their values after or below it (`总体目标 年度目标 年度总体目标完成情况` over
 * the goal text; `中期目标 | 年度目标` over two goals): the values go to the labels in order. 总体目标
 * over other goal labels groups them and is no field of its own. Text renderings lose the columns,
 * so values are paired only when there are no more of them than labels.
 */
function pairLabelRowsWithValueBelow(rows: Token[][]): void {
  // Goal labels a rendering put on rows of their own (`总体` `目标` / `年度目标`) are one label row.
  for (let i = 0; i + 1 < rows.length; i++) {
    const goalsOnly = (r: Token[]) => r.length > 0 && r.every(isGoalLabel);
    if (goalsOnly(rows[i]!) && goalsOnly(rows[i + 1]!)) {
      rows.splice(i, 2, [...rows[i]!, ...rows[i + 1]!]);
      i--;
    }
  }
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!;
    const labelCount = row.findIndex((t) => !isLabel(t));
    const labels = labelCount < 0 ? row : row.slice(0, labelCount);
    if (labels.length < 2) continue;
    const fields = isGoalLabel(labels[0]!) && isGoalLabel(labels[1]!) ? labels.slice(1) : labels;
    const values = row.slice(labels.length);
    let below = i + 1;
    while (values.length < fields.length && below < rows.length && rows[below]!.length === 1 && !isLabel(rows[below]![0]!)) values.push(rows[below++]![0]!);
    if (values.length === 0 || values.length > fields.length || values.some(isLabel)) continue;
    rows.splice(i, below - i, ...fields.map((f, k) => (values[k] ? [f, values[k]!] : [f])));
    i += fields.length - 1;
  }
}

/** Why a text holds no indicator table, in the words a clerk would use. */
function noTableReason(tokens: readonly Token[], fused: Token | undefined): string {
  const cut = tokens.find((t) => isTruncationMark(t.text));
  if (cut && !fused) return `文本在第${cut.line}行中断，中断前没有指标表`;
  if (fused) return `表格单元格粘连在一起（第${fused.line}行：“${fused.text.slice(0, 24)}…”），无法可靠地拆分为指标行`;
  const tier = tokens.find((t) => tierLevel(t.text) !== undefined);
  if (tier) return `第${tier.line}行起有指标名称，但没有指标表的表头（${COLUMN_HEADERS.tier1[0]}、${COLUMN_HEADERS.tier2[0]}、${COLUMN_HEADERS.tier3[0]}、${COLUMN_HEADERS.value[1]}），像是叙述文字而不是表格`;
  return "文本中没有一级、二级指标名称，不是绩效目标表";
}
