/**
 * A number as a spreadsheet cell shows it, from its number format (the built-in ids of Excel and
 * WPS, or a format code). Shared by the .xlsx and .xls readers. Dates come out as the format
 * shows them, except the locale-dependent built-in short date (14 and its kin), which is written
 * `2023-12-31` so that the same file reads the same on every machine.
 */

/** Built-in format codes by id (ECMA-376 §18.8.30, plus the zh-CN ids 27–36 and 50–58). */
const BUILTIN: Record<number, string> = {
  0: "General",
  1: "0",
  2: "0.00",
  3: "#,##0",
  4: "#,##0.00",
  5: '"¥"#,##0;"¥"-#,##0',
  6: '"¥"#,##0;[Red]"¥"-#,##0',
  7: '"¥"#,##0.00;"¥"-#,##0.00',
  8: '"¥"#,##0.00;[Red]"¥"-#,##0.00',
  9: "0%",
  10: "0.00%",
  11: "0.00E+00",
  12: "# ?/?",
  13: "# ??/??",
  14: "yyyy-mm-dd",
  15: "yyyy-mm-dd",
  16: "mm-dd",
  17: "yyyy-mm",
  18: "h:mm AM/PM",
  19: "h:mm:ss AM/PM",
  20: "h:mm",
  21: "h:mm:ss",
  22: "yyyy-mm-dd h:mm",
  27: 'yyyy"年"m"月"',
  28: 'm"月"d"日"',
  29: 'm"月"d"日"',
  30: "m-d-yy",
  31: 'yyyy"年"m"月"d"日"',
  32: 'h"时"mm"分"',
  33: 'h"时"mm"分"ss"秒"',
  34: 'AM/PMh"时"mm"分"',
  35: 'AM/PMh"时"mm"分"ss"秒"',
  36: 'yyyy"年"m"月"',
  37: "#,##0 ;(#,##0)",
  38: "#,##0 ;[Red](#,##0)",
  39: "#,##0.00;(#,##0.00)",
  40: "#,##0.00;[Red](#,##0.00)",
  45: "mm:ss",
  46: "[h]:mm:ss",
  47: "mm:ss.0",
  48: "##0.0E+0",
  49: "@",
  50: 'yyyy"年"m"月"',
  51: 'm"月"d"日"',
  52: 'yyyy"年"m"月"',
  53: 'm"月"d"日"',
  54: 'm"月"d"日"',
  55: 'AM/PMh"时"mm"分"',
  56: 'AM/PMh"时"mm"分"ss"秒"',
  57: 'yyyy"年"m"月"',
  58: 'm"月"d"日"',
};

/** The format code of a built-in id; undefined for ids Excel leaves to the locale and does not define. */
export function builtinFormat(id: number): string | undefined {
  return BUILTIN[id];
}

/** One section of a format code, split into literal text and placeholders. */
type Token = { kind: "literal"; text: string } | { kind: "code"; text: string };

/** Split a format code into its `;` sections, honouring quotes, escapes and brackets. */
function sections(code: string): string[] {
  const out: string[] = [];
  let cur = "";
  for (let i = 0; i < code.length; i++) {
    const c = code[i]!;
    if (c === '"') {
      const end = code.indexOf('"', i + 1);
      const stop = end < 0 ? code.length : end;
      cur += code.slice(i, stop + 1);
      i = stop;
    } else if (c === "\\" || c === "_" || c === "*") {
      cur += code.slice(i, i + 2);
      i++;
    } else if (c === "[") {
      const end = code.indexOf("]", i);
      const stop = end < 0 ? code.length : end;
      cur += code.slice(i, stop + 1);
      i = stop;
    } else if (c === ";") {
      out.push(cur);
      cur = "";
    } else cur += c;
  }
  out.push(cur);
  return out;
}

/** Literal text and code runs of one section; `[Red]`, `[$-804]`, `_x` padding and `*x` fills show nothing. */
function tokens(section: string): Token[] {
  const out: Token[] = [];
  const push = (kind: Token["kind"], text: string) => {
    const last = out[out.length - 1];
    if (last && last.kind === kind) last.text += text;
    else out.push({ kind, text });
  };
  for (let i = 0; i < section.length; i++) {
    const c = section[i]!;
    if (c === '"') {
      const end = section.indexOf('"', i + 1);
      const stop = end < 0 ? section.length : end;
      push("literal", section.slice(i + 1, stop));
      i = stop;
    } else if (c === "\\") {
      push("literal", section[i + 1] ?? "");
      i++;
    } else if (c === "_" || c === "*") {
      i++;
    } else if (c === "[") {
      const end = section.indexOf("]", i);
      const stop = end < 0 ? section.length : end;
      const inner = section.slice(i + 1, stop);
      // A currency tag `[$¥-804]` shows its symbol; elapsed-time brackets `[h]` are code.
      if (inner.startsWith("$")) push("literal", inner.slice(1).split("-")[0]!);
      else if (/^[hms]+$/i.test(inner)) push("code", `[${inner}]`);
      i = stop;
    } else push("code", c);
  }
  return out;
}

/** A date or time format: d, y, h or s outside quotes, or m with no digit placeholder. */
export function isDateFormat(code: string): boolean {
  const first = sections(code)[0] ?? "";
  const placeholders = tokens(first)
    .filter((t) => t.kind === "code")
    .map((t) => t.text)
    .join("");
  if (/^general$/i.test(placeholders.trim())) return false;
  const letters = placeholders.replace(/AM\/PM|A\/P/gi, "").replace(/E\+|E-/g, "");
  // `m` alone (no digit placeholder beside it) is a month.
  return /[dyhs]/i.test(letters) || (/m/i.test(letters) && !/[0#?]/.test(letters));
}

export interface DisplayOptions {
  /** The workbook counts days from 1904-01-01 (old Mac Excel) instead of 1900. */
  date1904?: boolean;
}

/** The text a cell with `value` and the format `code` shows. */
export function formatNumber(value: number, code: string | undefined, options: DisplayOptions = {}): string {
  if (!Number.isFinite(value)) return String(value);
  if (code === undefined || /^\s*(general|@)?\s*$/i.test(code)) return generalNumber(value);
  const parts = sections(code);
  // Sections: positive; negative; zero; text. A negative section shows the absolute value.
  let section = parts[0]!;
  let shown = value;
  if (value < 0 && parts.length > 1 && parts[1]!.trim() !== "") {
    section = parts[1]!;
    shown = -value;
  } else if (value === 0 && parts.length > 2 && parts[2]!.trim() !== "") section = parts[2]!;
  if (/^\s*(general)?\s*$/i.test(section.replace(/\[[^\]]*\]/g, ""))) return generalNumber(value);
  if (isDateFormat(section)) return formatDate(value, section, options);
  return formatDecimal(shown, tokens(section), value < 0 && section === parts[0]);
}

/** "General": integers as they are, other numbers to 15 significant digits without trailing zeros. */
export function generalNumber(value: number): string {
  if (Number.isInteger(value) && Math.abs(value) < 1e21) return String(value);
  const s = value.toPrecision(15);
  if (s.includes("e")) return String(Number(s));
  return s.includes(".") ? s.replace(/0+$/, "").replace(/\.$/, "") : s;
}

function formatDecimal(value: number, toks: Token[], negative: boolean): string {
  const code = toks
    .filter((t) => t.kind === "code")
    .map((t) => t.text)
    .join("");
  const percent = (code.match(/%/g) ?? []).length;
  let v = Math.abs(value) * 100 ** percent;
  const sci = /E[+-]/i.exec(code);
  const numberPart = sci ? code.slice(0, sci.index) : code;
  const digitsMatch = /[0#?,]*(\.[0#?]*)?/.exec(numberPart.slice(numberPart.search(/[0#?.]/)));
  const decimals = digitsMatch?.[1] ? digitsMatch[1].length - 1 : 0;
  const intPattern = digitsMatch?.[0].split(".")[0] ?? "";
  // A trailing comma scales by a thousand; one between digits groups by thousands.
  const trailingCommas = /,+$/.exec(intPattern)?.[0].length ?? 0;
  v /= 1000 ** trailingCommas;
  const grouping = /[0#?],[0#?]/.test(intPattern);
  let body: string;
  if (sci) {
    body = v.toExponential(decimals).replace(/e([+-])(\d)$/, "E$10$2").replace("e", "E");
  } else {
    body = roundHalfAway(v, decimals);
    if (grouping) {
      const [i, f] = body.split(".");
      body = i!.replace(/\B(?=(\d{3})+(?!\d))/g, ",") + (f !== undefined ? `.${f}` : "");
    }
    // `#` shows no leading zero: `#.00` shows 0.5 as `.50`.
    const minInt = (intPattern.match(/0/g) ?? []).length;
    if (minInt === 0 && body.startsWith("0") && body.length > 1) body = body.slice(1);
    else if (minInt > 1) body = body.padStart(minInt + (body.includes(".") ? body.length - body.indexOf(".") : 0), "0");
  }
  // Literal text and the % signs stay where the code puts them; the number replaces its placeholders.
  let out = "";
  let placed = false;
  for (const t of toks) {
    if (t.kind === "literal") out += t.text;
    else {
      for (const run of t.text.split(/([0#?.,]+(?:E[+-][0#?]+)?)/i)) {
        if (/^[0#?.,]+(E[+-][0#?]+)?$/i.test(run)) {
          if (!placed) out += body;
          placed = true;
        } else out += run;
      }
    }
  }
  // A section of literal text only (`"—"` for zero) shows no number.
  if (!placed && /[0#?]/.test(code)) out += body;
  return negative && v !== 0 ? `-${out}` : out;
}

/** Round like a spreadsheet (half away from zero), not like toFixed's binary artefacts. */
function roundHalfAway(v: number, decimals: number): string {
  const f = 10 ** decimals;
  const r = Math.round(Number((v * f).toPrecision(15))) / f;
  return r.toFixed(decimals);
}

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const MONTH_NAMES = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
const DAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const DAY_NAMES = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];

/** Calendar parts of a date serial (1900 system with its phantom 29 February, or 1904). */
export function serialToParts(serial: number, date1904 = false): { y: number; m: number; d: number; weekday: number; hh: number; mi: number; ss: number } {
  let days = Math.floor(serial);
  let seconds = Math.round((serial - days) * 86400);
  if (seconds >= 86400) {
    days += 1;
    seconds -= 86400;
  }
  let base: number;
  if (date1904) base = Date.UTC(1904, 0, 1);
  else if (days < 60) base = Date.UTC(1899, 11, 31);
  else base = Date.UTC(1899, 11, 30);
  const t = new Date(base + days * 86400000);
  // Serial 60 is 1900-02-29, a day that never was (kept from Lotus 1-2-3); show it as Excel does.
  if (!date1904 && days === 60) return { y: 1900, m: 2, d: 29, weekday: 3, hh: Math.floor(seconds / 3600), mi: Math.floor(seconds / 60) % 60, ss: seconds % 60 };
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate(), weekday: t.getUTCDay(), hh: Math.floor(seconds / 3600), mi: Math.floor(seconds / 60) % 60, ss: seconds % 60 };
}

const pad = (n: number, w = 2) => String(n).padStart(w, "0");

function formatDate(serial: number, section: string, options: DisplayOptions): string {
  if (serial < 0 || serial > 2958465) return generalNumber(serial); // outside 1900–9999: Excel shows ####
  const p = serialToParts(serial, options.date1904);
  const toks = tokens(section);
  const ampm = toks.some((t) => t.kind === "code" && /AM\/PM|A\/P/i.test(t.text));
  let out = "";
  // `m` means minutes right after an hour or right before seconds.
  let lastWasHour = false;
  for (const t of toks) {
    if (t.kind === "literal") {
      out += t.text;
      continue;
    }
    const s = t.text;
    for (let i = 0; i < s.length; ) {
      const rest = s.slice(i);
      const run = /^(\[h+\]|\[m+\]|\[s+\]|y+|m+|d+|h+|s+|AM\/PM|A\/P|\.0+)/i.exec(rest);
      if (!run) {
        out += s[i];
        i++;
        continue;
      }
      const tok = run[0];
      const lower = tok.toLowerCase();
      i += tok.length;
      if (lower[0] === "y") out += lower.length <= 2 ? pad(p.y % 100) : String(p.y);
      else if (lower[0] === "m") {
        const minutes = lastWasHour || /^[^a-z]*s/i.test(s.slice(i));
        if (minutes && lower.length <= 2) out += lower.length === 2 ? pad(p.mi) : String(p.mi);
        else if (lower.length === 1) out += String(p.m);
        else if (lower.length === 2) out += pad(p.m);
        else if (lower.length === 3) out += MONTHS[p.m - 1];
        else out += MONTH_NAMES[p.m - 1];
      } else if (lower[0] === "d") out += lower.length === 1 ? String(p.d) : lower.length === 2 ? pad(p.d) : lower.length === 3 ? DAYS[p.weekday] : DAY_NAMES[p.weekday];
      else if (lower[0] === "h") {
        const h = ampm ? p.hh % 12 || 12 : p.hh;
        out += lower.length === 1 ? String(h) : pad(h);
      } else if (lower[0] === "s") out += lower.length === 1 ? String(p.ss) : pad(p.ss);
      else if (lower.startsWith("[h")) out += String(Math.floor(serial * 24));
      else if (lower.startsWith("[m")) out += String(Math.floor(serial * 1440));
      else if (lower.startsWith("[s")) out += String(Math.floor(serial * 86400));
      else if (lower === "am/pm") out += p.hh < 12 ? "AM" : "PM";
      else if (lower === "a/p") out += p.hh < 12 ? "A" : "P";
      else if (lower.startsWith(".0")) out += "." + "0".repeat(lower.length - 1);
      lastWasHour = lower[0] === "h" || lower.startsWith("[h");
    }
  }
  return out;
}

/** `yyyy-mm-dd` of a date serial, for messages. */
export function isoDate(serial: number, date1904 = false): string {
  const p = serialToParts(serial, date1904);
  return `${p.y}-${pad(p.m)}-${pad(p.d)}`;
}
