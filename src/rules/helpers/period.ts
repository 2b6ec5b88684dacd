import type { Period } from "../../model/form.js";

/** A 项目实施期 as years and a length in months; `months` is Infinity for 长期. */
export interface PeriodSpan {
  startYear?: number;
  endYear?: number;
  months?: number;
}

interface YearMonth {
  year: number;
  month: number;
}

function ym(text: string | undefined): YearMonth | undefined {
  const m = /^(\d{4})(?:-(\d{1,2}))?/.exec(text?.trim() ?? "");
  if (!m) return undefined;
  return { year: Number(m[1]), month: m[2] ? Number(m[2]) : 0 };
}

function spanOf(start: YearMonth, end: YearMonth): PeriodSpan {
  const startMonth = start.month || 1;
  const endMonth = end.month || 12;
  return {
    startYear: start.year,
    endYear: end.year,
    months: (end.year - start.year) * 12 + (endMonth - startMonth) + 1,
  };
}

/** Read the period from its start/end fields, else from the text as written. */
export function periodSpan(period: Period | undefined): PeriodSpan | undefined {
  if (!period) return undefined;
  const start = ym(period.start);
  const end = ym(period.end);
  if (start && end) return spanOf(start, end);
  return spanFromText(period.text);
}

const SEP = "\\s*(?:-|—|–|~|～|至|到)\\s*";
const DATE = "(\\d{4})\\s*(?:[.\\-/年]\\s*(\\d{1,2})\\s*月?)?";

export function spanFromText(text: string): PeriodSpan | undefined {
  const t = text.normalize("NFKC").replace(/\s+/g, "");
  if (/^长期/.test(t)) return { months: Infinity };
  let m = /^(\d{4})(\d{2})(?:\d{2})?(?:-|—|至)(\d{4})(\d{2})(?:\d{2})?$/.exec(t);
  if (m) return spanOf({ year: Number(m[1]), month: Number(m[2]) }, { year: Number(m[3]), month: Number(m[4]) });
  m = new RegExp(`^${DATE}${SEP}${DATE}`).exec(t);
  if (m) {
    return spanOf(
      { year: Number(m[1]), month: m[2] ? Number(m[2]) : 0 },
      { year: Number(m[3]), month: m[4] ? Number(m[4]) : 0 },
    );
  }
  m = /^(\d{4})年度?$|^(\d{4})$/.exec(t);
  if (m) {
    const year = Number(m[1] ?? m[2]);
    return { startYear: year, endYear: year, months: 12 };
  }
  m = /^(\d+(?:\.\d+)?)年$/.exec(t);
  if (m) return { months: Number(m[1]) * 12 };
  m = /^(\d+)个?月$/.exec(t);
  if (m) return { months: Number(m[1]) };
  return undefined;
}

/** Four-digit years (1990–2099) written in a text. */
export function yearsIn(text: string): number[] {
  return [...text.normalize("NFKC").matchAll(/(?<!\d)(19[9]\d|20\d{2})(?!\d)/g)].map((m) => Number(m[1]));
}
