import type { PDFPageProxy } from "pdfjs-dist/legacy/build/pdf.mjs";
import { PerfgoalError } from "../../model/errors.js";

type PdfJs = typeof import("pdfjs-dist/legacy/build/pdf.mjs");

/** One run of text as the page draws it, in page space (points, y up). */
export interface TextRun {
  text: string;
  /** Start of the baseline. */
  x: number;
  y: number;
  width: number;
  /** Height of the font's em square: the tolerance for lines and gaps scales with it. */
  size: number;
  /** A space pdf.js put for a gap between glyphs, not a space character of the file. */
  gap?: true;
}

/** An axis-aligned ruling line: a table border. */
export interface Rule {
  /** "h": from x1 to x2 at y1 (= y2); "v": from y1 to y2 at x1 (= x2). */
  dir: "h" | "v";
  /** Position across the rule (y of a horizontal one, x of a vertical one). */
  at: number;
  from: number;
  to: number;
}

export interface PageContent {
  page: number;
  runs: TextRun[];
  rules: Rule[];
}

/** Above this many drawing operations a page is not a form (a form page has a few thousand). */
export const MAX_PAGE_OPERATIONS = 200_000;
/** Thinner than this (points) a filled rectangle is a line. */
const HAIRLINE = 2.5;

/** Text runs and ruling lines of one page. */
export async function pageContent(lib: PdfJs, page: PDFPageProxy, n: number): Promise<PageContent> {
  const text = await page.getTextContent();
  const runs: TextRun[] = [];
  for (const item of text.items) {
    if (!("str" in item) || item.str === "") continue;
    const [a, b, c, d, e, f] = item.transform as number[];
    // Rotated or vertical text is no table cell perfgoal reads; it is left out rather than misplaced.
    if (Math.abs(b!) > 1e-3 || Math.abs(c!) > 1e-3 || a! <= 0 || d! <= 0) continue;
    // pdf.js marks the spaces it adds for a gap (no glyph drawn) with a height of 0.
    const gap = item.height === 0 && item.str.trim() === "";
    runs.push({ text: item.str, x: e!, y: f!, width: item.width, size: Math.hypot(c!, d!), ...(gap ? { gap: true as const } : {}) });
  }
  const ops = await page.getOperatorList();
  if (ops.fnArray.length > MAX_PAGE_OPERATIONS) {
    throw new PerfgoalError("PG-E-TOO-LARGE", { zh: `PDF 第 ${n} 页的绘制指令过多（${ops.fnArray.length} 条）`, en: `page ${n} of the PDF has too many drawing operations (${ops.fnArray.length})` });
  }
  const rules = rulesOf(lib.OPS, ops.fnArray, ops.argsArray);
  page.cleanup();
  return { page: n, runs, rules };
}

type Matrix = [number, number, number, number, number, number];
const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];

function multiply(m: Matrix, n: Matrix): Matrix {
  return [m[0] * n[0] + m[2] * n[1], m[1] * n[0] + m[3] * n[1], m[0] * n[2] + m[2] * n[3], m[1] * n[2] + m[3] * n[3], m[0] * n[4] + m[2] * n[5] + m[4], m[1] * n[4] + m[3] * n[5] + m[5]];
}

function apply(m: Matrix, x: number, y: number): [number, number] {
  return [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];
}

/** Path codes of pdf.js's constructPath data. */
const MOVE = 0;
const LINE = 1;
const CURVE = 2;
const QUAD = 3;
const CLOSE = 4;

/**
 * Walk the operator list keeping the transformation matrix, and keep the painted straight
 * axis-aligned segments: stroked lines and the edges of stroked rectangles, and filled
 * rectangles thin enough to be lines (how LibreOffice and Word draw cell borders).
 */
function rulesOf(OPS: PdfJs["OPS"], fnArray: number[], argsArray: unknown[]): Rule[] {
  const rules: Rule[] = [];
  let ctm: Matrix = IDENTITY;
  const stack: Matrix[] = [];
  const strokeOps = new Set<number>([OPS.stroke, OPS.closeStroke, OPS.fillStroke, OPS.eoFillStroke, OPS.closeFillStroke, OPS.closeEOFillStroke]);
  const fillOps = new Set<number>([OPS.fill, OPS.eoFill]);
  for (let i = 0; i < fnArray.length; i++) {
    const fn = fnArray[i]!;
    const args = argsArray[i] as unknown[] | null;
    if (fn === OPS.save) stack.push(ctm);
    else if (fn === OPS.restore) ctm = stack.pop() ?? IDENTITY;
    else if (fn === OPS.transform) ctm = multiply(ctm, args as Matrix);
    else if (fn === OPS.paintFormXObjectBegin) {
      stack.push(ctm);
      const m = (args?.[0] ?? null) as Matrix | null;
      if (m) ctm = multiply(ctm, Array.from(m) as Matrix);
    } else if (fn === OPS.paintFormXObjectEnd) ctm = stack.pop() ?? IDENTITY;
    else if (fn === OPS.constructPath && args) {
      const paint = args[0] as number;
      const data = (args[1] as ArrayLike<number>[] | undefined)?.[0];
      if (!data) continue;
      if (strokeOps.has(paint)) strokedSegments(data, ctm, rules);
      else if (fillOps.has(paint)) filledHairlines(data, ctm, rules);
    }
  }
  return rules;
}

function pushSegment(rules: Rule[], [x1, y1]: [number, number], [x2, y2]: [number, number]): void {
  const tol = 0.5;
  if (Math.abs(y1 - y2) <= tol && Math.abs(x1 - x2) > tol) rules.push({ dir: "h", at: (y1 + y2) / 2, from: Math.min(x1, x2), to: Math.max(x1, x2) });
  else if (Math.abs(x1 - x2) <= tol && Math.abs(y1 - y2) > tol) rules.push({ dir: "v", at: (x1 + x2) / 2, from: Math.min(y1, y2), to: Math.max(y1, y2) });
}

function strokedSegments(data: ArrayLike<number>, ctm: Matrix, rules: Rule[]): void {
  let start: [number, number] | undefined;
  let last: [number, number] | undefined;
  for (let i = 0; i < data.length; ) {
    const code = data[i++];
    if (code === MOVE) {
      start = last = apply(ctm, data[i]!, data[i + 1]!);
      i += 2;
    } else if (code === LINE) {
      const p = apply(ctm, data[i]!, data[i + 1]!);
      if (last) pushSegment(rules, last, p);
      last = p;
      i += 2;
    } else if (code === CURVE) {
      last = apply(ctm, data[i + 4]!, data[i + 5]!);
      i += 6;
    } else if (code === QUAD) {
      last = apply(ctm, data[i + 2]!, data[i + 3]!);
      i += 4;
    } else if (code === CLOSE) {
      if (start && last) pushSegment(rules, last, start);
      last = start;
    } else return;
  }
}

function filledHairlines(data: ArrayLike<number>, ctm: Matrix, rules: Rule[]): void {
  // Each sub-path's bounding box; a thin one is a line along its long side.
  let xs: number[] = [];
  let ys: number[] = [];
  let straight = true;
  const flush = () => {
    if (xs.length >= 2 && straight) {
      const w = Math.max(...xs) - Math.min(...xs);
      const h = Math.max(...ys) - Math.min(...ys);
      if (h <= HAIRLINE && w > h) rules.push({ dir: "h", at: (Math.max(...ys) + Math.min(...ys)) / 2, from: Math.min(...xs), to: Math.max(...xs) });
      else if (w <= HAIRLINE && h > w) rules.push({ dir: "v", at: (Math.max(...xs) + Math.min(...xs)) / 2, from: Math.min(...ys), to: Math.max(...ys) });
    }
    xs = [];
    ys = [];
    straight = true;
  };
  for (let i = 0; i < data.length; ) {
    const code = data[i++];
    if (code === MOVE) {
      flush();
      const [x, y] = apply(ctm, data[i]!, data[i + 1]!);
      xs.push(x);
      ys.push(y);
      i += 2;
    } else if (code === LINE) {
      const [x, y] = apply(ctm, data[i]!, data[i + 1]!);
      xs.push(x);
      ys.push(y);
      i += 2;
    } else if (code === CURVE) {
      straight = false;
      i += 6;
    } else if (code === QUAD) {
      straight = false;
      i += 4;
    } else if (code === CLOSE) continue;
    else break;
  }
  flush();
}
