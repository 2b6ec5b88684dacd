
/** A4 in twips (1/20 pt). */
export const A4 = { width: 11906, height: 16838 } as const;

/** Government document margins (GB/T 9704-2012 §5.2.1), in millimetres. */
export const MARGINS_MM = { top: 37, bottom: 35, left: 28, right: 26 } as const;

export interface PageGeometry {
  width: number;
  height: number;
  margins: { top: number; bottom: number; left: number; right: number; header: number; footer: number };
  /** Width between the margins: what a table may take. */
  contentWidth: number;
  /** Height between the margins. */
  contentHeight: number;
  landscape: boolean;
}

/** Millimetres → twips, rounded to the nearest twip. */
export function mmToTwips(mm: number): number {
  return Math.round((mm * 1440) / 25.4);
}

/** Portrait A4 (or landscape when asked) with the government margins. */
export function pageGeometry(landscape = false): PageGeometry {
  const width = landscape ? A4.height : A4.width;
  const height = landscape ? A4.width : A4.height;
  const margins = {
    top: mmToTwips(MARGINS_MM.top),
    bottom: mmToTwips(MARGINS_MM.bottom),
    left: mmToTwips(MARGINS_MM.left),
    right: mmToTwips(MARGINS_MM.right),
    // Page number sits in the bottom margin, about 7 mm below the text block (GB/T 9704 §7.5).
    header: mmToTwips(15),
    footer: mmToTwips(20),
  };
  return {
    width,
    height,
    margins,
    contentWidth: width - margins.left - margins.right,
    contentHeight: height - margins.top - margins.bottom,
    landscape,
  };
}
