import { FONT, FONT_FALLBACKS } from "./typography.js";
import { W_NS as W } from "./wml.js";
import { escapeXml, XML_DECLARATION } from "./xml.js";

/**
 * `word/fontTable.xml` naming each government font with its fallback (`w:altName`) and the GB2312
 * character set (`w:charset` 86): Word and WPS then substitute 仿宋 for a missing 仿宋_GB2312 and
 * 宋体 for a missing 方正小标宋简体, instead of a Latin default.
 */
export function fontTableXml(): string {
  const fonts = FONT_FALLBACKS.map(
    (f) =>
      `<w:font w:name="${escapeXml(f.name)}"><w:altName w:val="${escapeXml(f.altName)}"/><w:charset w:val="86"/>` +
      `<w:family w:val="${f.family}"/><w:pitch w:val="variable"/></w:font>`,
  ).join("");
  const latin = `<w:font w:name="${FONT.latin}"><w:charset w:val="00"/><w:family w:val="roman"/><w:pitch w:val="variable"/></w:font>`;
  return `${XML_DECLARATION}<w:fonts xmlns:w="${W}">${fonts}${latin}</w:fonts>`;
}
