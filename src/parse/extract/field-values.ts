/**
 * Header values that need more than trimming: department codes, name-and-phone cells,
 * check boxes, stamp marks and amount units.
 */
import { AMOUNT_UNITS, LAYOUT_WORDS, type AmountUnit } from "../../model/terms.js";
import { cleanText, toHalfWidth } from "./text.js";

/** `[077]淮北市文化旅游体育局`, `【015001】…`, `820001-井研县…` → code and name. */
export function parseDepartment(text: string): { name: string; code?: string } {
  const t = cleanText(text);
  const half = toHalfWidth(t);
  const bracketed = /^\[\s*([0-9A-Za-z]+)\s*\]\s*(.+)$/s.exec(half);
  if (bracketed) return { code: bracketed[1]!, name: t.slice(t.length - bracketed[2]!.length).trim() };
  const dashed = /^(\d{3,})\s*[-－—]\s*(.+)$/s.exec(half);
  if (dashed) return { code: dashed[1]!, name: t.slice(t.length - dashed[2]!.length).trim() };
  return { name: t };
}

/** A telephone number: mobile, or area code and number, possibly with an extension. */
const PHONE = /(?<!\d)(?:1[3-9]\d{9}|(?:\(?0\d{2,3}\)?[-－ ]?)?\d{7,8}(?:[-－]\d{1,4})?)(?!\d)/;

/** `张三 13800000000`, `张三/0734-5221234` → name and phone. */
export function splitNamePhone(text: string): { name?: string; phone?: string } {
  const t = cleanText(text);
  const m = PHONE.exec(t);
  if (!m) return t === "" ? {} : { name: t };
  const name = (t.slice(0, m.index) + " " + t.slice(m.index + m[0].length)).replace(/^[\s,，、;；:：/()（）]+|[\s,，、;；:：/()（）]+$/g, "").trim();
  return { ...(name ? { name } : {}), phone: m[0] };
}

const BOX = "□☐";
const TICK = "☑√✓✔■▇☒";

/**
 * `新增项目□ 延续项目√` → `延续项目`. A tick survives as √ or ☑, or as `R` where the Wingdings
 * glyph was lost (`延续项目R`); with no tick at all nothing is chosen. Text without boxes is kept.
 */
export function parseCheckboxChoice(text: string): string | undefined {
  const t = cleanText(text);
  if (t === "") return undefined;
  const tokens = tokeniseChoices(t);
  if (!tokens.some((tok) => tok.mark)) return t;
  // Marks after their words (`新增□ 延续√`) or before them (`□新增 √延续`): decided by the first token.
  const markAfter = tokens[0]?.word !== undefined;
  const chosen: string[] = [];
  tokens.forEach((tok, i) => {
    if (tok.word === undefined) return;
    const mark = markAfter ? tokens[i + 1]?.mark : tokens[i - 1]?.mark;
    if (mark === "tick") chosen.push(tok.word);
  });
  return chosen.length > 0 ? chosen.join("、") : undefined;
}

const CJK = /[\u4e00-\u9fff]/;

function tokeniseChoices(text: string): { word?: string; mark?: "box" | "tick" }[] {
  const tokens: { word?: string; mark?: "box" | "tick" }[] = [];
  let word = "";
  const flush = () => {
    if (word !== "") tokens.push({ word });
    word = "";
  };
  const chars = [...text];
  chars.forEach((ch, i) => {
    const next = chars[i + 1];
    const endsHere = next === undefined || /\s/.test(next) || BOX.includes(next) || TICK.includes(next);
    if (BOX.includes(ch)) {
      flush();
      tokens.push({ mark: "box" });
    } else if (TICK.includes(ch) || (ch === "R" && endsHere && CJK.test(word.slice(-1)))) {
      flush();
      tokens.push({ mark: "tick" });
    } else if (/\s/.test(ch)) flush();
    else word += ch;
  });
  flush();
  return tokens;
}

/** Drop a `（盖章）` mark: `（盖章）衡东县政府办` → `衡东县政府办`. */
export function withoutStamp(text: string): string {
  let t = cleanText(text);
  for (const stamp of LAYOUT_WORDS.stampWords) {
    const word = stamp.replace(/[()]/g, "");
    t = t.replace(new RegExp(`[（(]\\s*${word}\\s*[)）]|${word}`, "g"), "");
  }
  return cleanText(t);
}

/** `万元` / `元` (also inside `（单位：万元）`), or undefined. */
export function parseAmountUnit(text: string): AmountUnit | undefined {
  const t = toHalfWidth(text).replace(/[\s\u3000()]/g, "");
  return (AMOUNT_UNITS as readonly string[]).includes(t) ? (t as AmountUnit) : undefined;
}

/** `资金情况(万元)` → 万元: a unit given in a label's brackets. */
export function unitInLabel(text: string): AmountUnit | undefined {
  const m = /\((万元|元)\)/.exec(toHalfWidth(text).replace(/[\s\u3000]/g, ""));
  return m ? (m[1] as AmountUnit) : undefined;
}
