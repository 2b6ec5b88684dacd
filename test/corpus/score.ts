/**
 * The real-form corpus in ../shared/corpus: read each text as perfgoal would and score the key
 * fields against the hand-read expectations (`expected/*.json`), the way its README says to compare.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseBuffer, type ParseResult } from "../../src/parse/index.js";
import { PerfgoalError } from "../../src/model/errors.js";
import type { Form, IndicatorRow } from "../../src/model/form.js";
import { indicatorEntries } from "../../src/model/form.js";
import { TIER1 } from "../../src/model/terms.js";
import { tier1Category, impliedTier1 } from "../../src/parse/extract/tiers.js";

export const CORPUS = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../shared/corpus");
export const SEED_TEXT = path.resolve(CORPUS, "../seed/hengdong-2023.txt");

export interface Sample {
  tier1: string;
  tier2: string;
  tier3: string;
  value: string;
}

interface Counts {
  indicatorCount: number;
  byTier1: Record<string, number>;
  byTier2: Record<string, number>;
  samples: Sample[];
}

export interface Expected extends Partial<Counts> {
  file: string;
  parseable: boolean;
  projectName?: string;
  projectNameContains?: string;
  department?: string;
  year?: number;
  budgetTotal?: number;
  amountUnit?: "万元" | "元";
  humanReading?: Counts;
}

export interface CorpusFile {
  /** Path relative to the corpus folder (`forms/01_….txt`, `templates/….txt`, or the seed's). */
  name: string;
  text: string;
  expected?: Expected;
}

/** Each corpus text with its two `# source:` / `# note:` lines stripped, as the corpus README asks. */
export function corpusFiles(): CorpusFile[] {
  if (!existsSync(CORPUS)) return [];
  const expected = new Map<string, Expected>();
  for (const f of readdirSync(path.join(CORPUS, "expected"))) {
    const e = JSON.parse(readFileSync(path.join(CORPUS, "expected", f), "utf8")) as Expected;
    expected.set(e.file.startsWith("seed") ? "seed" : e.file, e);
  }
  const out: CorpusFile[] = [];
  for (const dir of ["forms", "templates"]) {
    for (const f of readdirSync(path.join(CORPUS, dir)).sort()) {
      const name = `${dir}/${f}`;
      const text = readFileSync(path.join(CORPUS, name), "utf8").split("\n").filter((l, i) => !(i < 2 && /^# (source|note):/.test(l))).join("\n");
      out.push({ name, text, ...(expected.has(name) ? { expected: expected.get(name)! } : {}) });
    }
  }
  const seed = expected.get("seed");
  if (seed) out.push({ name: "seed/hengdong-2023.txt", text: readFileSync(SEED_TEXT, "utf8"), expected: seed });
  return out;
}

export type Outcome =
  | { kind: "forms"; result: ParseResult }
  | { kind: "refused"; error: PerfgoalError };

export async function readCorpusText(file: CorpusFile): Promise<Outcome> {
  try {
    return { kind: "forms", result: await parseBuffer(Buffer.from(file.text, "utf8"), path.basename(file.name)) };
  } catch (e) {
    if (e instanceof PerfgoalError) return { kind: "refused", error: e };
    throw e;
  }
}

/** Trimmed of ASCII and ideographic spaces, with line breaks inside a cell removed (corpus README). */
export function cellText(s: string): string {
  return s.replace(/[\r\n]+/g, "").replace(/^[ \u3000]+|[ \u3000]+$/g, "");
}

/** 二级 keys as the corpus prints them: no whitespace, no `(必填)` annotations. */
export function tier2Key(s: string): string {
  return s.replace(/\s+/g, "").replace(/\((必填硬性指标|必填|选填)\)|（(必填硬性指标|必填|选填)）/g, "");
}

export function canonicalTier1(row: IndicatorRow): string {
  const key = tier1Category(row.tier1.replace(/\s+/g, "")) ?? impliedTier1(tier2Key(row.tier2));
  return key ? TIER1[key] : row.tier1;
}

function stripCode(s: string): string {
  return s.replace(/^\s*(\[[^\]]*\]|【[^】]*】|\d+[_\-])\s*/, "").trim();
}

export interface Check {
  field: string;
  ok: boolean;
  expected: unknown;
  got: unknown;
}

/** The header fields perfgoal found: the form's, or those a no-table refusal carries. */
interface HeaderView {
  projectName?: string;
  department?: string;
  year?: number;
  budgetTotal?: number;
  amountUnit?: string;
}

function headerOf(form: Form): HeaderView {
  return {
    ...(form.project.name !== undefined ? { projectName: form.project.name } : {}),
    ...(form.project.department ? { department: form.project.department.name } : {}),
    ...(form.year !== undefined ? { year: form.year } : {}),
    ...(form.funding.total !== undefined ? { budgetTotal: form.funding.total } : {}),
    amountUnit: form.amountUnit,
  };
}

function countsOf(form: Form): Counts {
  const entries = indicatorEntries(form).map((e) => e.row);
  const byTier1: Record<string, number> = {};
  const byTier2: Record<string, number> = {};
  for (const row of entries) {
    const t1 = canonicalTier1(row);
    byTier1[t1] = (byTier1[t1] ?? 0) + 1;
    const t2 = tier2Key(row.tier2);
    byTier2[t2] = (byTier2[t2] ?? 0) + 1;
  }
  const samples = entries.map((row) => ({ tier1: canonicalTier1(row), tier2: tier2Key(row.tier2), tier3: cellText(row.tier3), value: cellText(row.value.raw) }));
  return { indicatorCount: entries.length, byTier1, byTier2, samples };
}

function sameRecord(a: Record<string, number>, b: Record<string, number>): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].every((k) => (a[k] ?? 0) === (b[k] ?? 0));
}

function headerChecks(e: Expected, got: HeaderView): Check[] {
  const checks: Check[] = [];
  if (e.projectName !== undefined) checks.push({ field: "projectName", expected: e.projectName, got: got.projectName, ok: got.projectName !== undefined && stripCode(got.projectName) === stripCode(e.projectName) });
  if (e.projectNameContains !== undefined) checks.push({ field: "projectName", expected: `…${e.projectNameContains}…`, got: got.projectName, ok: got.projectName?.includes(e.projectNameContains) === true });
  if (e.department !== undefined) checks.push({ field: "department", expected: e.department, got: got.department, ok: got.department !== undefined && stripCode(got.department) === stripCode(e.department) });
  if (e.year !== undefined) checks.push({ field: "year", expected: e.year, got: got.year, ok: got.year === e.year });
  if (e.budgetTotal !== undefined) {
    checks.push({ field: "budget", expected: `${e.budgetTotal} ${e.amountUnit}`, got: `${got.budgetTotal} ${got.amountUnit}`, ok: got.budgetTotal === e.budgetTotal && got.amountUnit === e.amountUnit });
  }
  return checks;
}

function countChecks(e: Counts, got: Counts): Check[] {
  const checks: Check[] = [
    { field: "indicatorCount", expected: e.indicatorCount, got: got.indicatorCount, ok: e.indicatorCount === got.indicatorCount },
    { field: "byTier1", expected: e.byTier1, got: got.byTier1, ok: sameRecord(e.byTier1, got.byTier1) },
    { field: "byTier2", expected: e.byTier2, got: got.byTier2, ok: sameRecord(e.byTier2, got.byTier2) },
  ];
  e.samples.forEach((s, i) => {
    const want = { ...s, tier2: tier2Key(s.tier2) };
    const hit = got.samples.some((g) => g.tier1 === want.tier1 && g.tier2 === want.tier2 && g.tier3 === want.tier3 && g.value === want.value);
    checks.push({ field: `sample ${i + 1}`, expected: want, got: hit ? want : got.samples.find((g) => g.tier3 === want.tier3), ok: hit });
  });
  return checks;
}

/** Is a form marked as read only in part (`source.complete: false`)? */
export function isPartial(form: Form): boolean {
  return form.source?.complete === false;
}

/**
 * Score one corpus text. A parseable form must match its counts and samples; an unparseable one
 * must be refused as no table (or marked partial), or match its humanReading exactly; the header
 * fields count either way.
 */
export function score(file: CorpusFile, outcome: Outcome): Check[] {
  const e = file.expected;
  if (!e) return [];
  const form = outcome.kind === "forms" ? outcome.result.forms[0]?.form : undefined;
  const header: HeaderView = form ? headerOf(form) : ((outcome.kind === "refused" ? outcome.error.found : undefined) ?? {});
  const checks = headerChecks(e, header);
  if (e.parseable) {
    if (!form) return [...checks, { field: "table", expected: "a table", got: outcome.kind === "refused" ? outcome.error.code : "none", ok: false }];
    checks.push({ field: "complete", expected: true, got: !isPartial(form), ok: !isPartial(form) });
    return [...checks, ...countChecks(e as Counts, countsOf(form))];
  }
  if (!form) {
    checks.push({ field: "no table", expected: "PG-E-NO-TABLE", got: outcome.kind === "refused" ? outcome.error.code : "?", ok: outcome.kind === "refused" && outcome.error.code === "PG-E-NO-TABLE" });
    return checks;
  }
  if (isPartial(form)) {
    checks.push({ field: "partial", expected: "partial or humanReading", got: "partial", ok: true });
    return checks;
  }
  if (!e.humanReading) return [...checks, { field: "no table", expected: "PG-E-NO-TABLE", got: "a clean table", ok: false }];
  const human = countChecks(e.humanReading, countsOf(form));
  // A clean table for an unparseable text is right only when every count and sample is.
  if (human.some((c) => !c.ok)) return [...checks, { field: "humanReading", expected: "exact, or no table", got: "a different clean table", ok: false }];
  return [...checks, ...human];
}
