import { strFromU8 } from "fflate";
import { describe, expect, it } from "vitest";
import { Form, type IndicatorRow } from "../../src/model/form.js";
import { parseValue } from "../../src/model/value-parse.js";
import { renderForm } from "../../src/render/index.js";
import { tableXml, type TableCell } from "../../src/render/table.js";
import { tableGridProblems, unzipDocx, walkXml } from "./helpers/package-check.js";

/** One cell as the grid sees it: first grid column, columns covered, tcW, vMerge mark. */
interface GridCell {
  col: number;
  span: number;
  width: number;
  vMerge?: string;
}

/** Each table's rows, as the grid cells they hold. */
function gridOf(documentXml: string): GridCell[][][] {
  const tables: GridCell[][][] = [];
  let rows: GridCell[][] = [];
  let cells: GridCell[] = [];
  let cell: GridCell | undefined;
  let col = 0;
  walkXml(
    documentXml,
    (tag) => {
      const val = tag.attributes["w:val"];
      if (tag.name === "w:tbl") rows = [];
      else if (tag.name === "w:tr") (cells = []), (col = 0);
      else if (tag.name === "w:tc") cell = { col, span: 1, width: 0 };
      else if (tag.name === "w:gridSpan" && cell) cell.span = Number(val);
      else if (tag.name === "w:tcW" && cell) cell.width = Number(tag.attributes["w:w"]);
      else if (tag.name === "w:vMerge" && cell) cell.vMerge = val ?? "continue";
    },
    (tag) => {
      if (tag.name === "w:tc" && cell) {
        cells.push(cell);
        col += cell.span;
        cell = undefined;
      } else if (tag.name === "w:tr") rows.push(cells);
      else if (tag.name === "w:tbl") tables.push(rows);
    },
  );
  return tables;
}

/** Every continuation sits under a restart of the same columns and has its width. */
function continuationProblems(table: GridCell[][]): string[] {
  const problems: string[] = [];
  const above = new Map<number, GridCell>();
  table.forEach((row, r) => {
    for (const c of row) {
      if (c.vMerge === "continue") {
        const open = above.get(c.col);
        if (!open || open.span !== c.span || open.width !== c.width) problems.push(`row ${r + 1}, column ${c.col + 1}: continuation does not match the cell above`);
      }
      if (c.vMerge) above.set(c.col, c);
      else above.delete(c.col);
    }
  });
  return problems;
}

const row = (tier1: string, tier2: string, tier3: string, raw = "1"): IndicatorRow => ({ tier1, tier2, tier3, value: parseValue(raw) });

/**
 * 一级 and 二级 runs that end on different rows: 二级 restarts inside a 一级 run, a one-row 二级
 * between merged ones, a one-row 一级, and a bare placeholder row that keeps its own 二级 cell.
 */
const ROWS: IndicatorRow[] = [
  row("产出指标", "数量指标", "甲"),
  row("产出指标", "数量指标", "乙"),
  row("产出指标", "质量指标", "丙"),
  row("产出指标", "时效指标", "丁"),
  row("产出指标", "时效指标", "戊"),
  row("产出指标", "时效指标", "", ""),
  row("效益指标", "社会效益指标", "己"),
  row("满意度指标", "服务对象满意度指标", "庚"),
  row("满意度指标", "服务对象满意度指标", "辛"),
];

/** Where each body row's 一级 (column 1) and 二级 (column 2) runs start, by hand. */
const TIER1_STARTS = new Map([[0, 6], [6, 1], [7, 2]]);
const TIER2_STARTS = new Map([[0, 2], [2, 1], [3, 2], [5, 1], [6, 1], [7, 2]]);

const form = Form.parse({ amountUnit: "万元", project: {}, funding: {}, goals: {}, indicators: { annual: ROWS } });

describe("vertical merges: a continuation cell in every covered row, at the merge's grid column", () => {
  for (const landscape of [false, true]) {
    it(`一级 and 二级 runs of different lengths${landscape ? " (landscape)" : ""}`, async () => {
      const xml = strFromU8(unzipDocx(await renderForm(form, { layout: "L1", landscape }))["word/document.xml"]!);
      expect(tableGridProblems(xml)).toEqual([]);
      const [table, ...others] = gridOf(xml);
      expect(others).toHaveLength(0);
      expect(continuationProblems(table!)).toEqual([]);
      // The block label opens its merge on the column-header row that starts the indicators.
      const columnHeader = table!.findIndex((cells) => cells[0]?.vMerge === "restart");
      const body = table!.slice(columnHeader + 1);
      expect(body).toHaveLength(ROWS.length);
      const mark = (starts: Map<number, number>, r: number): string | undefined => {
        const started = [...starts].find(([s, n]) => r >= s && r < s + n)!;
        if (started[1] === 1) return undefined;
        return started[0] === r ? "restart" : "continue";
      };
      body.forEach((cells, r) => {
        // Block label, 一级, 二级, 三级, 指标值及单位, 绩效标准: one cell per grid column.
        expect(cells.map((c) => c.col)).toEqual([0, 1, 2, 3, 4, 5]);
        expect(cells[0]!.vMerge).toBe("continue");
        expect(cells[1]!.vMerge, `row ${r + 1}, 一级`).toBe(mark(TIER1_STARTS, r));
        expect(cells[2]!.vMerge, `row ${r + 1}, 二级`).toBe(mark(TIER2_STARTS, r));
        expect(cells.slice(3).every((c) => c.vMerge === undefined)).toBe(true);
      });
    });
  }

  it("tableXml places continuations by grid column: spanning merges, a merge in the last column, back-to-back runs", () => {
    const c = (width: number, rowSpan = 1, columnSpan = 1): TableCell => ({ width, rowSpan, columnSpan, paragraphs: "" });
    const xml = tableXml({
      width: 600,
      columnWidths: [100, 100, 100, 100, 100, 100],
      rows: [
        { cantSplit: true, minHeight: 1, cells: [c(200, 3, 2), c(100), c(100, 2), c(100), c(100, 4)] },
        { cantSplit: true, minHeight: 1, cells: [c(100), c(100)] },
        { cantSplit: true, minHeight: 1, cells: [c(100), c(100, 2), c(100)] },
        { cantSplit: true, minHeight: 1, cells: [c(100), c(100), c(100), c(100)] },
      ],
    });
    expect(tableGridProblems(xml)).toEqual([]);
    const [table] = gridOf(xml);
    expect(continuationProblems(table!)).toEqual([]);
    const marks = table!.map((r) => r.map((x) => `${x.col}:${x.vMerge ?? "-"}`));
    expect(marks).toEqual([
      ["0:restart", "2:-", "3:restart", "4:-", "5:restart"],
      ["0:continue", "2:-", "3:continue", "4:-", "5:continue"],
      ["0:continue", "2:-", "3:restart", "4:-", "5:continue"],
      ["0:-", "1:-", "2:-", "3:continue", "4:-", "5:continue"],
    ]);
    expect(table![1]![0]).toMatchObject({ span: 2, width: 200 });
  });

  it("the checks fail on a misplaced or narrowed continuation", () => {
    const good = [
      [{ col: 0, span: 1, width: 100, vMerge: "restart" }, { col: 1, span: 1, width: 200, vMerge: "restart" }],
      [{ col: 0, span: 1, width: 100, vMerge: "continue" }, { col: 1, span: 1, width: 200, vMerge: "continue" }],
    ];
    expect(continuationProblems(good)).toEqual([]);
    const swapped = [good[0]!, [{ ...good[1]![0]!, width: 200 }, { ...good[1]![1]!, width: 100 }]];
    expect(continuationProblems(swapped)).toHaveLength(2);
    const grid = (rows: string) => `<w:tbl><w:tblGrid><w:gridCol/><w:gridCol/></w:tblGrid>${rows}</w:tbl>`;
    const restart = `<w:tc><w:tcPr><w:vMerge w:val="restart"/></w:tcPr><w:p/></w:tc><w:tc><w:p/></w:tc>`;
    // The continuation of column 1 written in column 2: no restart above it there.
    expect(tableGridProblems(grid(`<w:tr>${restart}</w:tr><w:tr><w:tc><w:p/></w:tc><w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p/></w:tc></w:tr>`))).toHaveLength(1);
  });
});
