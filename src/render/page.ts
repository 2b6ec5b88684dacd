import { convertMillimetersToTwip } from "docx";

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

/** Portrait A4 (or landscape when asked) with the government margins. */
export function pageGeometry(landscape = false): PageGeometry {
  const width = landscape ? A4.height : A4.width;
  const height = landscape ? A4.width : A4.height;
  const margins = {
    top: convertMillimetersToTwip(MARGINS_MM.top),
    bottom: convertMillimetersToTwip(MARGINS_MM.bottom),
    left: convertMillimetersToTwip(MARGINS_MM.left),
    right: convertMillimetersToTwip(MARGINS_MM.right),
    // Page number sits in the bottom margin, about 7 mm below the text block (GB/T 9704 §7.5).
    header: convertMillimetersToTwip(15),
    footer: convertMillimetersToTwip(20),
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
