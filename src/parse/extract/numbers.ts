/**
 * Amounts as printed in header cells: `361`, `3,309,840.00`, `１２０．５`, `120万元`, `0`.
 */

const FULL_WIDTH_DIGITS = /[０-９．，－]/g;

function halfWidthDigits(text: string): string {
  return text.replace(FULL_WIDTH_DIGITS, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0));
}

/** The number an amount cell holds, or undefined when it holds none (blank, `—`, prose). */
export function parseAmount(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const t = halfWidthDigits(text).replace(/[\s\u3000,，]/g, "").replace(/（/g, "(").replace(/）/g, ")");
  // The amount may be followed by its breakdown in brackets (`854万(建设400万元,…)`), and some
  // system exports print it twice (`854万854万(…)`).
  const m = /^(-?\d+(?:\.\d+)?)(万元|万|元)?(?:\1\2)?(?:\([^()]*\))?$/.exec(t);
  if (!m) return undefined;
  const n = Number(m[1]);
  return Number.isFinite(n) ? n : undefined;
}

/** A weight or score cell: `10`, `10分`, `10%`. */
export function parseWeight(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const t = halfWidthDigits(text).replace(/[\s\u3000]/g, "");
  const m = /^(\d+(?:\.\d+)?)(?:分|%)?$/.exec(t);
  return m ? Number(m[1]) : undefined;
}
