import { describe, expect, it } from "vitest";
import { lexLines, type LexLine } from "../../../src/parse/text/lexer.js";
import { splitLines } from "../../../src/parse/text/lines.js";

const lex = (text: string): LexLine[] => lexLines(splitLines(text));
const cells = (lines: LexLine[]): string[][] => lines.filter((l) => l.tokens.length > 0).map((l) => l.tokens.map((t) => t.text));
const shapes = (lines: LexLine[]): string[] => lines.map((l) => l.shape);

describe("the text lexer: each line by its own shape", () => {
  it("pipe rows: one row per line, empty cells kept, the filler run at the end dropped", () => {
    const lines = lex("| 产出指标 | 数量指标 | 维持时效 | ≥ | 1 | |||||\n|  |  | 为民办实事 | 15-20项/年 |  |");
    expect(cells(lines)).toEqual([
      ["产出指标", "数量指标", "维持时效", "≥", "1"],
      ["", "", "为民办实事", "15-20项/年"],
    ]);
    expect(lines.every((l) => l.shape === "pipe-row" && l.endsRow)).toBe(true);
    expect(lines[0]!.tokens[0]!.rowStart).toBe(true);
  });

  it("rows written inline without a leading pipe (`a | b | ||||`)", () => {
    expect(cells(lex("保障退休职工人数(人) | = | 81 | 人 | |||"))).toEqual([["保障退休职工人数(人)", "=", "81", "人"]]);
  });

  it("`text |` cells: a lone pipe after a closed cell is an empty cell; after a filler run it opens the row", () => {
    const lines = lex(["|", "经济效益指标 |", "|", "|", "||", "|", "社会效益指标 |", "≥85% |", "|||"].join("\n"));
    expect(shapes(lines)).toEqual(["mark", "pipe-cell", "mark", "mark", "filler", "mark", "pipe-cell", "pipe-cell", "filler"]);
    expect(lines.map((l) => l.tokens.map((t) => t.text))).toEqual([[], ["经济效益指标"], [""], [""], [], [], ["社会效益指标"], ["≥85%"], []]);
    expect(lines[4]!.endsRow).toBe(true);
  });

  it("cells separated by lone pipes: the pipe closes the cell above, two pipes hold an empty cell", () => {
    const lines = lex(["项目名称", "|", "国家基本公共卫生服务项目", "|", "主管部门及代码", "|", "|", "实施单位"].join("\n"));
    expect(lines.map((l) => l.tokens.map((t) => t.text))).toEqual([["项目名称"], [], ["国家基本公共卫生服务项目"], [], ["主管部门及代码"], [], [""], ["实施单位"]]);
  });

  it("a text cell with a filler run after it ends its row (`3500 | |`)", () => {
    const [line] = lex("3500 | |");
    expect(line!.shape).toBe("pipe-cell");
    expect(line!.endsRow).toBe(true);
  });

  it("plain lines next to each other are rows: cells split at space runs, a single space kept (soft)", () => {
    const lines = lex("产出指标 数量指标 流转土地 >=60亩\n年度主要目标     和成果  新建中药材晾晒房一座");
    expect(shapes(lines)).toEqual(["row", "row"]);
    expect(cells(lines)).toEqual([["产出指标 数量指标 流转土地 >=60亩"], ["年度主要目标", "和成果", "新建中药材晾晒房一座"]]);
    expect(lines[0]!.tokens[0]!.rowStart).toBe(true);
  });

  it("a line between blank lines is one cell, padding and all (`填报单位：…　 单位：万元`)", () => {
    const lines = lex("标题\n\n填报单位：（盖章）某单位                单位：万元\n\n项目名称\n");
    expect(shapes(lines)).toEqual(["cell", "blank", "cell", "blank", "cell"]);
    expect(cells(lines)).toEqual([["标题"], ["填报单位：（盖章）某单位                单位：万元"], ["项目名称"]]);
  });

  it("a line of spaces among cells written one per line is an empty cell; among row lines it is padding", () => {
    expect(shapes(lex("数量指标\n\n \n\n重点建设工程安排数量"))).toEqual(["cell", "blank", "space", "blank", "cell"]);
    expect(cells(lex("数量指标\n\n \n\n重点建设工程安排数量"))).toEqual([["数量指标"], [""], ["重点建设工程安排数量"]]);
    expect(shapes(lex("数量指标\n培训人数\n \n质量指标"))).toEqual(["cell", "cell", "space", "cell"]);
    expect(shapes(lex("产出指标 数量指标 流转土地 >=60亩\n质量指标 合格率 100%\n      \n时效指标 完成率 100%\n成本指标 补助 <=475元/亩"))).toEqual(["row", "row", "blank", "row", "row"]);
  });

  it("plain lines next to each other are cells, one per line, when hardly any has a space to split at", () => {
    const lines = lex("一级指标\n二级指标\n三级指标\n指标值\n产出指标\n数量指标\n培训人数\n≥100人");
    expect(lines.every((l) => l.shape === "cell" && !l.tokens[0]!.rowStart)).toBe(true);
  });

  it("keeps each token's indentation (the level of an outline)", () => {
    const lines = lex("项目\n\n   产出指标\n\n    数量指标(必填)\n\n     疫苗使用率\n\n100%");
    expect(lines.filter((l) => l.tokens.length > 0).map((l) => l.tokens[0]!.indent)).toEqual([0, 3, 4, 5, 0]);
  });

  it("skips a Markdown rule under a header row and reads `\\|` as a literal pipe", () => {
    expect(cells(lex("| 一级指标 | 指标值 |\n|---|:---:|\n| 产出指标 | a\\|b |"))).toEqual([
      ["一级指标", "指标值"],
      ["产出指标", "a|b"],
    ]);
  });

  it("gives 1-based lines and columns", () => {
    const [line] = lex("  | 产出指标 | ≥95% |");
    expect(line!.tokens.map((t) => [t.line, t.col])).toEqual([
      [1, 5],
      [1, 12],
    ]);
  });
});
