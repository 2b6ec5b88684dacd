/**
 * Word lists the heuristics compare against. They are review vocabulary, not model terms:
 * graded wordings, approximation markers, template placeholders.
 */

/** Graded / banded qualitative wordings (定性的分级分档表述) a reviewer accepts as a target. */
export const GRADED_WORDINGS: readonly string[] = [
  "好", "较好", "良好", "优良", "优秀", "一般", "较差", "差",
  "明显提升", "有所提升", "显著提升", "稳步提升", "不断提升", "持续提升", "提升", "提高", "明显提高", "有所提高", "稳步提高", "巩固提高",
  "明显改善", "有所改善", "持续改善", "改善", "有所减轻", "有效减少", "明显减少", "减少", "降低",
  "达到", "基本达到", "未达到", "达标", "合格", "是", "否", "零发生", "长期", "长远", "持续", "有效",
  "及时完成", "按时完成", "按期完成", "完成", "及时", "按时", "到位",
];

/** Single-character grades must be the whole value; longer ones may sit inside a phrase. */
export function isGradedWording(text: string): boolean {
  const t = text.normalize("NFKC").replace(/[\s。.，,；;]+/g, "");
  return GRADED_WORDINGS.some((w) => (w.length === 1 ? t === w : t.includes(w)));
}

/** Markers of an approximate or open target: 约, 余, 左右, 按实际, 以实际…为准. */
export const APPROXIMATE_PATTERN = /(约\s*[0-9０-９]|[0-9０-９]\s*余|左右|按实际|以实际.*为准|按当年度实际)/;

/**
 * A template placeholder: `**`, `××`, `……`, `......`, or a run of X standing alone (`XX公里`, `≥XX%`).
 * X next to other Latin letters or digits is a word or an address (`/xxgkml/`, `Xbox`), not a blank.
 */
const PLACEHOLDER = /\*\*|××|…{2,}|\.{6,}|(?<![A-Za-z0-9])[Xx]{2,}(?![A-Za-z0-9])/;

/** Web addresses are taken out first: their dots and x's are never placeholders. */
const WEB_ADDRESS = /(?:https?:\/\/|www\.)[\x21-\x7e]+/gi;

/** Whether a cell still holds a template placeholder. */
export function holdsPlaceholder(text: string): boolean {
  return PLACEHOLDER.test(text.replace(WEB_ADDRESS, " "));
}

/** A header value that is only a placeholder: `……`, `...`, `XX`, `***`, `无`, `/`. */
export const HEADER_PLACEHOLDER = /^(…+|\.{3,}|XX|xx|××|\*+|无|\/|-+)$/;

/** Separators between several targets written in one cell. */
export const TARGET_SEPARATOR = /[，；;、。]|,(?![0-9]{3})/;
