/**
 * 一级 / 二级 labels: normalised spelling, the category a label belongs to, and the 一级 a 二级
 * implies when the 一级 cell was lost (a text export drops merged cells).
 */
import { COLUMN_HEADERS, LAYOUT_WORDS, TIER1, TIER2, TIER2_PARENT, type Tier1Key, type Tier2Key } from "../../model/terms.js";
import { PerfgoalError } from "../../model/errors.js";
import { formatLocation, type Location } from "../../model/location.js";
import { stripSpaces } from "./text.js";

/**
 * Long labels already normalised: a merged 一级/二级 cell is read again for every row it spans,
 * which made a megabyte cell cost seconds. Short labels are cheap and not kept.
 */
const normalised = new Map<string, string>();

/**
 * 一级/二级 labels are a few characters. Longer text is junk, and since a merged label is repeated
 * on every row it spans, every later step that groups rows by label would pay for it row by row.
 */
export const MAX_TIER_CHARS = 10_000;

/** The normalised label of a 一级 (`tier: 1`) or 二级 cell; refuses absurdly long ones (PG-E-TOO-LARGE). */
export function tierLabel(text: string, tier: 1 | 2, loc: Location | undefined): string {
  const label = normaliseTier(text);
  if (label.length > MAX_TIER_CHARS) {
    const name = tier === 1 ? COLUMN_HEADERS.tier1[0] : COLUMN_HEADERS.tier2[0];
    throw new PerfgoalError("PG-E-TOO-LARGE", {
      zh: `${name}超过 ${MAX_TIER_CHARS} 字${loc ? `（${formatLocation(loc)}）` : ""}`,
      en: `a tier-${tier} label over ${MAX_TIER_CHARS} characters${loc ? ` (${formatLocation(loc, "en")})` : ""}`,
    });
  }
  return label;
}

/** `满意度\n\n指标` → `满意度指标`: whitespace never belongs to a tier label. */
export function normaliseTier(text: string): string {
  if (text.length < 256) return stripSpaces(text);
  let label = normalised.get(text);
  if (label === undefined) {
    if (normalised.size >= 4) normalised.clear();
    label = stripSpaces(text);
    normalised.set(text, label);
  }
  return label;
}

const tier2ByName = new Map<string, Tier2Key>(Object.entries(TIER2).map(([k, v]) => [v, k as Tier2Key]));

/** The 一级 category a 一级 label belongs to, by its key word (项目完成指标 → output). */
export function tier1Category(label: string): Tier1Key | undefined {
  const exact = (Object.entries(TIER1) as [Tier1Key, string][]).find(([, v]) => v === label);
  if (exact) return exact[0];
  for (const [key, words] of Object.entries(LAYOUT_WORDS.tier1Keywords) as [Tier1Key, readonly string[]][]) {
    if (words.some((w) => label.includes(w))) return key;
  }
  return undefined;
}

/** The 一级 category a 二级 label implies (社会效益指标 → benefit; era A 成本指标 → output). */
export function impliedTier1(tier2: string): Tier1Key | undefined {
  const key = tier2ByName.get(tier2);
  if (key) return TIER2_PARENT[key];
  // Decorated names: `数量指标(必填)`, `服务对象满意度`.
  for (const [name, k] of tier2ByName) if (tier2.startsWith(name) || name.startsWith(tier2 + "指标")) return TIER2_PARENT[k];
  return undefined;
}

/**
 * The 一级 for a row whose 一级 cell is empty: the one carried down from above, unless the
 * row's 二级 belongs to another category — then the canonical 一级 of that category.
 */
export function inferTier1(carried: string, tier2: string): string {
  const implied = impliedTier1(tier2);
  if (!implied) return carried;
  if (carried !== "" && tier1Category(carried) === implied) return carried;
  return TIER1[implied];
}
