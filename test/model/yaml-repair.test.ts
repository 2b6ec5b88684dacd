/**
 * The loader's repair pass: what a clerk's edit leaves in a YAML form is read (blank fields, deleted
 * blocks, amounts typed as text, a missing unit), each repair the rules would not see noted; what
 * cannot be read with confidence is left out with a note or refused.
 */
import { describe, expect, it } from "vitest";
import { readAmountText, readNumberText } from "../../src/model/amount-text.js";
import { PerfgoalError } from "../../src/model/errors.js";
import { loadFormYaml } from "../../src/model/yaml.js";

const FORM = `amountUnit: 万元
project:
  name: 测试项目
  department:
    name: 测试局
funding:
  total: 100
goals:
  annual: 完成测试
indicators:
  annual:
    - tier1: 产出指标
      tier2: 数量指标
      tier3: 培训人次
      value: "≥100人次"
`;

function edited(from: string, to: string): string {
  const text = FORM.replace(from, to);
  expect(text, `${from} → ${to}`).not.toBe(FORM);
  return text;
}

const load = (text: string) => loadFormYaml(text, "goals.yaml");

function refusal(text: string): PerfgoalError {
  try {
    load(text);
  } catch (e) {
    expect(e).toBeInstanceOf(PerfgoalError);
    return e as PerfgoalError;
  }
  throw new Error("expected a refusal");
}

describe("readAmountText", () => {
  it("reads plain, grouped, full-width and unit-bearing amounts", () => {
    expect(readAmountText("361")).toEqual({ amount: 361 });
    expect(readAmountText(" 361 万元 ")).toEqual({ amount: 361, unit: "万元" });
    expect(readAmountText("361万")).toEqual({ amount: 361, unit: "万元" });
    expect(readAmountText("3,610,000元")).toEqual({ amount: 3610000, unit: "元" });
    expect(readAmountText("３６１．５")).toEqual({ amount: 361.5 });
    expect(readAmountText("３，６１０，０００")).toEqual({ amount: 3610000 });
    expect(readAmountText("-5")).toEqual({ amount: -5 });
  });

  it("reads nothing that is not one amount", () => {
    for (const text of ["待定", "", "三百万", "361人", "3,61", "1,2345", "361万元左右", "1-2", "1e5", "361元/人"]) expect(readAmountText(text), text).toBeUndefined();
    expect(readNumberText("2023")).toBe(2023);
    expect(readNumberText("2023年")).toBeUndefined();
    expect(readNumberText("361万元")).toBeUndefined();
  });
});

describe("blank and missing fields", () => {
  it("reads the form as it is without notes", () => {
    expect(load(FORM).notes).toEqual([]);
  });

  it("leaves a blank optional field out, as if it were not written", () => {
    const { form, notes, sourceMap } = load(edited("  name: 测试项目", "  name:"));
    expect(form.project).not.toHaveProperty("name");
    expect(notes).toEqual([]);
    // Its line is still known, so a finding about it points there.
    expect(sourceMap.get("project.name")).toMatchObject({ kind: "line", line: 3 });
    expect(load(edited("  total: 100", "  total:")).form.funding).toEqual({});
    expect(load(edited("  department:\n    name: 测试局", "  department:")).form.project).not.toHaveProperty("department");
  });

  it("keeps a text written as empty quotes: the field is there and blank", () => {
    expect(load(edited("  name: 测试项目", '  name: ""')).form.project.name).toBe("");
  });

  it("reads a blank or missing required text of a row, or of a block, as empty text", () => {
    expect(load(edited("tier3: 培训人次", "tier3:")).form.indicators.annual[0]!.tier3).toBe("");
    expect(load(edited("      tier3: 培训人次\n", "")).form.indicators.annual[0]!.tier3).toBe("");
    expect(load(edited("    name: 测试局", "    code: '077'")).form.project.department).toEqual({ name: "", code: "077" });
  });

  it("reads a deleted or blank block as an empty one", () => {
    expect(load(edited("funding:\n  total: 100\n", "")).form.funding).toEqual({});
    expect(load(edited("goals:\n  annual: 完成测试\n", "goals:\n")).form.goals).toEqual({});
    const { form, notes } = load(edited("indicators:\n  annual:", "indicators:\n  longTerm:"));
    expect(form.indicators.annual).toEqual([]);
    expect(notes).toEqual([{ path: "indicators.annual", messageId: "listMissing", data: { field: "indicators.annual" } }]);
  });

  it("takes the form's default unit when the unit is missing, blank or unknown, and says so", () => {
    for (const text of [edited("amountUnit: 万元\n", ""), edited("amountUnit: 万元", "amountUnit:")]) {
      const { form, notes } = load(text);
      expect(form.amountUnit).toBe("万元");
      expect(notes).toEqual([{ path: "amountUnit", messageId: "defaultTaken", data: { field: "amountUnit", value: "万元" } }]);
    }
    const unknown = load(edited("amountUnit: 万元", "amountUnit: 千元"));
    expect(unknown.form.amountUnit).toBe("万元");
    expect(unknown.notes[0]).toMatchObject({ messageId: "unknownChoice", data: { written: "千元", value: "万元" } });
    expect(load(edited("amountUnit: 万元", "amountUnit: 元")).notes).toEqual([]);
  });

  it("refuses a document that is empty or not a map, rather than reading an empty form", () => {
    expect(refusal("# 只有注释\n").code).toBe("PG-E-YAML");
    expect(refusal("---\n# 只有注释\n").code).toBe("PG-E-SCHEMA");
    expect(refusal("- 1\n- 2\n").code).toBe("PG-E-SCHEMA");
  });
});

describe("amounts typed as text", () => {
  const total = (text: string) => load(edited("total: 100", `total: ${text}`));

  it("reads the amount and notes the notation", () => {
    for (const [written, amount] of [['"361"', 361], ["361万元", 361], ["361 万元", 361], ["３６１", 361], ["'1,200.5'", 1200.5]] as const) {
      const { form, notes } = total(written);
      expect(form.funding.total, written).toBe(amount);
      expect(notes.map((n) => [n.path, n.messageId, n.data.amount]), written).toEqual([["funding.total", "amountText", amount]]);
    }
    expect(load(edited("total: 100", "total: 100\n  upperLevel:\n    central: 20万元")).form.funding.upperLevel).toEqual({ central: 20 });
  });

  it("never converts an amount in another unit: left out, noted as a conflict", () => {
    const { form, notes } = total("3,610,000元");
    expect(form.funding).toEqual({});
    expect(notes).toEqual([{ path: "funding.total", messageId: "amountUnitConflict", data: { text: "3,610,000元", written: "元", unit: "万元" } }]);
    // The same amount on a form in 元 agrees with it.
    const yuan = load(edited("amountUnit: 万元", "amountUnit: 元").replace("total: 100", "total: 3,610,000元"));
    expect(yuan.form.funding.total).toBe(3610000);
    expect(yuan.notes.map((n) => n.messageId)).toEqual(["amountText"]);
  });

  it("leaves text that is no amount out, with a note, and reads the rest of the form", () => {
    const { form, notes } = total("待定");
    expect(form.funding).toEqual({});
    expect(form.project.name).toBe("测试项目");
    expect(notes).toEqual([{ path: "funding.total", messageId: "amountUnread", data: { text: "待定" } }]);
  });

  it("reads a year typed as text when it is a plain number, and refuses one that is not", () => {
    const year = load(`year: "2023"\n${FORM}`);
    expect(year.form.year).toBe(2023);
    expect(year.notes.map((n) => n.messageId)).toEqual(["numberText"]);
    expect(refusal(`year: 二〇二三\n${FORM}`).code).toBe("PG-E-SCHEMA");
    expect(refusal(`year: "2023.5"\n${FORM}`).code).toBe("PG-E-SCHEMA");
  });

  it("still refuses a list or a map where an amount belongs", () => {
    expect(refusal(edited("total: 100", "total: [1, 2]")).detail).toMatch(/^funding\.total \(第7行\)/);
  });
});

describe("numbers where text is expected", () => {
  it("keeps the text as typed, leading zeros and trailing decimals included, without a note", () => {
    const { form, notes } = load(edited("  name: 测试项目", "  name: 测试项目\n  phone: 013800000000\n  leader: 1.50"));
    expect(form.project.phone).toBe("013800000000");
    expect(form.project.leader).toBe("1.50");
    expect(load(edited("tier3: 培训人次", "tier3: 100")).form.indicators.annual[0]!.tier3).toBe("100");
    expect(load(edited("tier3: 培训人次", "tier3: true")).form.indicators.annual[0]!.tier3).toBe("true");
    expect(notes).toEqual([]);
  });

  it("reads a 指标值 typed as a number from its text", () => {
    expect(load(edited('value: "≥100人次"', "value: 1.50")).form.indicators.annual[0]!.value.raw).toBe("1.50");
    expect(load(edited('value: "≥100人次"', "value: { raw: 100 }")).form.indicators.annual[0]!.value.numbers).toEqual([100]);
  });

  it("leaves a 指标值's derived parts alone: they are recomputed from its text", () => {
    const { form, notes } = load(edited('value: "≥100人次"', 'value: { raw: "≥100人次", kind: count, numbers: ["7"] }'));
    expect(form.indicators.annual[0]!.value.numbers).toEqual([100]);
    expect(notes).toEqual([]);
  });
});

describe("unknown keys", () => {
  it("are refused, with the known key a near miss stands for", () => {
    const e = refusal(edited("  name: 测试项目", "  nmae: 测试项目"));
    expect(e.code).toBe("PG-E-SCHEMA");
    expect(e.detail).toBe('project.nmae (第3行): 未知的键 "nmae"，您是否想写 name？');
    expect(e.detailEn).toBe('project.nmae (line 3): unknown key "nmae": did you mean name?');
    expect(refusal(edited("      tier3: 培训人次", "      teir3: 培训人次")).detail).toContain("您是否想写 tier3？");
  });

  it("are refused without a guess when none is near", () => {
    const e = refusal(`${FORM}budget: 1\n`);
    expect(e.detail).toBe('budget (第16行): 未知的键 "budget"');
  });
});
