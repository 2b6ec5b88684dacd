/**
 * YAML out and in: the header line, schema key order, Chinese as is, no folding; load → dump is
 * byte-identical; the `value: "≥90%"` shorthand; and hostile or broken YAML refused with a
 * PerfgoalError that names the YAML path and line.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { PerfgoalError } from "../../src/model/errors.js";
import type { Form, IndicatorRow } from "../../src/model/form.js";
import { parseRowValue, parseValue } from "../../src/model/value-parse.js";
import { loadFormYaml } from "../../src/model/yaml.js";
import { canonicalForm, formsToYaml, formToYaml, SCHEMA_URL } from "../../src/model/yaml-write.js";
import { keyComment } from "../../src/model/yaml-comments.js";

const LONG_GOAL = "确保县政府的各项工作协调落实到位，为县政府的各项工作推动服好务。".repeat(40);

/** One value of every kind, and scalars YAML could misread (numbers, yes/no, null, `#`, `: `). */
const VALUES = [
  "≧90%", "≤35万元", "5万元/人", "1-2次/年", "约400人", "2023.07-2024.01", "否", "常态化",
  "生态环境督查、宣传、治理", "", "＝100%", "%=99百分比", "95%以上",
];
const TRICKY = ["007", "2023", "no", "yes", "true", "null", "~", "# 不是注释", "a: b", "- 列表", " 前导空格", "尾随空格　", "'引号'", "\"双引号\"", "@", "*星号"];

function row(i: number, raw: string): IndicatorRow {
  return {
    tier1: "产出指标",
    tier2: "数量指标",
    tier3: TRICKY[i % TRICKY.length]!,
    value: parseRowValue(raw, "≥", "%"),
    standard: "计划标准",
    note: TRICKY[(i + 3) % TRICKY.length]!,
    unit: "%",
    comparison: "≥",
    weight: 2.5,
    direction: "正向",
    valueType: "定量",
    scoringRule: "完成得满分，未完成按比例扣分",
  };
}

/** Every optional field filled; keys deliberately written out of schema order. */
function richForm(): Form {
  return {
    source: { encoding: "gb18030", layout: "L1 pipes", format: "txt", file: "样例/衡东.txt" },
    otherFields: [{ label: "项目概况", value: "第一行\n第二行\n  缩进的第三行" }],
    signatures: { date: "2023年1月5日", head: "李四", phone: "0734-1234567", filler: "张三" },
    indicators: {
      longTerm: [row(100, "≥95%"), { tier1: "效益指标", tier2: "社会效益指标", tier3: "", value: parseValue("") }],
      annual: VALUES.map((raw, i) => row(i, raw)),
    },
    goals: { annual: LONG_GOAL, longTerm: "实施期目标：\n1. 完成改制\n2. 群众满意率≥90%\n" },
    funding: {
      carryOver: 1.5,
      selfRaised: 0,
      other: 10,
      fiscal: 349.5,
      upperLevel: { county: 0, municipal: 3, provincial: 2, central: 1, total: 6 },
      ownLevel: 355,
      total: 361,
    },
    project: {
      period: { end: "2023-12", start: "2023-01", text: "2023年度" },
      phone: "13800000000",
      leader: "王五",
      attribute: "延续",
      implementingUnit: "衡东县人民政府办公室",
      department: { code: "077", name: "衡东县政府办" },
      name: "衡东县政府办项目支出",
    },
    amountUnit: "万元",
    fillingUnit: "衡东县政府办",
    attachmentLabel: "附件2",
    year: 2023,
    title: "2023年度项目支出预算绩效目标申报表",
  };
}

const MINIMAL = `amountUnit: 万元
project: {}
funding: {}
goals: {}
indicators:
  annual:
    - tier1: 产出指标
      tier2: 数量指标
      tier3: 应急处理经费
      value: "≥90%"
`;

/** Run `load` and return the PerfgoalError it throws. */
function refusal(text: string): PerfgoalError {
  try {
    loadFormYaml(text, "goals.yaml");
  } catch (e) {
    expect(e).toBeInstanceOf(PerfgoalError);
    return e as PerfgoalError;
  }
  throw new Error("expected loadFormYaml to refuse the text");
}

describe("formToYaml", () => {
  const yaml = formToYaml(richForm());

  it("starts with the yaml-language-server schema line", () => {
    expect(yaml.split("\n")[0]).toBe(`# yaml-language-server: $schema=${SCHEMA_URL}`);
  });

  it("writes keys in schema order whatever order the object has", () => {
    const topKeys = yaml.split("\n").filter((l) => /^[a-zA-Z]+:/.test(l)).map((l) => l.split(":")[0]);
    expect(topKeys).toEqual([
      "title", "year", "attachmentLabel", "fillingUnit", "amountUnit", "project", "funding", "goals",
      "indicators", "signatures", "otherFields", "source",
    ]);
    const valueKeys = yaml.slice(yaml.indexOf("raw: ≤35万元")).split("\n").slice(0, 7).map((l) => l.trim().split(":")[0]);
    expect(valueKeys).toEqual(["raw", "kind", "comparison", "symbol", "numbers", "unit", "wanYuan"]);
    expect(yaml).toContain("numbers: [35]");
    // Same form, keys inserted in reverse: same bytes.
    const reversed = JSON.parse(JSON.stringify(richForm()), (_, v) =>
      v && typeof v === "object" && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).reverse()) : v,
    ) as Form;
    expect(formToYaml(reversed)).toBe(yaml);
  });

  it("writes Chinese as is and never folds a long line", () => {
    expect(yaml).toContain("fillingUnit: 衡东县政府办");
    expect(yaml).not.toMatch(/\\u[0-9a-fA-F]{4}/);
    expect(yaml).toContain(`annual: ${LONG_GOAL} # ${keyComment(["goals", "annual"], "万元")}\n`);
  });

  it("writes multi-line text as a literal block", () => {
    expect(yaml).toContain(`  longTerm: | # ${keyComment(["goals", "longTerm"], "万元")}\n    实施期目标：\n    1. 完成改制\n    2. 群众满意率≥90%\n`);
  });
});

describe("YAML round trip", () => {
  it("load → dump is byte-identical for a rich form", () => {
    const first = formToYaml(richForm());
    const loaded = loadFormYaml(first, "rich.yaml");
    expect(loaded.form).toEqual(canonicalForm(richForm()));
    expect(formToYaml(loaded.form)).toBe(first);
  });

  it("keeps every tricky scalar and every value as written", () => {
    const { form } = loadFormYaml(formToYaml(richForm()));
    expect(form.indicators.annual.map((r) => r.tier3)).toEqual(VALUES.map((_, i) => TRICKY[i % TRICKY.length]));
    expect(form.indicators.annual.map((r) => r.value.raw)).toEqual(VALUES);
    expect(new Set(form.indicators.annual.map((r) => r.value.kind))).toEqual(
      new Set(["percent", "money", "rate", "count", "date", "boolean", "grade", "prose", "empty"]),
    );
  });

  it("maps model paths to YAML lines", () => {
    const text = formToYaml(richForm());
    const { sourceMap } = loadFormYaml(text);
    const lines = text.split("\n");
    const at = (path: string) => {
      const loc = sourceMap.get(path);
      expect(loc?.kind).toBe("line");
      return lines[(loc as { line: number }).line - 1]!;
    };
    expect(at("project.department.name")).toBe("    name: 衡东县政府办 # 部门名称");
    expect(at("indicators.annual[1].value.raw")).toBe("        raw: ≤35万元");
    expect(at("indicators.annual[1].tier3")).toBe(`      tier3: "2023"`);
  });

  it("writes several forms as a stream with one header", () => {
    const text = formsToYaml([richForm(), richForm()]);
    expect(text.match(/yaml-language-server/g)).toHaveLength(1);
    expect(text.split("\n---\n")).toHaveLength(2);
  });
});

describe("loadFormYaml: the value shorthand", () => {
  it("expands `value: \"≥90%\"` to the parsed value", () => {
    const { form } = loadFormYaml(MINIMAL);
    expect(form.indicators.annual[0]!.value).toEqual(parseValue("≥90%"));
    expect(form.indicators.annual[0]!.value.comparison).toBe(">=");
  });

  it("expands a bare number, a missing value and a long form holding only raw", () => {
    const number = loadFormYaml(MINIMAL.replace('value: "≥90%"', "value: 100")).form;
    expect(number.indicators.annual[0]!.value).toEqual(parseValue("100"));
    const missing = loadFormYaml(MINIMAL.replace('value: "≥90%"', "value:")).form;
    expect(missing.indicators.annual[0]!.value).toEqual({ raw: "", kind: "empty" });
    const rawOnly = loadFormYaml(MINIMAL.replace('value: "≥90%"', 'value: { raw: "≤35万元" }')).form;
    expect(rawOnly.indicators.annual[0]!.value.wanYuan).toEqual([35]);
  });

  it("recomputes parsed fields from raw, so a hand-edited kind cannot disagree with raw", () => {
    const edited = MINIMAL.replace('value: "≥90%"', "value: { raw: \"≥90%\", kind: money, numbers: [1] }");
    expect(loadFormYaml(edited).form.indicators.annual[0]!.value).toEqual(parseValue("≥90%"));
  });
});

describe("loadFormYaml refuses bad YAML with its path and line", () => {
  it("duplicate keys", () => {
    const e = refusal(MINIMAL.replace("tier3: 应急处理经费", "tier3: 应急处理经费\n      tier3: 为民办实事"));
    expect(e.code).toBe("PG-E-YAML");
    expect(e.detail).toContain("indicators.annual[0]");
    expect(e.detail).toContain("第10行");
    expect(e.file).toBe("goals.yaml");
  });

  it("aliases (no alias bombs)", () => {
    const e = refusal(`title: &t 标题\nfillingUnit: *t\n${MINIMAL}`);
    expect(e.code).toBe("PG-E-YAML");
    expect(e.detail).toMatch(/^fillingUnit \(第2行\)/);
    const bomb = ["a: &a [x, x, x, x, x, x, x, x, x]", ...Array.from({ length: 8 }, (_, i) => `${"b".repeat(i + 1)}: &b${i} [*${i === 0 ? "a" : `b${i - 1}`}, *${i === 0 ? "a" : `b${i - 1}`}]`)];
    expect(refusal(bomb.join("\n")).code).toBe("PG-E-YAML");
  });

  it("unknown keys: a few named and the count, however many there are", () => {
    const few = refusal(`${MINIMAL}stray: 1\n`);
    expect(few.code).toBe("PG-E-SCHEMA");
    expect(few.detail).toContain("stray");
    const many = refusal(`${MINIMAL}${Array.from({ length: 1000 }, (_, i) => `k${i}: ${i}`).join("\n")}\n`);
    expect(many.code).toBe("PG-E-SCHEMA");
    expect(many.detail).toContain('"k0", "k1", "k2", "k3", "k4" … (1000)');
    expect(many.detail!.length).toBeLessThan(200);
  });

  it("unknown tags such as !!js/function", () => {
    const e = refusal(MINIMAL.replace('value: "≥90%"', "value: !!js/function 'function () { return 1 }'"));
    expect(e.code).toBe("PG-E-YAML");
    expect(e.detail).toContain("第10行");
    expect(e.detail).toContain("js/function");
  });

  it("deep nesting, in flow, compact and block style", () => {
    const flow = refusal(`title: ${"[".repeat(1_000_000)}${"]".repeat(1_000_000)}\n`);
    expect(flow.code).toBe("PG-E-YAML");
    expect(flow.detail).toContain("第1行");
    const compact = refusal(`${MINIMAL}otherFields:\n  ${"- ".repeat(500_000)}x\n`);
    expect(compact.code).toBe("PG-E-YAML");
    expect(compact.detail).toContain("第12行");
    const block = refusal(Array.from({ length: 300 }, (_, i) => `${" ".repeat(i)}k${i}:`).join("\n") + " 1\n");
    expect(block.code).toBe("PG-E-YAML");
    expect(block.detail).toMatch(/^k0\.k1\.k2 \(第102行\)/);
  });

  it("binary junk", () => {
    const junk = Buffer.from(Array.from({ length: 512 }, (_, i) => (i * 37 + 11) % 256)).toString("latin1");
    const e = refusal(junk);
    expect(["PG-E-YAML", "PG-E-SCHEMA"]).toContain(e.code);
    expect(e.detail).toMatch(/第\d+行/);
    // A damaged key is shown with escapes, not raw control bytes.
    const damaged = refusal("\u0000\u0001\u0002\u00ff\u0007abc: [\n");
    expect(damaged.code).toBe("PG-E-YAML");
    expect(damaged.detail).toMatch(/^\\u0000\\u0001\\u0002ÿ\\u0007abc \(第2行\)/);
    expect(damaged.detail).not.toMatch(/[\u0000-\u0008]/);
  });

  it("keys that are lists or maps", () => {
    const e = refusal(`${MINIMAL}? [a, b]\n: 1\n`);
    expect(e.code).toBe("PG-E-YAML");
    expect(e.detail).toMatch(/^第11行: /);
  });

  it("a wrong type, reported at its path and line", () => {
    const e = refusal(MINIMAL.replace("tier3: 应急处理经费", "tier3: [应急处理经费]"));
    expect(e.code).toBe("PG-E-SCHEMA");
    expect(e.detail).toMatch(/^indicators\.annual\[0\]\.tier3 \(第9行\)/);
  });

  it("never throws anything but a PerfgoalError, whatever the text", () => {
    const fragments = fc.constantFrom("a:", " ", "\n", "- ", "[", "]", "{", "}", "&a ", "*a", "!!str ", "!!js/function ", "'", '"', "#", "---", "\t", "值", ":", "?", "|", ">", "%YAML 1.2\n");
    const text = fc.oneof(fc.string({ unit: "binary", maxLength: 200 }), fc.array(fragments, { maxLength: 40 }).map((xs) => xs.join("")));
    fc.assert(
      fc.property(text, (t) => {
        try {
          loadFormYaml(t);
        } catch (e) {
          expect(e).toBeInstanceOf(PerfgoalError);
          expect(["PG-E-YAML", "PG-E-SCHEMA"]).toContain((e as PerfgoalError).code);
        }
      }),
      { numRuns: 1000 },
    );
  });
});
