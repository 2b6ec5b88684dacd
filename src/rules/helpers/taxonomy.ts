import { TIER1, TIER2 } from "../../model/terms.js";
import type { IndicatorRow } from "../../model/form.js";
import type { TaxonomyEra } from "../types.js";
import { remembering } from "../../util/remember.js";
import { didYouMean, editDistance } from "../../util/did-you-mean.js";

/** Canonical 二级 allowed under each canonical 一级, per taxonomy era. */
export const TAXONOMY: Record<TaxonomyEra, Record<string, readonly string[]>> = {
  A: {
    [TIER1.output]: [TIER2.quantity, TIER2.quality, TIER2.timeliness, TIER2.cost],
    [TIER1.benefit]: [TIER2.economicBenefit, TIER2.socialBenefit, TIER2.ecologicalBenefit, TIER2.sustainableImpact],
    [TIER1.satisfaction]: [TIER2.beneficiarySatisfaction],
  },
  B: {
    [TIER1.cost]: [TIER2.economicCost, TIER2.socialCost, TIER2.ecologicalCost],
    [TIER1.output]: [TIER2.quantity, TIER2.quality, TIER2.timeliness],
    [TIER1.benefit]: [TIER2.economicBenefit, TIER2.socialBenefit, TIER2.ecologicalBenefit, TIER2.sustainableImpact],
    [TIER1.satisfaction]: [TIER2.beneficiarySatisfaction],
  },
};

/** 二级 still accepted in era B although the 2021 system dropped it (local systems keep it). */
export const LEGACY_IN_ERA_B: readonly string[] = [TIER2.sustainableImpact];

/** Non-standard 一级 labels seen on real forms → canonical 一级. */
const TIER1_ALIASES: Record<string, string> = {
  项目完成指标: TIER1.output,
  项目效益指标: TIER1.benefit,
  产出: TIER1.output,
  效益: TIER1.benefit,
  满意度: TIER1.satisfaction,
  成本: TIER1.cost,
};

/** Non-standard 二级 labels seen on real forms → canonical 二级. */
const TIER2_ALIASES: Record<string, string> = {
  产出数量指标: TIER2.quantity,
  产出质量指标: TIER2.quality,
  产出时效指标: TIER2.timeliness,
  产出成本指标: TIER2.cost,
  [TIER2.environmentalBenefit]: TIER2.ecologicalBenefit,
  [TIER2.publicSatisfaction]: TIER2.beneficiarySatisfaction,
  [TIER1.satisfaction]: TIER2.beneficiarySatisfaction,
  服务对象满意度: TIER2.beneficiarySatisfaction,
};

const COST_TIER2: readonly string[] = [TIER2.cost, TIER2.economicCost, TIER2.socialCost, TIER2.ecologicalCost];

/** A label as compared: no spaces, no parenthetical remark (`(必填硬性指标)`, `(0-20)分`), no trailing 等. */
export function cleanLabel(label: string): string {
  return label
    .normalize("NFKC")
    .replace(/\s+/g, "")
    // Innermost brackets only ([^()]): /\([^)]*\)/ rescans to the end from every "(" of a long run.
    .replace(/\([^()]*\)分?/g, "")
    .replace(/等$/, "");
}

export interface CanonicalLabel {
  /** The canonical name, or undefined when the label is unknown. */
  name: string | undefined;
  /** True when the label was accepted through an alias or after cleaning. */
  alias: boolean;
}

/** A printed score range after a 一级 (`成本指标(0-20)分`) is layout, not a different label. */
const SCORE_RANGE = /[(（]\s*\d+(?:\.\d+)?\s*[-~～—–]\s*\d+(?:\.\d+)?\s*[)）]\s*分\s*$/;

/** Far longer than any 一级/二级 with its remarks; longer text is no known label (and is not normalised again and again). */
const MAX_LABEL_LENGTH = 200;

function canonical(label: string, known: readonly string[], aliases: Record<string, string>): CanonicalLabel {
  if (label.length > MAX_LABEL_LENGTH) return { name: undefined, alias: false };
  // The spaces before the range are trimmed after it is removed: a leading \s* in the regex
  // would make it quadratic on a long run of spaces.
  const trimmed = label.trim().replace(SCORE_RANGE, "").trimEnd();
  if (known.includes(trimmed)) return { name: trimmed, alias: false };
  const cleaned = cleanLabel(label);
  if (cleaned === "") return { name: undefined, alias: false };
  if (known.includes(cleaned)) return { name: cleaned, alias: true };
  const viaAlias = aliases[cleaned];
  if (viaAlias) return { name: viaAlias, alias: true };
  if (known.includes(`${cleaned}指标`)) return { name: `${cleaned}指标`, alias: true };
  return { name: undefined, alias: false };
}

const ALL_TIER1: readonly string[] = Object.values(TIER1);
const ALL_TIER2: readonly string[] = [...new Set(Object.values(TIER2))].filter(
  (t) => t !== TIER2.environmentalBenefit && t !== TIER2.publicSatisfaction,
);

// Every rule asks for the same few labels on every row: remember the answers (results are frozen).
const tier1Answer = remembering((label) => Object.freeze(canonical(label, ALL_TIER1, TIER1_ALIASES)), { max: 10_000, maxKeyLength: MAX_LABEL_LENGTH });
const tier2Answer = remembering((label) => Object.freeze(canonical(label, ALL_TIER2, TIER2_ALIASES)), { max: 10_000, maxKeyLength: MAX_LABEL_LENGTH });

export function canonicalTier1(label: string): CanonicalLabel {
  return tier1Answer(label);
}

export function canonicalTier2(label: string): CanonicalLabel {
  return tier2Answer(label);
}

/** The canonical 一级 an unknown label is a slip of (`效益指示` → 效益指标), if exactly one is that near. */
export function suggestTier1(label: string): string | undefined {
  return label.length > MAX_LABEL_LENGTH ? undefined : didYouMean(cleanLabel(label), ALL_TIER1);
}

/** The canonical 二级 an unknown label is a slip of (`社会效议指标` → 社会效益指标), if exactly one is that near. */
export function suggestTier2(label: string): string | undefined {
  return label.length > MAX_LABEL_LENGTH ? undefined : didYouMean(cleanLabel(label), ALL_TIER2);
}

/** Words some forms put before a category's name without changing it (项目效益指标, 产出数量指标). */
const REDUNDANT_PREFIXES = ["项目", "产出"];

/**
 * Whether `label` is the canonical `name` itself, only written shorter, longer or spaced (产出 →
 * 产出指标, 项目效益指标 → 效益指标, `产出 指标`): a label with a remark, or another word for the
 * category (项目完成指标, 环境效益指标), is not, so rewriting it would change what the form says.
 */
export function isRespelling(label: string, name: string): boolean {
  if (label.length > MAX_LABEL_LENGTH) return false;
  const compact = label.normalize("NFKC").replace(/\s+/g, "");
  return compact === name || `${compact}指标` === name || REDUNDANT_PREFIXES.some((p) => compact === p + name);
}

/** Whether `suggestion` corrects a single slip in `label`, which carries no remark (`效益指示` → 效益指标). */
export function isSingleSlip(label: string, suggestion: string): boolean {
  const written = label.trim();
  return written.length <= MAX_LABEL_LENGTH && cleanLabel(written) === written && editDistance(written, suggestion, 1) === 1;
}

/** The 一级 under which `tier2` belongs in `era`, if any. */
export function parentsOf(era: TaxonomyEra, tier2: string): string[] {
  return Object.entries(TAXONOMY[era])
    .filter(([, children]) => children.includes(tier2))
    .map(([parent]) => parent);
}

export type Dimension = "quantity" | "quality" | "timeliness" | "cost" | "benefit" | "satisfaction";

/** What a row measures, from its 一级 and 二级 (either era). */
export function dimensionOf(row: IndicatorRow): Dimension | undefined {
  const t1 = canonicalTier1(row.tier1).name;
  const t2 = canonicalTier2(row.tier2).name;
  if (t1 === TIER1.cost || (t2 !== undefined && COST_TIER2.includes(t2))) return "cost";
  if (t1 === TIER1.satisfaction || t2 === TIER2.beneficiarySatisfaction) return "satisfaction";
  if (t2 === TIER2.quantity) return "quantity";
  if (t2 === TIER2.quality) return "quality";
  if (t2 === TIER2.timeliness) return "timeliness";
  if (t1 === TIER1.benefit) return "benefit";
  return undefined;
}

export function isCostRow(row: IndicatorRow): boolean {
  return dimensionOf(row) === "cost";
}
