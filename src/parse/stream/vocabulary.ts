/**
 * What a token of a text form is, by the words a person reads such a table with: 产出指标 and
 * 数量指标 are tier labels, `一级指标` … `指标值` are column headers, `≥95%` is a value, `审核意见`
 * ends the table. The stream reader places tokens by these kinds, not by where a rendering put them.
 */
import { LAYOUT_WORDS, TIER1, TIER2 } from "../../model/terms.js";
import { parseValue } from "../../model/value-parse.js";
import { blockLabelPeriod, lookupColumn, type ColumnHit, type PeriodKind } from "../extract/columns.js";
import { ATTACHMENT } from "../extract/header-scan.js";
import { lookupLabel } from "../extract/labels.js";
import { normaliseLabel } from "../extract/text.js";
import { impliedTier1, tier1Category } from "../extract/tiers.js";

export type TokenKind =
  | { kind: "tier"; level: 1 | 2 }
  /** A label that is a 一级 in one taxonomy and a 二级 in another (成本指标, 满意度指标). */
  | { kind: "tier"; level: 1.5 }
  | { kind: "header"; hit: ColumnHit }
  | { kind: "block"; period: PeriodKind }
  | { kind: "end" }
  | { kind: "content" };

/** Tier labels and headers are short; a long cell is content whatever it starts with. */
const MAX_LABEL = 24;

const TIER1_NAMES = new Set<string>(Object.values(TIER1));
const TIER2_NAMES = new Set<string>(Object.values(TIER2));

/** `数量指标(必填)`, `成本指标(0-20)分`, `必填 满意度指标` → the label without its annotation. */
export function bareTier(text: string): string {
  let n = normaliseLabel(text);
  // Numbered labels: `一、产出指标`, `1.数量指标`, `(一)效益指标`.
  n = n.replace(/^(?:\d{1,2}[.、．]|\(\d{1,2}\)|\([一二三四五六七八九十]{1,2}\)|[一二三四五六七八九十]{1,2}、)/, "");
  n = n.replace(/^(必填|选填)/, "");
  n = n.replace(/(\([^()]*\)分?|分)$/, "");
  n = n.replace(/\([^()]*\)$/, "");
  return n;
}

/** 1, 2, 1.5 (either) or undefined: the tier a label names. */
export function tierLevel(text: string): 1 | 2 | 1.5 | undefined {
  if (text.length > MAX_LABEL + 12) return undefined;
  const n = bareTier(text);
  if (n.length < 4 || n.length > MAX_LABEL || !n.endsWith("指标")) return undefined;
  const one = TIER1_NAMES.has(n);
  const two = TIER2_NAMES.has(n);
  if (one && two) return 1.5;
  if (two) return 2;
  // 满意度指标 is printed as a 二级 too (under 满意度指标 as 一级).
  if (one) return n === TIER1.satisfaction ? 1.5 : 1;
  // Two labels run together (`产出指标数量指标`) are no label.
  if (n.indexOf("指标") !== n.length - 2) return undefined;
  // Decorated and regional 二级 names: 产出数量指标, 社会效益指标(必填), 服务对象满意度指标.
  const stripped = n.replace(/^(产出|效益|满意度)(?=.{4,})/, "");
  if (TIER2_NAMES.has(stripped) || impliedTier1(stripped) !== undefined) return 2;
  // Regional 一级 names: 项目完成指标, 项目效益指标.
  if (n.length <= 8 && tier1Category(n) !== undefined) return 1;
  return undefined;
}

/** True when `text` closes an indicator table: review rows, footnotes, signatures, page chrome, 附件. */
function endsTable(text: string): boolean {
  const n = normaliseLabel(text.length > 200 ? text.slice(0, 200) : text);
  if (n === "") return false;
  if (LAYOUT_WORDS.indicatorBlockEnd.some((w) => n.includes(w))) return true;
  if (LAYOUT_WORDS.signatureLabels.some((w) => n.startsWith(w))) return true;
  if (LAYOUT_WORDS.pageChrome.some((w) => n.includes(normaliseLabel(w)))) return true;
  if (isTruncationMark(text)) return true;
  const att = ATTACHMENT.exec(n);
  return att !== null && att[0].length > 0 && n.length <= 40;
}

/** The mark a published excerpt leaves where it stops before the form does. */
export function isTruncationMark(text: string): boolean {
  return LAYOUT_WORDS.truncationMarks.some((w) => text.includes(w));
}

/** The kind of a token's text. */
export function classify(text: string): TokenKind {
  if (text === "" || text.length > 200) return { kind: "content" };
  const level = tierLevel(text);
  if (level !== undefined) return { kind: "tier", level };
  const block = blockLabelPeriod(text);
  if (block) return { kind: "block", period: block };
  const hit = lookupColumn(text);
  if (hit) return hit.kind === "block" ? { kind: "block", period: hit.period } : { kind: "header", hit };
  if (endsTable(text)) return { kind: "end" };
  return { kind: "content" };
}

/** Known words of any kind: a tier label, a column header, a block label or a header-field label. */
export function isVocabulary(text: string): boolean {
  if (text.length > MAX_LABEL + 12) return false;
  return tierLevel(text) !== undefined || lookupColumn(text) !== undefined || lookupLabel(text) !== undefined;
}

/**
 * A 指标值 for certain: a quantity, a percentage, a date or a yes/no. Grades and prose may be
 * values too, but only their column says so.
 */
export function isClearValue(text: string): boolean {
  if (text.length > 80) return false;
  const kind = parseValue(text).kind;
  return kind !== "prose" && kind !== "empty" && kind !== "grade";
}

/** A target and nothing else: a comparison or a percentage with its number (`≧90%`, `>=95`, `100%`). */
export function isBareTarget(text: string): boolean {
  if (text.length > 20) return false;
  const v = parseValue(text);
  return (v.comparison !== undefined || v.kind === "percent") && /^[\s≥≤≧≦＞＜＝>=<.\d%％]+$/.test(text.replace(/[\u4e00-\u9fff]{0,3}$/, ""));
}

/**
 * Two or more column headers run together in one token (`一级指标二级指标三级指标指标值`): the
 * rendering dropped the separators, and its rows cannot be split without guessing.
 */
export function isFusedHeader(text: string): boolean {
  const n = normaliseLabel(text);
  if (n.length > 120 || lookupColumn(n) !== undefined) return false;
  const names = ["一级指标", "二级指标", "三级指标", "指标值"];
  return names.filter((w) => n.includes(w)).length >= 2;
}
