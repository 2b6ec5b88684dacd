/** Ruling lines → grid with merges: any layout of merged cells drawn as borders is read back as drawn. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Rule, TextRun } from "../../../src/parse/pdf/page-content.js";
import { ruledTables } from "../../../src/parse/pdf/ruled-table.js";

interface Box {
  x0: number;
  x1: number;
  y0: number;
  y1: number;
}

/** A random layout: column widths, row heights, and merged cells placed greedily (row-major). */
const layout = fc
  .record({
    widths: fc.array(fc.integer({ min: 20, max: 120 }), { minLength: 1, maxLength: 6 }),
    heights: fc.array(fc.integer({ min: 12, max: 40 }), { minLength: 1, maxLength: 8 }),
    spans: fc.array(fc.tuple(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 4 })), { minLength: 48, maxLength: 48 }),
  })
  .map(({ widths, heights, spans }) => {
    const xs = widths.reduce((acc, w) => [...acc, acc[acc.length - 1]! + w], [50]);
    const ys = heights.reduce((acc, h) => [...acc, acc[acc.length - 1]! - h], [780]);
    const taken = heights.map(() => widths.map(() => false));
    const boxes: Box[] = [];
    let k = 0;
    for (let r = 0; r < heights.length; r++) {
      for (let c = 0; c < widths.length; c++) {
        if (taken[r]![c]) continue;
        let [cs, rs] = spans[k++ % spans.length]!;
        cs = Math.min(cs, widths.length - c);
        while (cs > 1 && taken[r]!.slice(c, c + cs).some(Boolean)) cs--;
        rs = Math.min(rs, heights.length - r);
        for (let rr = r; rr < r + rs; rr++) for (let cc = c; cc < c + cs; cc++) taken[rr]![cc] = true;
        boxes.push({ x0: xs[c]!, x1: xs[c + cs]!, y0: ys[r]!, y1: ys[r + rs]! });
      }
    }
    return boxes;
  });

/** Each cell's four borders, as a word processor strokes them (shared borders drawn twice). */
function bordersOf(boxes: readonly Box[]): Rule[] {
  return boxes.flatMap((b) => [
    { dir: "h" as const, at: b.y0, from: b.x0, to: b.x1 },
    { dir: "h" as const, at: b.y1, from: b.x0, to: b.x1 },
    { dir: "v" as const, at: b.x0, from: b.y1, to: b.y0 },
    { dir: "v" as const, at: b.x1, from: b.y1, to: b.y0 },
  ]);
}

const run = (text: string, b: Box): TextRun => ({ text, x: b.x0 + 2, y: b.y1 + 3, width: 8, size: 9 });

describe("ruled tables", () => {
  it("read back every merged cell as drawn, with its text in it", () => {
    fc.assert(
      fc.property(layout, (boxes) => {
        const runs = boxes.map((b, i) => run(`c${i}`, b));
        const { tables, outside } = ruledTables(bordersOf(boxes), runs);
        expect(outside).toEqual([]);
        expect(tables).toHaveLength(1);
        const t = tables[0]!;
        const got = t.regions.map((g) => ({ box: { x0: t.xs[g.c0]!, x1: t.xs[g.c1]!, y0: t.ys[g.r0]!, y1: t.ys[g.r1]! }, text: g.runs.map((r) => r.text).join("") }));
        expect(got).toEqual(boxes.map((box, i) => ({ box, text: `c${i}` })));
      }),
      { numRuns: 150 },
    );
  });

  it("two tables apart on a page are two tables, top first; text between them is outside both", () => {
    const top: Box = { x0: 50, x1: 300, y0: 700, y1: 650 };
    const bottom: Box = { x0: 50, x1: 300, y0: 500, y1: 450 };
    const between: TextRun = { text: "说明", x: 60, y: 580, width: 18, size: 9 };
    const { tables, outside } = ruledTables(bordersOf([bottom, top]), [between, run("上", top), run("下", bottom)]);
    expect(tables.map((t) => t.ys[0])).toEqual([700, 500]);
    expect(outside).toEqual([between]);
  });

  it("a border drawn in pieces (one segment per cell edge) is one line", () => {
    const a: Box = { x0: 50, x1: 100, y0: 700, y1: 680 };
    const b: Box = { x0: 100, x1: 150, y0: 700, y1: 680 };
    const pieces = bordersOf([a, b]).map((r) => ({ ...r, at: r.at + (r.dir === "h" ? 0.4 : -0.4) }));
    const { tables } = ruledTables(pieces, []);
    expect(tables[0]!.regions).toHaveLength(2);
  });
});
