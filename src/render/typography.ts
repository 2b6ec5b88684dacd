import { remembering } from "../util/remember.js";

/**
 * Fonts of Chinese official forms. Each font names its fallback in the font table
 * (`w:altName`), so Word and WPS substitute the right face when the first is missing.
 */
export const FONT = {
  /** Body text: 仿宋_GB2312, else 仿宋. */
  body: "仿宋_GB2312",
  /** Labels, column headers and the 附件 mark. */
  heading: "黑体",
  /** The title: 方正小标宋简体, else 华文中宋, else 宋体 (in bold). */
  title: "方正小标宋简体",
  /** Latin letters and digits. */
  latin: "Times New Roman",
} as const;

/** Each East Asian font and the face Word should substitute when it is not installed. */
export const FONT_FALLBACKS: readonly { name: string; altName: string; family: "roman" | "modern" | "script" }[] = [
  { name: FONT.body, altName: "仿宋", family: "modern" },
  { name: "仿宋", altName: "FangSong", family: "modern" },
  // 华文中宋 is the heavy serif most Office machines have; 宋体 is everywhere.
  { name: FONT.title, altName: "华文中宋", family: "script" },
  { name: "华文中宋", altName: "宋体", family: "roman" },
  { name: "宋体", altName: "SimSun", family: "roman" },
  { name: FONT.heading, altName: "SimHei", family: "modern" },
];

/** Font sizes in half-points (`w:sz`), named by the Chinese size scale. */
export const SIZE = {
  /** 小二 18 pt: the title. */
  title: 36,
  /** 三号 16 pt: the 附件 mark. */
  attachment: 32,
  /** 小四 12 pt: the 填报单位 line and the signature line. */
  line: 24,
  /** 五号 10.5 pt: table text. */
  table: 21,
  /** 小五 9 pt: the page number. */
  footer: 18,
} as const;

/** The attributes of `w:rFonts`. */
export interface FontAttributes {
  ascii: string;
  hAnsi: string;
  eastAsia: string;
  cs: string;
  hint: "eastAsia";
}

/** `rFonts` for an East Asian face with Latin text in Times New Roman; `hint` makes ambiguous punctuation East Asian. */
export function fontFor(eastAsia: string): FontAttributes {
  return { ascii: FONT.latin, hAnsi: FONT.latin, eastAsia, cs: FONT.latin, hint: "eastAsia" };
}

/** Display width of text in ems: CJK and full-width forms count 1, everything else ½. */
export function emWidth(text: string): number {
  return text.length >= 1024 ? longEmWidth(text) : measureEm(text);
}

function measureEm(text: string): number {
  let w = 0;
  for (const ch of text) w += isWide(ch) ? 1 : 0.5;
  return w;
}

/** Widths of long texts already measured: a merged cell's text is measured for every row it spans. */
const longEmWidth = remembering(measureEm, { max: 4 });

function isWide(ch: string): boolean {
  const c = ch.codePointAt(0)!;
  return (
    (c >= 0x1100 && c <= 0x115f) ||
    (c >= 0x2e80 && c <= 0xa4cf) ||
    (c >= 0xac00 && c <= 0xd7a3) ||
    (c >= 0xf900 && c <= 0xfaff) ||
    (c >= 0xfe30 && c <= 0xfe4f) ||
    (c >= 0xff00 && c <= 0xff60) ||
    (c >= 0xffe0 && c <= 0xffe6) ||
    c >= 0x20000 ||
    c === 0x2014 ||
    c === 0x2026 ||
    (c >= 0x2018 && c <= 0x201d) ||
    (c >= 0x2264 && c <= 0x2267)
  );
}

/** Labels are printed with full-width brackets and colons, as on the official forms. */
export function officialPunctuation(label: string): string {
  return label.replace(/\(/g, "（").replace(/\)/g, "）").replace(/:/g, "：");
}
