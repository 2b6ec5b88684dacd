/**
 * Cell tokens as the form reader wants them: single spaces split where the vocabulary puts a cell
 * boundary (rows written on one line, `产出指标 数量指标 流转土地 >=60亩`), and labels a rendering
 * broke over two cells or lines joined again (`经济效益` + `指标`, `主管部门` + `及编码`).
 */
import type { LexToken } from "../text/lexer.js";
import { lookupLabel, splitFusedLabels, splitSegments } from "../extract/labels.js";
import { normaliseLabel } from "../extract/text.js";
import { isClearValue, isVocabulary, tierLevel } from "./vocabulary.js";

export interface Token extends LexToken {
  /** The row ends after this token (a filler run or the end of a row line follows). */
  rowEnd: boolean;
  /** Written on a line that is a whole row, cells split by spaces (soft boundaries inside). */
  soft: boolean;
}

interface Piece {
  text: string;
  col: number;
}

const OPEN = new Set(["(", "（", "[", "【", "〔", "［", "<", "《"]);
const CLOSE = new Set([")", "）", "]", "】", "〕", "］", ">", "》"]);

/** Split at single spaces outside brackets (`数量( ≥**个 )` stays whole). */
function pieces(text: string, col: number): Piece[] {
  const out: Piece[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    const ch = text[i];
    if (ch !== undefined && OPEN.has(ch)) depth++;
    else if (ch !== undefined && CLOSE.has(ch) && depth > 0 && !(ch === ">" && text[i + 1] === "=")) depth--;
    if (i === text.length || (depth === 0 && (ch === " " || ch === "\u00a0"))) {
      const t = text.slice(start, i).trim();
      if (t !== "") out.push({ text: t, col: col + start });
      start = i + 1;
    }
  }
  return out;
}

const COMPARISON_ONLY = /^(>=|<=|≥|≤|≧|≦|＞|＜|>|<|=|＝|大于等于|小于等于|不低于|不高于|不少于|不超过)$/;
const UNIT_ONLY = /^(%|％|万元|元|人|个|次|件|户|亩|年|月|天|公里|米|平方米|人次|万人|辆|台|套|项|家|所|座|场)$/;

/** `≥ 90%` → `≥90%`; `2279.048 万元` → one value. */
function joinValueParts(list: Piece[]): Piece[] {
  const out: Piece[] = [];
  for (const p of list) {
    const prev = out.at(-1);
    if (prev && COMPARISON_ONLY.test(prev.text)) {
      prev.text = `${prev.text}${p.text}`;
      continue;
    }
    if (prev && UNIT_ONLY.test(p.text) && /[\d.]$/.test(prev.text)) {
      prev.text = `${prev.text}${p.text}`;
      continue;
    }
    out.push({ ...p });
  }
  return out;
}

/** Join up to three pieces whose concatenation is a known word (`一级 指标`, `本年度 绩效指标`). */
function joinVocabulary(list: Piece[]): { piece: Piece; vocab: boolean }[] {
  const out: { piece: Piece; vocab: boolean }[] = [];
  for (let i = 0; i < list.length; ) {
    let taken = 0;
    for (let n = Math.min(3, list.length - i); n >= 1; n--) {
      const parts = list.slice(i, i + n).map((p) => p.text);
      if (isVocabulary(parts.join(""))) {
        // The word keeps the spaces it was written with (`一级 指标`); its readers ignore them.
        out.push({ piece: { text: parts.join(" "), col: list[i]!.col }, vocab: true });
        taken = n;
        break;
      }
    }
    if (taken === 0) {
      out.push({ piece: list[i]!, vocab: false });
      taken = 1;
    }
    i += taken;
  }
  return out;
}

export type SplitMode = "vocabulary" | "header" | "data";

/** Pieces a row line may be split into; a line with more is kept whole. */
const MAX_SOFT_PIECES = 48;

/**
 * Vocabulary look-ups one text may spend on soft splits (a real form needs a few tens of
 * thousands): past it, row lines are kept whole, so junk of millions of spaced words stays linear
 * and quick.
 */
export class SplitBudget {
  left = 600_000;
}

/**
 * Split a row-line token at its soft boundaries. Known words always stand alone; what lies
 * between them is one cell in `vocabulary` mode, a label's value (with a trailing number split
 * off) in `header` mode, and a 三级 name followed by its 指标值 in `data` mode.
 */
export function softSplit(tok: Token, mode: SplitMode, budget: SplitBudget, slots = 2): Token[] {
  if (!tok.soft || !tok.text.includes(" ") || tok.text.length > 2000 || budget.left <= 0) return [tok];
  const split = pieces(tok.text, tok.col);
  // A table row has a dozen cells or so; a line of many more words is a sentence, not a row.
  if (split.length > MAX_SOFT_PIECES) return [tok];
  budget.left -= split.length * 3;
  const groups = joinVocabulary(joinValueParts(split));
  const out: Piece[] = [];
  let run: Piece[] = [];
  const flush = (): void => {
    if (run.length > 0) out.push(...splitRun(run, mode, slots));
    run = [];
  };
  for (const g of groups) {
    if (g.vocab) {
      flush();
      out.push(g.piece);
    } else run.push(g.piece);
  }
  flush();
  if (out.length === 1) return [{ ...tok, text: out[0]!.text }];
  return out.map((p, k) => ({ ...tok, text: p.text, col: p.col, rowStart: tok.rowStart && k === 0, rowEnd: tok.rowEnd && k === out.length - 1, alone: false }));
}

function joined(run: Piece[]): Piece {
  return { text: run.map((p) => p.text).join(" "), col: run[0]!.col };
}

/**
 * `slots`: the content columns a data row has (三级, 指标值, 绩效标准 …). A run of pieces is a 三级
 * name, then its value, then the row's other cells: split at the last piece that is clearly a
 * value; with none, one piece per column when they fit, else the name takes the extra pieces.
 */
function splitRun(run: Piece[], mode: SplitMode, slots: number): Piece[] {
  if (run.length === 1 || mode === "vocabulary") return [joined(run)];
  if (mode === "header") {
    const last = run.at(-1)!;
    return isClearValue(last.text) ? [joined(run.slice(0, -1)), last] : [joined(run)];
  }
  let v = -1;
  for (let i = run.length - 1; i >= 1; i--) if (isClearValue(run[i]!.text)) {
    v = i;
    break;
  }
  const after = run.length - v - 1;
  if (v < 0 || after > slots - 2) {
    if (run.length <= slots) return run.map((p) => ({ ...p }));
    v = run.length - slots + 1;
  }
  return [joined(run.slice(0, v)), ...run.slice(v).map((p) => ({ ...p }))];
}

/** A short tail a rendering broke off a label: `指标`, `及编码`, `目标`. */
function isStrandedTail(text: string): boolean {
  const n = normaliseLabel(text);
  return n.length > 0 && n.length <= 4 && (n === "指标" || !isVocabulary(n));
}

/**
 * Join neighbouring tokens whose concatenation is a tier label or a header-field label and whose
 * second part is a stranded tail (`满意度` + `指标`, `项目完成` + `指标`, `总体` + `目标`).
 */
export function joinBrokenLabels(tokens: Token[]): Token[] {
  const out: Token[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const tok = tokens[i]!;
    const next = nextText(tokens, i);
    if (next && tok.text !== "" && tok.text.length <= 20 && isStrandedTail(next.tok.text)) {
      const concat = normaliseLabel(tok.text) + normaliseLabel(next.tok.text);
      const first = normaliseLabel(tok.text);
      const label = lookupLabel(concat);
      const helps = tierLevel(concat) !== undefined ? tierLevel(first) === undefined : label !== undefined && label.label !== lookupLabel(first)?.label;
      if (helps) {
        out.push({ ...tok, text: `${tok.text}${next.tok.text}`, rowEnd: next.tok.rowEnd });
        i = next.index;
        continue;
      }
    }
    out.push(tok);
  }
  return out;
}

/** The next token with text, skipping empty cells a rendering put between the two parts. */
function nextText(tokens: Token[], i: number): { tok: Token; index: number } | undefined {
  const t = tokens[i + 1];
  return t && t.text !== "" ? { tok: t, index: i + 1 } : undefined;
}

/** `项目名称农村义务教育…` → the label and the value as two tokens (header rows only). */
export function splitFused(tok: Token): Token[] {
  // `label：value` segments are the header scan's to read.
  if (tok.text === "" || lookupLabel(tok.text) !== undefined || splitSegments(tok.text) !== undefined) return [tok];
  const parts = splitFusedLabels(tok.text);
  if (!parts) return [tok];
  const out: Token[] = [];
  for (const p of parts) {
    out.push({ ...tok, text: p.label, rowStart: out.length === 0 && tok.rowStart, rowEnd: false });
    if (p.value.trim() !== "") out.push({ ...tok, text: p.value.trim(), rowStart: false, rowEnd: false });
  }
  out[out.length - 1]!.rowEnd = tok.rowEnd;
  return out;
}
