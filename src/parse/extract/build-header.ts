/**
 * The header scan's findings → the Form's header parts (project, funding, goals, signatures …),
 * with a source location for each model path.
 */
import type { Form, Funding, Period, Project, Signatures } from "../../model/form.js";
import type { Location, SourceMap } from "../../model/location.js";
import { FUNDING_LEVELS, type AmountUnit, type FundingLevel } from "../../model/terms.js";
import { parseCheckboxChoice, parseDepartment, splitNamePhone, withoutStamp } from "./field-values.js";
import { yearOf, type Found, type HeaderCollector, type Slot } from "./header-scan.js";
import { parseAmount } from "./numbers.js";
import { parseDatePoint, parsePeriod } from "./period.js";

export type HeaderParts = Pick<Form, "title" | "year" | "attachmentLabel" | "fillingUnit" | "project" | "funding" | "goals" | "signatures" | "otherFields">;

export interface BuiltHeader {
  parts: HeaderParts;
  /** The amount unit the form states, if it states one. */
  amountUnit?: { unit: AmountUnit; loc?: Location };
  sourceMap: SourceMap;
}

export function buildHeader(c: HeaderCollector): BuiltHeader {
  const map: SourceMap = new Map();
  const others: { label: string; value: string; loc: Location }[] = [...c.others];
  const take = (slot: Slot, path: string): Found | undefined => {
    const f = c.get(slot);
    if (f) map.set(path, f.loc);
    return f;
  };

  const project: Project = {};
  const name = take("projectName", "project.name");
  if (name) project.name = name.value;
  const dept = take("department", "project.department");
  const deptCode = c.get("departmentCode");
  if (dept) {
    const d = parseDepartment(dept.value);
    project.department = { name: d.name, ...(d.code ?? deptCode?.value ? { code: d.code ?? deptCode?.value } : {}) };
  }
  const unit = take("implementingUnit", "project.implementingUnit");
  if (unit) project.implementingUnit = unit.value;
  const attr = take("attribute", "project.attribute");
  if (attr) {
    const chosen = parseCheckboxChoice(attr.value);
    if (chosen) project.attribute = chosen;
    else others.push({ label: attr.label, value: attr.value, loc: attr.loc });
  }
  const leader = take("leader", "project.leader");
  const phone = take("phone", "project.phone");
  if (leader) {
    const split = splitNamePhone(leader.value);
    if (split.name) project.leader = split.name;
    if (split.phone && !phone) {
      project.phone = split.phone;
      map.set("project.phone", leader.loc);
    }
  }
  if (phone) project.phone = phone.value;
  const period = buildPeriod(c, map);
  if (period) project.period = period;

  const funding: Funding = {};
  const amount = (slot: Slot, path: string, set: (n: number) => void) => {
    const f = c.get(slot);
    if (!f) return;
    const n = parseAmount(f.value);
    if (n === undefined) {
      others.push({ label: f.label, value: f.value, loc: f.loc });
      return;
    }
    set(n);
    map.set(path, f.loc);
  };
  amount("total", "funding.total", (n) => (funding.total = n));
  amount("ownLevel", "funding.ownLevel", (n) => (funding.ownLevel = n));
  amount("upperLevel", "funding.upperLevel.total", (n) => ((funding.upperLevel ??= {}).total = n));
  for (const level of Object.keys(FUNDING_LEVELS) as FundingLevel[]) {
    amount(`level.${level}`, `funding.upperLevel.${level}`, (n) => ((funding.upperLevel ??= {})[level] = n));
  }
  amount("fiscal", "funding.fiscal", (n) => (funding.fiscal = n));
  amount("other", "funding.other", (n) => (funding.other = n));
  amount("selfRaised", "funding.selfRaised", (n) => (funding.selfRaised = n));
  amount("carryOver", "funding.carryOver", (n) => (funding.carryOver = n));
  sumSourcesWithoutTotal(funding, c, map);

  const goals: Form["goals"] = {};
  const longTerm = take("longTermGoal", "goals.longTerm");
  if (longTerm) goals.longTerm = longTerm.value;
  const annual = take("annualGoal", "goals.annual");
  if (annual) goals.annual = annual.value;

  const signatures: Signatures = {};
  const sig = (slot: Slot, key: keyof Signatures) => {
    const f = take(slot, `signatures.${key}`);
    if (f) signatures[key] = f.value;
  };
  sig("filler", "filler");
  sig("signaturePhone", "phone");
  sig("head", "head");
  sig("fillDate", "date");

  const parts: HeaderParts = { project, funding, goals };
  if (c.title) {
    parts.title = c.title.text;
    map.set("title", c.title.loc);
    const year = yearOf(c.title.text);
    if (year !== undefined) {
      parts.year = year;
      map.set("year", c.title.loc);
    }
  }
  if (parts.year === undefined && c.titleYear) {
    parts.year = c.titleYear.year;
    map.set("year", c.titleYear.loc);
  }
  if (parts.year === undefined && c.yearLine) {
    parts.year = c.yearLine.year;
    map.set("year", c.yearLine.loc);
  }
  // No year in the title: a period of one calendar year (`2023年度`) names it.
  const single = project.period?.start?.slice(0, 4);
  if (parts.year === undefined && single && project.period?.end?.startsWith(single)) {
    parts.year = Number(single);
    const loc = map.get("project.period");
    if (loc) map.set("year", loc);
  }
  if (c.attachment) {
    parts.attachmentLabel = c.attachment.text;
    map.set("attachmentLabel", c.attachment.loc);
  }
  const filling = take("fillingUnit", "fillingUnit");
  if (filling) {
    const v = withoutStamp(filling.value);
    if (v !== "") parts.fillingUnit = v;
  }
  if (Object.keys(signatures).length > 0) parts.signatures = signatures;
  if (others.length > 0) {
    parts.otherFields = others.map((o, i) => {
      map.set(`otherFields[${i}]`, o.loc);
      return { label: o.label, value: o.value };
    });
  }
  const stated = c.get("amountUnit");
  const amountUnit = stated ? { unit: stated.value as AmountUnit, loc: stated.loc } : c.amountUnitHint ? { unit: c.amountUnitHint } : undefined;
  if (amountUnit?.loc) map.set("amountUnit", amountUnit.loc);
  return { parts, ...(amountUnit ? { amountUnit } : {}), sourceMap: map };
}

/** 实施期 as written, or composed from separate 开始 / 结束 dates. */
function buildPeriod(c: HeaderCollector, map: SourceMap): Period | undefined {
  const whole = c.get("period");
  if (whole) {
    map.set("project.period", whole.loc);
    return parsePeriod(whole.value);
  }
  const start = c.get("startDate");
  const end = c.get("endDate");
  if (!start && !end) return undefined;
  map.set("project.period", (start ?? end)!.loc);
  const text = start && end ? `${start.value}至${end.value}` : (start ?? end)!.value;
  const s = start ? parseDatePoint(start.value)?.start : undefined;
  const e = end ? parseDatePoint(end.value)?.end : undefined;
  return { text, ...(s ? { start: s } : {}), ...(e ? { end: e } : {}) };
}

/**
 * A form whose total row has no number of its own but splits the money by source (Sichuan's
 * (一)财政拨款小计 / (二)自有资金小计 / (三)其他收入): the total is their sum. One source alone may be
 * a part, so at least two must be written; their sub-lines (1、一般公共预算 …) are not sources.
 */
function sumSourcesWithoutTotal(funding: Funding, c: HeaderCollector, map: SourceMap): void {
  // Only where the form prints a total row whose cell holds no number (`年度资金总额 | 金额(万元)`).
  const written = c.get("total");
  if (funding.total !== undefined || !written || parseAmount(written.value) !== undefined) return;
  const parts = (["fiscal", "selfRaised", "other", "carryOver"] as const).filter((k) => funding[k] !== undefined);
  if (parts.length < 2) return;
  // Sums of decimals: 6.30 + 0.00 + 0.00 is 6.3, not 6.300000000000001.
  funding.total = Math.round(parts.reduce((sum, k) => sum + funding[k]!, 0) * 1e6) / 1e6;
  const loc = c.get(parts[0]!)?.loc;
  if (loc) map.set("funding.total", loc);
}
