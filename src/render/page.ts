import { FOOTER_REL_ID } from "./parts.js";


/** A4 in twips (1/20 pt). */
export const A4 = { width: 11906, height: 16838 } as const;

/**
 * Margins of an attached form, in millimetres: narrower than a document's body text (GB/T 9704's
 * 37/35/28/26), as the published templates set them, so the indicator table gets the width of
 * the page (the seed's original uses 20/20/18/18).
 */
export const MARGINS_MM = { top: 20, bottom: 20, left: 18, right: 18 } as const;

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

/** Portrait A4 (or landscape when asked) with the form's margins. */
export function pageGeometry(landscape = false): PageGeometry {
  const width = landscape ? A4.height : A4.width;
  const height = landscape ? A4.width : A4.height;
  const margins = {
    top: mmToTwips(MARGINS_MM.top),
    bottom: mmToTwips(MARGINS_MM.bottom),
    left: mmToTwips(MARGINS_MM.left),
    right: mmToTwips(MARGINS_MM.right),
    // The page number sits in the bottom margin, below the text block.
    header: mmToTwips(10),
    footer: mmToTwips(8),
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

/** A4 with the form's margins; the page-number footer on every page. */
export function sectionProperties(page: PageGeometry): string {
  const m = page.margins;
  return (
    `<w:sectPr><w:footerReference w:type="default" r:id="${FOOTER_REL_ID}"/>` +
    `<w:pgSz w:w="${page.width}" w:h="${page.height}" w:orient="${page.landscape ? "landscape" : "portrait"}"/>` +
    `<w:pgMar w:top="${m.top}" w:right="${m.right}" w:bottom="${m.bottom}" w:left="${m.left}" w:header="${m.header}" w:footer="${m.footer}" w:gutter="0"/>` +
    `<w:docGrid w:linePitch="360"/></w:sectPr>`
  );
}
