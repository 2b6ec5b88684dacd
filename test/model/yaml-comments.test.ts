/**
 * The Chinese beside each key: every key of the schema has a note; formToYaml writes it beside
 * the key (once per list, in the form's amount unit) and nothing else changes; the schema's
 * descriptions say the same, Chinese first; a template's blank number fields are commented-out
 * keys that, filled in as the comment says, load.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isMap, isPair, isScalar, isSeq, parseAllDocuments, parseDocument, type Node } from "yaml";
import type { Form } from "../../src/model/form.js";
import { formJsonSchema } from "../../src/model/json-schema.js";
import type { PathKey } from "../../src/model/path.js";
import { COLUMN_HEADERS, FIELD_LABELS } from "../../src/model/terms.js";
import { parseRowValue } from "../../src/model/value-parse.js";
import { keyComment, keyNote } from "../../src/model/yaml-comments.js";
import { loadFormYaml } from "../../src/model/yaml.js";
import { formToYaml } from "../../src/model/yaml-write.js";
import { blankForm } from "../../src/render/blank-form.js";
import { arbitraryForm } from "../render/helpers/arbitrary-form.js";

const EXAMPLE = path.resolve(import.meta.dirname, "../../examples/hengdong-2023.yaml");
const example = () => loadFormYaml(readFileSync(EXAMPLE, "utf8")).form;

type JsonObject = Record<string, unknown>;

/** Every property path of the JSON Schema (list items as index 0), with its description. */
function schemaKeys(node: JsonObject, at: PathKey[] = []): { path: PathKey[]; description: unknown }[] {
  const out: { path: PathKey[]; description: unknown }[] = [];
  for (const [key, child] of Object.entries((node.properties ?? {}) as Record<string, JsonObject>)) {
    out.push({ path: [...at, key], description: child.description });
    out.push(...schemaKeys(child, [...at, key]));
  }
  if (node.items) out.push(...schemaKeys(node.items as JsonObject, [...at, 0]));
  for (const branch of (node.anyOf ?? []) as JsonObject[]) out.push(...schemaKeys(branch, at));
  return out;
}

/** Each key of the YAML with its model path and the comment beside it (on its value, or on the key of a block). */
function keyComments(text: string): { path: PathKey[]; comment: string | undefined }[] {
  const out: { path: PathKey[]; comment: string | undefined }[] = [];
  const walk = (node: unknown, at: PathKey[]) => {
    if (isSeq(node)) node.items.forEach((item, i) => walk(item, [...at, i]));
    if (!isMap(node)) return;
    for (const pair of node.items) {
      if (!isPair(pair) || !isScalar(pair.key)) continue;
      const value = pair.value as Node | null;
      // A block value carries the comment after its key as its commentBefore, a scalar as its comment.
      const comment = (isScalar(value) || (value && "flow" in value && value.flow) ? value?.comment : value?.commentBefore)?.trim();
      out.push({ path: [...at, String(pair.key.value)], comment });
      walk(value, [...at, String(pair.key.value)]);
    }
  };
  walk(parseDocument(text).contents, []);
  return out;
}

const rowKeys = (path: PathKey[]) => path[0] === "indicators" && typeof path[2] === "number";

describe("the key notes", () => {
  it("cover every key of the schema", () => {
    const missing = schemaKeys(formJsonSchema()).filter((k) => keyNote(k.path) === undefined);
    expect(missing.map((k) => k.path.join("."))).toEqual([]);
  });

  it("take the domain terms from terms.ts", () => {
    expect(keyComment(["indicators", "annual", 0, "tier1"], "万元")).toBe(COLUMN_HEADERS.tier1[0]);
    expect(keyComment(["indicators", "longTerm", 3, "tier2"], "万元")).toBe(COLUMN_HEADERS.tier2[0]);
    expect(keyComment(["project", "name"], "万元")).toBe(FIELD_LABELS.projectName[1]);
    expect(keyComment(["funding", "ownLevel"], "万元")).toBe(`${FIELD_LABELS.ownLevel[2]}（万元）`);
  });

  it("name the annual budget, and say that only raw of a value is read", () => {
    expect(keyComment(["funding", "total"], "万元")).toBe("年度预算金额（万元，成本指标按此审核，打印在预算金额栏）");
    expect(keyComment(["indicators", "annual", 0, "value"], "万元")).toBe("指标值：只需填写 raw，其余由 perfgoal 计算");
    for (const computed of ["kind", "comparison", "symbol", "numbers", "unit", "approximate", "wanYuan"]) {
      expect(keyComment(["indicators", "annual", 0, "value", computed], "万元")).toMatch(/^（自动）/);
    }
  });

  it("give the schema a description for every key, Chinese first, then English", () => {
    for (const { path: p, description } of schemaKeys(formJsonSchema())) {
      expect(typeof description, p.join(".")).toBe("string");
      const [zh, en] = (description as string).split(" — ");
      expect(zh, p.join(".")).toBe(keyNote(p)!.zh.replaceAll("{unit}", "单位见 amountUnit"));
      expect(zh, p.join(".")).toMatch(/^[\u3400-\u9fff（]/);
      expect(en, p.join(".")).toMatch(/[a-z]/);
    }
  });
});

describe("formToYaml writes the notes beside the keys", () => {
  const form = example();
  const yaml = formToYaml(form);
  const comments = keyComments(yaml);

  it("beside every key outside the rows; in a table, beside a key's first appearance only", () => {
    const seen = new Set<string>();
    for (const { path: p, comment } of comments) {
      const pattern = p.map((k) => (typeof k === "number" ? "[]" : k)).join(".");
      const first = !seen.has(pattern);
      seen.add(pattern);
      expect(comment, p.join(".")).toBe(first ? keyComment(p, "万元") : undefined);
      if (!rowKeys(p)) expect(first, p.join(".")).toBe(true);
    }
    const firstRow = new Set(comments.filter((c) => rowKeys(c.path) && c.path[2] === 0).map((c) => c.path.slice(3).join(".")));
    expect(firstRow.size).toBeGreaterThan(5);
    // The first row's keys are explained there, never again.
    expect(comments.filter((c) => rowKeys(c.path) && (c.path[2] as number) > 0 && firstRow.has(c.path.slice(3).join(".")) && c.comment)).toEqual([]);
  });

  it("and nothing else changes: the same data as without comments, a few percent larger", () => {
    const stripped = parseAllDocuments(yaml).map((d) => d.toJS());
    expect(stripped).toEqual([JSON.parse(JSON.stringify(loadFormYaml(yaml).form))]);
    // 61 rows: the notes on the first row and the header cost about 5%, not a multiple.
    expect(form.indicators.annual.length).toBe(61);
    const bare = yaml.replace(/ # [^\n"]*$/gm, "");
    expect(yaml.length / bare.length).toBeLessThan(1.1);
  });

  it("in the form's amount unit", () => {
    const inYuan: Form = { ...form, amountUnit: "元", funding: { total: 3_610_000, ownLevel: 3_610_000 } };
    const text = formToYaml(inYuan);
    expect(text).toContain("total: 3610000 # 年度预算金额（元，成本指标按此审核，打印在预算金额栏）\n");
    expect(text).toContain("ownLevel: 3610000 # 本级资金（元）\n");
    expect(text).not.toContain("万元）");
  });

  it("a key first seen in a later row is explained there", () => {
    const rows = form.indicators.annual.map((r, i) => (i === 4 ? { ...r, note: "新增" } : r));
    const text = formToYaml({ ...form, indicators: { annual: rows } });
    expect(keyComments(text).find((c) => c.path.join(".") === "indicators.annual.4.note")?.comment).toBe(keyComment(["indicators", "annual", 4, "note"], "万元"));
  });

  it("random forms: byte-identical when written again, the comments are the notes, the data loads back unchanged", () => {
    fc.assert(
      fc.property(arbitraryForm("L1", { maxRows: 6 }), (f) => {
        const text = formToYaml(f);
        expect(formToYaml(f)).toBe(text);
        const loaded = loadFormYaml(text).form;
        expect(formToYaml(loaded)).toBe(text);
        for (const { path: p, comment } of keyComments(text)) if (comment !== undefined) expect(comment).toBe(keyComment(p, f.amountUnit));
      }),
      { numRuns: 40 },
    );
  });
});

describe("a template: blank number fields as commented-out keys", () => {
  const blank = blankForm("L2");
  const text = formToYaml(blank.form, { template: { blankNumbers: blank.blankNumbers, intro: "第一行\n第二行" } });

  it("the intro under the header, and each blank field where the schema puts it, with its note", () => {
    const lines = text.split("\n");
    expect(lines.slice(1, 3)).toEqual(["# 第一行", "# 第二行"]);
    expect(lines.indexOf("# year: # 年度（如 2025）")).toBeLessThan(lines.findIndex((l) => l.startsWith("fillingUnit:")));
    const funding = lines.slice(lines.indexOf("funding: # 资金（万元）"));
    expect(funding.slice(1, 7)).toEqual([
      "  {}",
      "  # 填写下列数字项时，删去上一行的 {}，并去掉所填行行首的 #",
      `  # total: # ${keyComment(["funding", "total"], "万元")}`,
      "  # fiscal: # 财政拨款（万元）",
      "  # other: # 其他资金（万元）",
      "  # selfRaised: # 自有资金（万元）",
    ]);
  });

  it("writes each 指标值 as raw alone", () => {
    expect(text).not.toContain("kind:");
    expect(loadFormYaml(text).form.indicators.annual.every((r) => r.value.raw === "" && r.value.kind === "empty")).toBe(true);
  });

  it("filled in as the comments say, it loads with the amounts", () => {
    const filled = text
      .replace("  {}\n", "")
      .replace("# year:", "year: 2025")
      .replace("  # total:", "  total: 120")
      .replace("  # fiscal:", "  fiscal: 100");
    const { form } = loadFormYaml(filled);
    expect(form.year).toBe(2025);
    expect(form.funding).toEqual({ total: 120, fiscal: 100 });
  });

  it("refuses a blank field that holds a value, or under a map the form lacks", () => {
    expect(() => formToYaml({ ...blank.form, year: 2025 }, { template: { blankNumbers: ["year"], intro: "" } })).toThrow(/year holds a value/);
    const noUpper = { ...blank.form, funding: {} };
    expect(() => formToYaml(noUpper, { template: { blankNumbers: ["funding.upperLevel.central"], intro: "" } })).toThrow(/no such map/);
  });

  it("leaves a form without template options as before: no commented-out keys", () => {
    const plain = formToYaml({ ...blank.form, indicators: { annual: [{ tier1: "产出指标", tier2: "数量指标", tier3: "培训", value: parseRowValue("≥100人") }] } });
    expect(plain).not.toMatch(/^\s*# \w+:/m);
  });
});
