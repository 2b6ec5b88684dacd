import fc from "fast-check";
import { Form, type IndicatorRow } from "../../../src/model/form.js";
import * as terms from "../../../src/model/terms.js";
import { LAYOUT_WORDS, STANDARD_TYPES, TIER1, TIER2, TIER2_PARENT, type Tier2Key } from "../../../src/model/terms.js";
import { parseRowValue } from "../../../src/model/value-parse.js";
import { parsePeriod } from "../../../src/parse/extract/period.js";
import type { RenderLayout } from "../../../src/render/layout.js";

/*
 * Random but valid Forms, written the way a real form is filled in: free text never reads as a
 * label, a column header or a block label (its characters never occur in any term), has no
 * colons (which would open an inline `label：value`) and no blank lines (cells are read line by
 * line, trimmed). Parsed values are derived from the text exactly as a reader derives them.
 */

function collectStrings(value: unknown, out: string[] = []): string[] {
  if (typeof value === "string") out.push(value);
  else if (value && typeof value === "object") for (const v of Object.values(value)) collectStrings(v, out);
  return out;
}

const FORBIDDEN = new Set(collectStrings(terms).join(""));
const COMMON =
  "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处队南给色光门即保治北造百规热领七海口东导器压志世金增争济阶油思术极交受联什认六共权收证改清己美再采转更单风切打白教速花带安场身车例真务具万每目至达走积示议声报斗完类八离华名确才科张信马节话米整空元况今集温传土许步群广石记需段研界拉林律叫且究观越织装影算低持音众书布复容儿须际商非验连断深难近矿千周委素技备半办青省列习响约支般史感劳便团往酸历市克何除消构府称太准精值号率族维划选标写存候毛亲快效斯院查江型眼王按格养易置派层片始却专状育厂京识适属圆包火住调满县局照参红细引听该铁价严龙飞";
/** Common characters that occur in no term: text made of them can never be mistaken for a label. */
export const SAFE_CHARS = [...new Set(COMMON)].filter((c) => !FORBIDDEN.has(c));

const char = fc.oneof(
  { arbitrary: fc.constantFrom(...SAFE_CHARS), weight: 14 },
  { arbitrary: fc.constantFrom(..."0123456789"), weight: 1 },
  { arbitrary: fc.constantFrom(..."abcxyz"), weight: 1 },
  { arbitrary: fc.constantFrom(..."，。、“”《》%"), weight: 1 },
);

/** One line of text, 1…`max` characters, starting with a character (not a digit or mark). */
export function line(max = 24): fc.Arbitrary<string> {
  return fc
    .tuple(fc.constantFrom(...SAFE_CHARS), fc.array(char, { maxLength: max - 1 }))
    .map(([first, rest]) => first + rest.join(""))
    .filter((s) => !/\d{7,}/.test(s));
}

/** Text of one or more lines; with `long`, up to a few hundred characters. */
export function text(options: { long?: boolean; lines?: number } = {}): fc.Arbitrary<string> {
  const one = options.long ? fc.oneof(line(24), line(160)) : line(24);
  return fc.array(one, { minLength: 1, maxLength: options.lines ?? 1 }).map((ls) => ls.join("\n"));
}

const amount = fc.oneof(fc.integer({ min: 0, max: 100_000 }), fc.integer({ min: 0, max: 10_000_000 }).map((n) => n / 100));

const VALUES = [
  "≥90%", "≧95%", "＝100%", "100%", "≤35万元", "1-2次/年", "15-20项/年", "3份/年", "常态化", "零发生", "约400人",
  "2023年12月31日前", "按实际查处人数", "5万元/人", "年度内及时完成", "部门协同、社会共治", "是", "12000", "36", "0.5",
];
const rawValue = fc.oneof({ arbitrary: fc.constantFrom(...VALUES), weight: 4 }, { arbitrary: text({ long: true }), weight: 1 }, { arbitrary: fc.constant(""), weight: 1 });

const TIER_PAIRS = (Object.keys(TIER2) as Tier2Key[]).map((k) => [TIER1[TIER2_PARENT[k]], TIER2[k]] as const);

/**
 * A 指标值 read together with separate 指标性质 / 度量单位 columns: the comparison and the unit are
 * put around a bare number before parsing, the value as written is kept.
 */
export function valueWithColumns(raw: string, comparison?: string, unit?: string): IndicatorRow["value"] {
  return parseRowValue(raw, comparison, unit);
}

type OptionalColumn = "standard" | "note" | "unit" | "comparison" | "weight" | "direction" | "valueType" | "scoringRule";
const OPTIONAL_COLUMNS: readonly OptionalColumn[] = ["standard", "note", "unit", "comparison", "weight", "direction", "valueType", "scoringRule"];

const columnValue: Record<OptionalColumn, fc.Arbitrary<string | number>> = {
  standard: fc.oneof(fc.constantFrom(...Object.values(STANDARD_TYPES)), text({ long: true })),
  note: text({ lines: 2 }),
  unit: fc.constantFrom("个", "人次", "%", "万元", "次/年", "平方米"),
  comparison: fc.constantFrom("≥", "≤", "=", ">", "<"),
  weight: fc.oneof(fc.integer({ min: 0, max: 30 }), fc.integer({ min: 0, max: 60 }).map((n) => n / 2)),
  direction: fc.constantFrom("正向指标", "反向指标"),
  valueType: fc.constantFrom("定量", "定性"),
  scoringRule: text({ long: true }),
};

/** A row of a table whose optional columns are `columns`: a placeholder, or an indicator filling some of them. */
function indicatorRow(columns: readonly OptionalColumn[]): fc.Arbitrary<IndicatorRow> {
  const pair = fc.constantFrom(...TIER_PAIRS);
  const placeholder = pair.map(([tier1, tier2]): IndicatorRow => ({ tier1, tier2, tier3: "", value: parseRowValue("") }));
  const extras = fc.record(Object.fromEntries(columns.map((c) => [c, fc.option(columnValue[c], { nil: undefined })])) as Record<OptionalColumn, fc.Arbitrary<string | number | undefined>>);
  const indicator = fc.tuple(pair, text({ long: true, lines: 2 }), rawValue, extras).map(([[tier1, tier2], tier3, raw, ex]): IndicatorRow => {
    const fields = Object.fromEntries(Object.entries(ex).filter(([, v]) => v !== undefined)) as Partial<Record<OptionalColumn, string | number>>;
    const comparison = fields.comparison as string | undefined;
    const unit = fields.unit as string | undefined;
    return { tier1, tier2, tier3, ...fields, value: valueWithColumns(raw, comparison, unit) } as IndicatorRow;
  });
  return fc.oneof({ arbitrary: indicator, weight: 6 }, { arbitrary: placeholder, weight: 1 });
}

function indicatorTable(minRows: number, maxRows: number): fc.Arbitrary<IndicatorRow[]> {
  return fc.subarray([...OPTIONAL_COLUMNS]).chain((columns) => fc.array(indicatorRow(columns), { minLength: minRows, maxLength: maxRows }));
}

const opt = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: undefined });

const TITLES = [
  (y: number) => `${y}年度项目支出预算绩效目标申报表`,
  (y: number) => `${y}年财政支出(项目)绩效目标申报表`,
  (y: number) => `${y}年度项目支出绩效目标申报表`,
  () => "项目支出绩效目标申报表",
];

const PERIODS = ["2023年度", "2023.07-2024.01", "1年", "长期", "2022年3月-2023年11月", "202001-202012", "2023-01-01至2023-12-31"];

const PHONE = fc.oneof(
  fc.integer({ min: 1000000, max: 9999999 }).map((n) => `0734-${n}`),
  fc.integer({ min: 0, max: 99999999 }).map((n) => `138${String(n).padStart(8, "0")}`),
);

/** Drop undefined members, so optional fields are absent rather than undefined. */
function compact<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

/** A random valid Form as the given layout prints it (L1 prints one amount for total and 本级). */
export function arbitraryForm(layout: RenderLayout, options: { minRows?: number; maxRows?: number } = {}): fc.Arbitrary<Form> {
  const minRows = options.minRows ?? 0;
  const maxRows = Math.max(minRows, options.maxRows ?? 30);
  const header = fc.record({
    year: fc.integer({ min: 2015, max: 2030 }),
    titleKind: fc.nat(TITLES.length - 1),
    attachmentLabel: opt(fc.constantFrom("附件", "附件1", "附件2", "附件5")),
    fillingUnit: opt(line(20)),
    amountUnit: fc.constantFrom("万元" as const, "元" as const),
  });
  const project = fc.record({
    name: opt(text({ long: true })),
    department: opt(fc.record({ name: line(20), code: opt(fc.integer({ min: 100, max: 999999 }).map(String)) }).map(compact)),
    implementingUnit: opt(line(20)),
    attribute: opt(fc.oneof(fc.constantFrom("新增项目", "延续项目", "滚动项目"), line(10))),
    leader: opt(line(6)),
    phone: opt(PHONE),
    period: opt(fc.oneof(fc.constantFrom(...PERIODS), line(12)).map(parsePeriod)),
  });
  const upperLevel = fc
    .record({ total: opt(amount), central: opt(amount), provincial: opt(amount), municipal: opt(amount), county: opt(amount) })
    .map(compact)
    .filter((u) => Object.keys(u).length > 0);
  const funding = fc.record({
    total: opt(amount),
    ownLevel: opt(amount),
    upperLevel: opt(upperLevel),
    fiscal: opt(amount),
    other: opt(amount),
    selfRaised: opt(amount),
    carryOver: opt(amount),
  });
  const goals = fc.record({ longTerm: opt(text({ long: true, lines: 3 })), annual: opt(text({ long: true, lines: 3 })) });
  const signatures = fc
    .record({ filler: opt(line(6)), phone: opt(PHONE), head: opt(line(6)), date: opt(fc.constantFrom("2023年1月5日", "2024-03-01", "2023.12")) })
    .map(compact)
    .filter((s) => Object.keys(s).length > 0);
  const otherFields = fc.uniqueArray(
    fc.record({ label: fc.constantFrom(...LAYOUT_WORDS.otherFieldLabels), value: text({ long: true, lines: 2 }) }),
    { maxLength: 3, selector: (f) => f.label },
  );

  return fc
    .record({
      header,
      project: project.map(compact),
      funding: funding.map(compact),
      goals: goals.map(compact),
      annual: indicatorTable(minRows, maxRows),
      longTerm: opt(indicatorTable(1, Math.max(1, Math.min(maxRows, 30)))),
      signatures: opt(signatures),
      otherFields: otherFields,
    })
    .map(({ header: h, project: p, funding: f, goals: g, annual, longTerm, signatures: s, otherFields: o }) => {
      const title = TITLES[h.titleKind]!(h.year);
      // The year as a reader finds it: in the title, else a period of one calendar year.
      const single = p.period?.start?.slice(0, 4);
      const year = /(\d{4})\s*年/.exec(title)?.[1] ?? (single && p.period?.end?.startsWith(single) ? single : undefined);
      // The Hunan form's 年度本级预算金额 is both the total and the own-level amount.
      const fundingFor = layout === "L1" ? compact({ ...f, ownLevel: f.total }) : f;
      return Form.parse(
        compact({
          title,
          year: year ? Number(year) : undefined,
          attachmentLabel: h.attachmentLabel,
          fillingUnit: h.fillingUnit,
          amountUnit: h.amountUnit,
          project: p,
          funding: fundingFor,
          goals: g,
          indicators: compact({ annual, longTerm }),
          signatures: s,
          otherFields: o.length > 0 ? o : undefined,
        }),
      );
    });
}
