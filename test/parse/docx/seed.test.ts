import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { readDocx } from "../../../src/parse/docx/read-docx.js";
import { paragraphs, sketch, tables } from "./helpers.js";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
const examples = path.join(root, "examples");
const read = (file: string) => readDocx(readFileSync(file));

const seed = read(path.join(examples, "hengdong-2023.docx"));
const wordStyle = read(path.join(examples, "hengdong-2023.wordstyle.docx"));
const resaved = read(path.join(root, "test/fixtures/hengdong-2023.lo.docx"));

describe("seed .docx", () => {
  it("reads the paragraphs outside the table", () => {
    expect(paragraphs(seed)).toEqual([
      "附件2：",
      "2023年度项目支出预算绩效目标申报表",
      "填报单位：（盖章）衡东县政府办                         单位：万元",
      "填表人：                 联系电话：                     单位负责人签字：",
    ]);
    expect(seed.blocks[0]).toMatchObject({ kind: "paragraph", loc: { kind: "paragraph", index: 1 } });
    expect(seed.meta.format).toBe("docx");
    expect(seed.warnings).toEqual([]);
  });

  it("reads one 67×6 table with its merges", () => {
    const [table, ...rest] = tables(seed);
    expect(rest).toEqual([]);
    expect(table!.mergesKnown).toBe(true);
    const s = sketch(table!);
    expect(s.length).toBe(67);
    expect(s.every((r) => r.length === 6)).toBe(true);
    expect(s[0]).toEqual(["项目支出名称", "衡东县政府办项目支出　[1x2]", "^1,2", "预算部门", "衡东县政府办　[1x2]", "^1,5"]);
    expect(s[1]).toEqual(["年度本级\n预算金额", "　361[1x2]", "^2,2", "该项目支出上级资金\n（分级填报）", "中央：\n省级：\n市级：[1x2]", "^2,5"]);
    expect(s[2]).toEqual(["项目支出实施期", "2023年度[1x5]", "^3,2", "^3,2", "^3,2", "^3,2"]);
    expect(s[5]).toEqual(["本年度\n绩效指标[62x1]", "一级指标", "二级指标", "三级指标", "指标值及单位", "绩效标准"]);
    expect(s[6]).toEqual(["^6,1", "产出指标[55x1]", "数量指标[18x1]", "应急处理经费", "1-2次/年", "及时处理"]);
    expect(s[7]).toEqual(["^6,1", "^7,2", "^7,3", "为民办实事", "15-20项/年", "按时落实到位"]);
    expect(s[65]).toEqual(["^6,1", "满意度\n指标[2x1]", "社会公众或服务对象满意度指标[2x1]", "人大代表建议、政协委员提案办理满意率", "100%", ""]);
    expect(s[66]).toEqual(["^6,1", "^66,2", "^66,3", "居民满意率", "≧90%", ""]);
    // Every cell knows where it is, after expansion.
    table!.rows.forEach((row, r) => row.forEach((c, col) => expect(c.loc).toEqual({ kind: "cell", table: 1, row: r + 1, col: col + 1 })));
  });

  it("keeps curly quotes, full-width spaces and multi-paragraph cells as written", () => {
    const s = sketch(tables(seed)[0]!);
    expect(s[12]![3]).toBe("人大、政协“两案”办理");
    const last = s.find((r) => r[3] === "有效改善人民群众居住环境　");
    expect(last?.[4]).toBe("≧95%\n　");
  });

  it("reads the Word-style merges (bare <w:vMerge/>) identically, spans included", () => {
    expect(wordStyle).toEqual(seed);
  });

  it("reads the LibreOffice re-saved copy identically", () => {
    expect(resaved).toEqual(seed);
  });
});
