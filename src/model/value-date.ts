/**
 * Dates, deadlines and periods written as a 指标值: `2023年12月31日`, `2023年底`, `12月底到位`,
 * `2023.07-2024.01`, `2021年1月-12月`, `年底前`, `2025年12月底前`. The whole value must be the date;
 * a sentence that merely mentions a year is prose.
 */
import { VALUE_WORDS } from "./terms.js";
import { Cursor } from "./value-text.js";

const D = VALUE_WORDS.date;
const DOT_SEPARATORS = [".", "/", "-"];
const PERIOD_SEPARATORS = ["-", "~", "—", "–", "至", "到"];
/** A relative year only names its end or start (年底前), never the year as a whole (年度内 is a grade). */
const RELATIVE_YEAR_PARTS = ["底", "末", "初"];

interface DatePoint {
  /** Carries a calendar word or a dotted year-month: enough to call the value a date. */
  dated: boolean;
}

function validMonth(digits: string | undefined): boolean {
  if (digits === undefined) return false;
  const m = Number(digits);
  return m >= 1 && m <= 12;
}

function validYear(digits: string): boolean {
  const y = Number(digits);
  return digits.length === 4 && y >= 1900 && y <= 2199;
}

/** After a month: a day (`31日`) or a part of the month (`底`, `上旬`). */
function takeMonthTail(c: Cursor): void {
  const save = c.pos;
  const day = c.takeDigits(2);
  if (day !== undefined) {
    if (Number(day) >= 1 && Number(day) <= 31 && c.takeAny(D.day)) return;
    c.pos = save;
    return;
  }
  c.takeAny(D.monthPart);
}

/** `M月[D日|底…]`: a month without a year. */
function takeMonth(c: Cursor): boolean {
  const save = c.pos;
  const month = c.takeDigits(2);
  if (validMonth(month) && c.take(D.month)) {
    takeMonthTail(c);
    return true;
  }
  c.pos = save;
  return false;
}

function takePoint(c: Cursor): DatePoint | undefined {
  const save = c.pos;
  const year = c.takeDigits(4);
  if (year !== undefined && validYear(year) && !/[0-9]/.test(c.peek() ?? "")) {
    if (c.take(D.year)) {
      if (!takeMonth(c)) c.takeAny(D.yearPart);
      return { dated: true };
    }
    // Dotted year-month(-day): 2023.07, 2023-07-01, 2023/7.
    const dotSave = c.pos;
    const sep = DOT_SEPARATORS.find((s) => c.at(s));
    if (sep !== undefined) {
      c.pos += sep.length;
      const month = c.takeDigits(2);
      if (validMonth(month)) {
        const daySave = c.pos;
        if (!(c.take(sep) && c.takeDigits(2) !== undefined)) c.pos = daySave;
        return { dated: true };
      }
      c.pos = dotSave;
    }
    // A bare year: a date only as one end of a period whose other end is dated (2023-2025年).
    return { dated: false };
  }
  c.pos = save;
  if (takeMonth(c)) return { dated: true };
  c.takeAny(D.relativeYear);
  if (c.take(D.year) && c.takeAny(RELATIVE_YEAR_PARTS)) return { dated: true };
  c.pos = save;
  return undefined;
}

/** Is `norm[start, end)` a date, deadline or period (with an optional comparison already taken)? */
export function isDateValue(norm: string, start: number, end: number): boolean {
  const c = new Cursor(norm, start, end);
  c.skipSpaces();
  c.takeAny(D.prefix);
  c.skipSpaces();
  const first = takePoint(c);
  if (!first) return false;
  let dated = first.dated;
  c.skipSpaces();
  const save = c.pos;
  const sep = PERIOD_SEPARATORS.find((s) => c.at(s));
  if (sep !== undefined) {
    c.pos += sep.length;
    c.skipSpaces();
    const second = takePoint(c);
    if (second) dated ||= second.dated;
    else c.pos = save;
  }
  c.skipSpaces();
  for (let round = 0; round < 2 && !c.done; round++) {
    c.takeAny(D.suffix);
    c.skipSpaces();
  }
  return dated && c.done;
}
