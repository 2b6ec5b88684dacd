/**
 * The header-label dictionary: which model field a printed label names, whether it stands in a
 * cell of its own (`项目名称`) or opens an inline segment (`中央：100`, `填报单位：（盖章）…`).
 */
import { FIELD_LABELS, LAYOUT_WORDS, type FieldKey, type FundingLevel } from "../../model/terms.js";
import { normaliseLabel, toHalfWidth, withoutTrailingParens } from "./text.js";
import { remembering } from "../../util/remember.js";

/** What a label names. `rank` orders synonyms of one field: a lower rank wins when both appear. */
export type LabelTarget =
  | { kind: "field"; fields: { key: FieldKey; rank: number }[] }
  | { kind: "level"; level: FundingLevel }
  | { kind: "amountUnit" }
  | { kind: "other"; label: string };

export interface LabelHit {
  target: LabelTarget;
  /** The label in canonical form (as listed in terms.ts). */
  label: string;
}

const dictionary = buildDictionary();
/** Synonyms longest first, for inline matching (`单位负责人签字` before `单位`). */
const inlineSynonyms = [...dictionary.keys()].sort((a, b) => b.length - a.length);
/** Synonyms by first character, so the inline scan tries only the labels that can match. */
const byFirstChar = new Map<string, string[]>();
for (const label of inlineSynonyms) {
  const list = byFirstChar.get(label[0]!) ?? [];
  list.push(label);
  byFirstChar.set(label[0]!, list);
}

function buildDictionary(): Map<string, LabelTarget> {
  const map = new Map<string, LabelTarget>();
  for (const [key, synonyms] of Object.entries(FIELD_LABELS) as [FieldKey, readonly string[]][]) {
    synonyms.forEach((syn, rank) => {
      const label = normaliseLabel(syn);
      const existing = map.get(label);
      if (existing?.kind === "field") existing.fields.push({ key, rank });
      else map.set(label, { kind: "field", fields: [{ key, rank }] });
    });
  }
  // A label that names two fields (L1's 年度本级预算金额: the total and the 本级 amount) gives way
  // to a label naming one of them alone: a form printing both 年度本级预算金额 and 资金总额 means
  // the second for its total.
  const maxRank = Math.max(...Object.values(FIELD_LABELS).map((s) => s.length));
  for (const target of map.values()) if (target.kind === "field" && target.fields.length > 1) for (const f of target.fields) f.rank += maxRank;
  for (const [level, synonyms] of Object.entries(LAYOUT_WORDS.fundingLevelLabels) as [FundingLevel, readonly string[]][]) {
    for (const syn of synonyms) if (!map.has(syn)) map.set(syn, { kind: "level", level });
  }
  for (const syn of LAYOUT_WORDS.amountUnitLabels) if (!map.has(syn)) map.set(syn, { kind: "amountUnit" });
  for (const syn of LAYOUT_WORDS.otherFieldLabels) {
    const label = normaliseLabel(syn);
    if (!map.has(label)) map.set(label, { kind: "other", label: syn });
  }
  return map;
}

/** Leading enumerations: `1.`, `1、`, `(一)`, `一、`, `(1)`. */
const ENUMERATION = /^(?:\d{1,2}[.、．]|\(\d{1,2}\)|\([一二三四五六七八九十]{1,2}\)|[一二三四五六七八九十]{1,2}、)/;

/** The spellings of a label to try, most literal first. */
function candidates(text: string): string[] {
  const base = normaliseLabel(text);
  const out = [base];
  const push = (s: string) => {
    if (s !== "" && !out.includes(s)) out.push(s);
  };
  for (const s of [...out]) push(s.replace(ENUMERATION, ""));
  for (const s of [...out]) {
    for (const prefix of LAYOUT_WORDS.labelPrefixes) if (s.startsWith(prefix)) push(s.slice(prefix.length));
  }
  for (const s of [...out]) {
    let t = s;
    for (const stamp of LAYOUT_WORDS.stampWords) t = t.split(stamp).join("");
    push(t);
    push(withoutTrailingParens(s));
  }
  return out;
}

/** The label a whole cell holds, if it is one. */
export function lookupLabel(text: string): LabelHit | undefined {
  if (text.length > 40) return undefined;
  return rememberedLabel(text);
}

// Every cell of a header region is asked, often the same texts form after form: remember them.
const rememberedLabel = remembering((text): LabelHit | undefined => {
  const hit = findLabel(text);
  return hit && Object.freeze(hit);
}, { max: 20_000 });

function findLabel(text: string): LabelHit | undefined {
  for (const c of candidates(text)) {
    const target = dictionary.get(c);
    if (target) return { target, label: c };
  }
  return undefined;
}

export interface Segment {
  hit: LabelHit;
  /** The text after the colon up to the next inline label (not trimmed). */
  value: string;
}

/** Labelled segments read from one line or cell, at most. */
const MAX_SEGMENTS = 64;

/**
 * Split `填报单位：（盖章）某单位    单位：万元` into labelled segments. Returns undefined unless
 * the text starts with a label followed by a colon (after optional `*` and whitespace).
 */
export function splitSegments(text: string): Segment[] | undefined {
  const half = toHalfWidth(text);
  const starts: { at: number; end: number; label: string }[] = [];
  let i = 0;
  while (i < half.length) {
    const m = matchInlineLabel(half, i);
    if (m) {
      starts.push({ at: i, end: m.end, label: m.label });
      // Real header lines hold a handful of labels; the last one takes the rest of a longer text.
      if (starts.length >= MAX_SEGMENTS) break;
      i = m.end;
    } else {
      // Allowed before the first label: whitespace, `*` and an opening bracket (`（单位：万元）`).
      // Anything else means no segments: stop here rather than scan a long text to its end.
      if (starts.length === 0 && !/[\s*\u3000(]/.test(half[i]!)) return undefined;
      i++;
    }
  }
  if (starts.length === 0) return undefined;
  return starts.map((s, k) => ({
    hit: { target: dictionary.get(s.label)!, label: s.label },
    value: text.slice(s.end, starts[k + 1]?.at ?? text.length),
  }));
}

/** A label at `at`, possibly with spaces inside (`填 报 单 位`), followed by spaces and a colon. */
function matchInlineLabel(half: string, at: number): { end: number; label: string } | undefined {
  for (const label of byFirstChar.get(half[at]!) ?? []) {
    let i = at;
    let ok = true;
    for (const ch of label) {
      while (i < half.length && i > at && /[ \t\u3000]/.test(half[i]!)) i++;
      if (half[i] !== ch) {
        ok = false;
        break;
      }
      i++;
    }
    if (!ok) continue;
    while (i < half.length && /[ \t\u3000]/.test(half[i]!)) i++;
    if (half[i] === ":") return { end: i + 1, label };
  }
  return undefined;
}

/** Labels this long or longer are specific enough to be found inside fused text. */
const MIN_FUSED_LABEL = 4;

/**
 * `项目名称农村义务教育…` or `项目主管部门青山区教育局项目执行单位化工区学校`: labels and values run
 * together with no separator, as PDF copies and some system exports write header rows. Returns
 * the labelled parts when the text starts with a label of four or more characters and goes on
 * past it; a value runs to the next such label. Undefined when the text does not start so.
 */
export function splitFusedLabels(text: string): { label: string; value: string }[] | undefined {
  if (text.length > 200) return undefined;
  const half = toHalfWidth(text);
  const first = fusedLabelAt(half, 0);
  if (!first || first.end >= half.length) return undefined;
  const parts: { label: string; at: number; end: number }[] = [first];
  for (let i = first.end + 1; i < half.length; i++) {
    const m = fusedLabelAt(half, i);
    if (!m) continue;
    parts.push(m);
    i = m.end - 1;
  }
  return parts.map((p, k) => ({ label: text.slice(p.at, p.end), value: text.slice(p.end, parts[k + 1]?.at ?? text.length).replace(/^[:：\s]+/, "") }));
}

function fusedLabelAt(half: string, at: number): { label: string; at: number; end: number } | undefined {
  for (const label of byFirstChar.get(half[at]!) ?? []) {
    if (label.length < MIN_FUSED_LABEL || !half.startsWith(label, at)) continue;
    if (dictionary.get(label)?.kind !== "field") continue;
    return { label, at, end: at + label.length };
  }
  return undefined;
}
