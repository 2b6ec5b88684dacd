/**
 * Tokens of an indicator block → rows aligned to its column template, the way a person reads a
 * table whose merged cells were left out: a 一级 label goes to the 一级 column, a 二级 label to the
 * next 二级 column, anything else to the next content column; a token that has no column left in
 * the current row starts the next one. Hard row marks (a pipe row, a filler run) start rows too.
 */
import { impliedTier1, tier1Category } from "../extract/tiers.js";
import type { Template } from "./template.js";
import type { Token } from "./tokens.js";
import { bareTier, classify, isBareTarget, isClearValue, tierLevel } from "./vocabulary.js";

export interface Placement {
  /** One entry per template column; undefined where the row has no cell. */
  rows: (Token | undefined)[][];
  /** Tokens that fit no column (more cells in a row than the template has). */
  unplaced: Token[];
  /** Rows whose 三级 cell holds what can only be a 指标值: cells shifted by one left out before them. */
  shifted: Token[];
}

export function placeRows(template: Template, tokens: readonly Token[]): Placement {
  const cols = template.columns;
  const width = cols.length;
  const of = (role: string) => cols.flatMap((c, k) => (c.role === role ? [k] : []));
  const tier1 = of("tier1");
  const tier2 = of("tier2");
  const content = of("content");
  const pre = of("pre");
  const block = of("block");
  const firstTier = Math.min(...tier1, ...tier2, ...content);
  const rows: (Token | undefined)[][] = [];
  const unplaced: Token[] = [];
  let row: (Token | undefined)[] = new Array(width).fill(undefined);
  let cursor = 0;
  // Content that starts a row goes to the column group (long-term or annual half) used last.
  let contentStart = content[0];

  const flush = (): void => {
    if (row.some((t) => t !== undefined)) rows.push(row);
    row = new Array(width).fill(undefined);
    cursor = 0;
  };
  const put = (list: number[], tok: Token, restart: number | undefined): void => {
    let c = list.find((k) => k >= cursor);
    if (c === undefined) {
      flush();
      c = restart ?? list[0];
    }
    if (c === undefined) {
      unplaced.push(tok);
      return;
    }
    row[c] = tok;
    cursor = c + 1;
  };

  for (let i = 0; i < tokens.length; i++) {
    const tok = tokens[i]!;
    // A row holding only tier labels (a label broke onto a line of its own) goes on with the row
    // below when that row's first cell belongs right of them.
    if (tok.rowStart && !continuesTiers(row, tok, tier1, tier2, block)) {
      flush();
      // A marked row starts at the left; only a stream without marks goes on in the half used last.
      contentStart = content[0];
    }
    // Flat exports: a row's project columns stand left of its 一级 and may be left out from the left.
    if (pre.length > 0 && (tok.rowStart || i === 0)) {
      const end = hardRowEnd(tokens, i);
      const k = firstTierIndex(tokens, i, end);
      if (k === undefined) {
        // A subtotal row (department, amount) with no indicator in it.
        i = end - 1;
        continue;
      }
      if (k > i) {
        alignRight(tokens.slice(i, k).filter((t) => t.text !== ""), pre.filter((c) => c < firstTier), row, unplaced);
        cursor = firstTier;
        i = k - 1;
        continue;
      }
    }
    if (tok.text === "") {
      if (cursor < width) cursor++;
      continue;
    }
    const kind = classify(tok.text);
    if (kind.kind === "block") {
      const c = block.find((k) => k >= cursor);
      if (c !== undefined) {
        row[c] = tok;
        cursor = c + 1;
      }
      continue;
    }
    if (kind.kind === "tier") {
      const level = kind.level === 1.5 ? resolveLevel(tokens, i, tier1.length > 0, tier2.length > 0) : kind.level;
      if (level === 1 && tier1.length > 0) {
        put(tier1, tok, undefined);
        continue;
      }
      if (tier2.length > 0) {
        put(tier2, tok, undefined);
        continue;
      }
    }
    put(content, tok, contentStart);
    const placedAt = row.indexOf(tok);
    if (placedAt >= 0) contentStart = groupStart(template, content, placedAt);
  }
  flush();
  return { rows, unplaced, shifted: shiftedRows(template, rows) };
}

/**
 * A 三级 cell that is a bare target (`≧90%`, `>=95%`, `100%`) beside a 指标值 cell that is none:
 * the row's cells moved one column left, because a cell before them was left out unmarked.
 */
function shiftedRows(template: Template, rows: (Token | undefined)[][]): Token[] {
  const tier3 = template.columns.findIndex((c) => c.key === "tier3");
  const value = template.columns.findIndex((c) => c.key === "value");
  if (tier3 < 0 || value < 0) return [];
  const out: Token[] = [];
  for (const r of rows) {
    const name = r[tier3];
    if (name && isBareTarget(name.text) && !(r[value] && isClearValue(r[value]!.text))) out.push(name);
  }
  return out;
}

function continuesTiers(row: (Token | undefined)[], next: Token, tier1: number[], tier2: number[], block: number[]): boolean {
  const filled = row.flatMap((t, c) => (t !== undefined && t.text !== "" ? [c] : []));
  const tiers = filled.filter((c) => tier1.includes(c) || tier2.includes(c));
  if (tiers.length === 0 || filled.some((c) => !tier1.includes(c) && !tier2.includes(c) && !block.includes(c))) return false;
  const last = Math.max(...tiers);
  const level = tierLevel(next.text);
  if (level === undefined) return true;
  return level === 2 && tier2.some((c) => c > last);
}

/** 成本指标 and 满意度指标 are a 一级 when a 二级 label of their own category follows, else a 二级. */
function resolveLevel(tokens: readonly Token[], i: number, hasTier1: boolean, hasTier2: boolean): 1 | 2 {
  if (!hasTier2) return 1;
  if (!hasTier1) return 2;
  let j = i + 1;
  while (j < tokens.length && tokens[j]!.text === "") j++;
  const next = tokens[j];
  if (!next) return 2;
  const level = tierLevel(next.text);
  if (level !== 2 && level !== 1.5) return 2;
  const nextCategory = impliedTier1(bareTier(next.text)) ?? tier1Category(bareTier(next.text));
  return nextCategory === tier1Category(bareTier(tokens[i]!.text)) ? 1 : 2;
}

/** The first content column of the group (same period) that column `c` belongs to. */
function groupStart(template: Template, content: number[], c: number): number {
  const period = template.columns[c]!.period;
  return content.find((k) => template.columns[k]!.period === period) ?? content[0]!;
}

/** Cells left of a flat export's 一级 fill the project columns from the right; extra ones fit nowhere. */
function alignRight(lead: Token[], slots: number[], row: (Token | undefined)[], unplaced: Token[]): void {
  const kept = slots.length === 0 ? [] : lead.slice(-slots.length);
  const offset = slots.length - kept.length;
  kept.forEach((t, n) => (row[slots[offset + n]!] = t));
  unplaced.push(...lead.slice(0, lead.length - kept.length));
}

/** Index after the hard row starting at `i`. */
function hardRowEnd(tokens: readonly Token[], i: number): number {
  let j = i + 1;
  while (j < tokens.length && !tokens[j]!.rowStart) j++;
  return j;
}

function firstTierIndex(tokens: readonly Token[], from: number, to: number): number | undefined {
  for (let j = from; j < to; j++) if (tierLevel(tokens[j]!.text) !== undefined) return j;
  return undefined;
}
