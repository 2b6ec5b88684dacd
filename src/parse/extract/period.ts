/**
 * 项目实施期 as written → start and end.
 *
 * Convention: a year alone (`2023年度`, `2023年`, `2023`) runs from `YYYY-01` to `YYYY-12`;
 * a month (`2023.07`, `2022年3月`, `202001`) is written `YYYY-MM`; a day (`2023-01-01`,
 * `2023年1月1日`) `YYYY-MM-DD`. A range gives start from its first end and end from its second;
 * a single point gives both from itself. Durations and words (`1年`, `3年`, `长期`) keep only the text.
 */
import type { Period } from "../../model/form.js";

interface Point {
  start: string;
  end: string;
}

const pad = (n: string) => n.padStart(2, "0");

function validMonth(m: string): boolean {
  const n = Number(m);
  return n >= 1 && n <= 12;
}

function validDay(d: string): boolean {
  const n = Number(d);
  return n >= 1 && n <= 31;
}

/** Point patterns, most specific first; each returns the point or undefined when out of range. */
const POINTS: { re: RegExp; make: (m: RegExpExecArray) => Point | undefined }[] = [
  { re: /^(\d{4})年(\d{1,2})月(\d{1,2})日/, make: (m) => day(m[1]!, m[2]!, m[3]!) },
  { re: /^(\d{4})年(\d{1,2})月(?:份)?/, make: (m) => month(m[1]!, m[2]!) },
  { re: /^(\d{4})[-./](\d{1,2})[-./](\d{1,2})(?!\d)/, make: (m) => day(m[1]!, m[2]!, m[3]!) },
  { re: /^(\d{4})[-./](\d{1,2})(?![\d年])/, make: (m) => month(m[1]!, m[2]!) },
  { re: /^(\d{4})(\d{2})(\d{2})(?!\d)/, make: (m) => day(m[1]!, m[2]!, m[3]!) },
  { re: /^(\d{4})(\d{2})(?!\d)/, make: (m) => month(m[1]!, m[2]!) },
  { re: /^(\d{4})(?:年度|年)?(?!\d)/, make: (m) => ({ start: `${m[1]}-01`, end: `${m[1]}-12` }) },
];

function day(y: string, m: string, d: string): Point | undefined {
  if (!validMonth(m) || !validDay(d)) return undefined;
  const s = `${y}-${pad(m)}-${pad(d)}`;
  return { start: s, end: s };
}

function month(y: string, m: string): Point | undefined {
  if (!validMonth(m)) return undefined;
  const s = `${y}-${pad(m)}`;
  return { start: s, end: s };
}

function readPoint(text: string): { point: Point; rest: string } | undefined {
  for (const { re, make } of POINTS) {
    const m = re.exec(text);
    if (!m) continue;
    const point = make(m);
    if (point) return { point, rest: text.slice(m[0].length) };
  }
  return undefined;
}

const RANGE_SEPARATOR = /^(?:-|—|–|―|~|～|至|到|－)+/;

/** Parse one date or period written on its own (a 开始日期 / 结束日期 cell). */
export function parseDatePoint(text: string): Point | undefined {
  const t = text.replace(/[\s\u3000]/g, "");
  const r = readPoint(t);
  return r && r.rest === "" ? r.point : undefined;
}

export function parsePeriod(text: string): Period {
  const t = text.replace(/[\s\u3000]/g, "");
  const first = readPoint(t);
  if (!first) return { text };
  if (first.rest === "") return { text, start: first.point.start, end: first.point.end };
  const sep = RANGE_SEPARATOR.exec(first.rest);
  if (!sep) return { text };
  const second = readPoint(first.rest.slice(sep[0].length));
  if (!second || second.rest !== "") return { text };
  return { text, start: first.point.start, end: second.point.end };
}
