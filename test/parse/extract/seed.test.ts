import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { indicatorEntries, type Form } from "../../../src/model/form.js";
import { formToYaml } from "../../../src/model/yaml-write.js";
import { extractForms } from "../../../src/parse/extract/extract.js";
import { parseFile } from "../../../src/parse/index.js";
import { pipesToDocument, SEED_DIR, SEED_PIPES, seedDocument } from "./seed-document.js";

const GOAL = "确保县政府的各项工作协调落实到位，为县政府的各项工作推动服好务。";

function countByTier(form: Form): Record<string, number> {
  const out: Record<string, number> = {};
  for (const { row } of indicatorEntries(form)) out[`${row.tier1}/${row.tier2}`] = (out[`${row.tier1}/${row.tier2}`] ?? 0) + 1;
  return out;
}

/** Everything the seed must give, whatever the input format. */
function expectSeed(form: Form): void {
  expect(indicatorEntries(form)).toHaveLength(61);
  expect(countByTier(form)).toEqual({
    "产出指标/数量指标": 18,
    "产出指标/质量指标": 18,
    "产出指标/时效指标": 1,
    "产出指标/成本指标": 18,
    "效益指标/社会效益指标": 2,
    "效益指标/可持续影响指标": 1,
    "效益指标/生态效益指标": 1,
    "满意度指标/社会公众或服务对象满意度指标": 2,
  });
  expect(form.funding.total).toBe(361);
  expect(form.amountUnit).toBe("万元");
  expect(form.year).toBe(2023);
  expect(form.title).toBe("2023年度项目支出预算绩效目标申报表");
  expect(form.attachmentLabel).toBe("附件2");
  expect(form.fillingUnit).toBe("衡东县政府办");
  expect(form.project.department).toEqual({ name: "衡东县政府办" });
  expect(form.project.name).toBe("衡东县政府办项目支出");
  expect(form.project.period).toEqual({ text: "2023年度", start: "2023-01", end: "2023-12" });
  expect(form.goals).toEqual({ longTerm: GOAL, annual: GOAL });
  // 中央：省级：市级： are all empty, and so is the signature line.
  expect(form.funding.upperLevel).toBeUndefined();
  expect(form.signatures).toBeUndefined();
  expect(form.source?.layout).toBe("L1");
}

/** The 指标值 cells of the pipe text, in order, as an independent record of what is written. */
function pipeValues(): string[] {
  return readFileSync(SEED_PIPES, "utf8")
    .split("\n")
    .filter((l) => l.startsWith("|"))
    .map((l) => l.slice(1, -1).split("|").map((c) => c.trim()))
    .slice(6)
    .map((cells) => cells[4]!);
}

describe("the seed form (pipe rows, merged cells empty)", () => {
  const [extracted, ...rest] = extractForms(seedDocument());
  const form = extracted!.form;

  it("is one form with the seed's header, goals and 61 indicators", () => {
    expect(rest).toHaveLength(0);
    expectSeed(form);
  });

  it("keeps every 指标值 exactly as written", () => {
    expect(form.indicators.annual.map((r) => r.value.raw)).toEqual(pipeValues());
    expect(form.indicators.annual[7]!.value.raw).toBe(
      "打击和防范非法集资宣传印刷及宣传用品1万份/年,媒体宣传3次/年,LED广告车流动宣传6小时/天；政银企对接活动2次/年。",
    );
    expect(form.indicators.annual[19]!.value.raw).toBe("≧90%");
  });

  it("keeps the 绩效标准 texts", () => {
    expect(form.indicators.annual[0]!.standard).toBe("及时处理");
    expect(form.indicators.annual[11]!.standard).toBeUndefined();
  });

  it("maps model paths to the lines and cells they came from", () => {
    expect(extracted!.sourceMap.get("project.name")).toEqual({ kind: "line", line: 7, col: 2 });
    expect(extracted!.sourceMap.get("funding.total")).toEqual({ kind: "line", line: 8, col: 2 });
    expect(extracted!.sourceMap.get("indicators.annual[3].value")).toEqual({ kind: "line", line: 16, col: 5 });
    expect(extracted!.sourceMap.get("indicators.annual[3].tier3")).toEqual({ kind: "line", line: 16, col: 4 });
    // Filled down: the 二级 of row 4 comes from the first 数量指标 cell.
    expect(extracted!.sourceMap.get("indicators.annual[3].tier2")).toEqual({ kind: "line", line: 13, col: 3 });
    expect(extracted!.sourceMap.get("title")).toEqual({ kind: "line", line: 3 });
  });

  it("infers 效益指标 where the text export lost it (an empty 一级 after 成本 rows)", () => {
    const text = readFileSync(SEED_PIPES, "utf8").replace("|  | 效益指标 | 社会效益指标 |", "|  |  | 社会效益指标 |");
    const lost = extractForms(pipesToDocument(text))[0]!.form;
    expectSeed(lost);
    expect(lost.indicators.annual[55]).toMatchObject({ tier1: "效益指标", tier2: "社会效益指标", tier3: "切实提高人民群众幸福指数。" });
    expect(lost.indicators.annual[54]).toMatchObject({ tier1: "产出指标", tier2: "成本指标" });
  });

  it("reads a 一级 label broken over paragraphs as one label", () => {
    const doc = seedDocument();
    const table = doc.blocks.find((b) => b.kind === "table");
    if (table?.kind !== "table") throw new Error("no table");
    const row = table.table.rows.find((r) => r[1]?.text === "满意度指标")!;
    row[1]!.text = "满意度\n\n指标";
    const form = extractForms(doc)[0]!.form;
    expect(form.indicators.annual.at(-1)!.tier1).toBe("满意度指标");
    expect(countByTier(form)["满意度指标/社会公众或服务对象满意度指标"]).toBe(2);
  });

  it("loses no row when a cell holds blank lines", () => {
    const doc = seedDocument();
    const table = doc.blocks.find((b) => b.kind === "table");
    if (table?.kind !== "table") throw new Error("no table");
    const last = table.table.rows.at(-1)!;
    last[3]!.text = "居民满意率\n\n\n";
    last[4]!.text = "\n≧90%\n\n";
    const form = extractForms(doc)[0]!.form;
    expect(indicatorEntries(form)).toHaveLength(61);
    expect(form.indicators.annual.at(-1)).toMatchObject({ tier3: "居民满意率", value: { raw: "≧90%" } });
  });
});

/** The readers of the other engineers' formats; each test runs once its reader exists. */
async function tryParse(file: string) {
  try {
    return await parseFile(`${SEED_DIR}/${file}`);
  } catch {
    return undefined;
  }
}

describe("every version of the seed parses to the same Form", async () => {
  const reference = formToYaml({ ...extractForms(seedDocument())[0]!.form, source: {} });
  const files = ["hengdong-2023.txt", "hengdong-2023.pipes.txt", "hengdong-2023.webcopy.txt", "hengdong-2023.docx", "hengdong-2023.wordstyle.docx", "hengdong-2023.doc"];
  const results = await Promise.all(files.map(tryParse));
  files.forEach((file, i) => {
    const readerReady = results[i] !== undefined;
    it.skipIf(!readerReady)(`${file}`, () => {
      const forms = results[i]!.forms;
      expect(forms).toHaveLength(1);
      expectSeed(forms[0]!.form);
      expect(formToYaml({ ...forms[0]!.form, source: {} })).toBe(reference);
    });
  });
});
