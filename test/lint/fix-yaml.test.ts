import fc from "fast-check";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { editYamlText } from "../../src/lint/fix-yaml.js";
import { fixForm, netEdits } from "../../src/lint/fix.js";
import { lintForm } from "../../src/lint/lint-form.js";
import type { Finding } from "../../src/lint/types.js";
import { loadFormsYaml } from "../../src/model/yaml.js";
import { allRules } from "../../src/rules/index.js";
import { parse as parseYaml } from "yaml";

const SEED_YAML = fileURLToPath(new URL("../../examples/hengdong-2023.yaml", import.meta.url));

/** Fix every form of a YAML text and write the fixes back into it. */
function fixYaml(text: string): { text: string; applied: number } {
  const loaded = loadFormsYaml(text);
  const outcomes = loaded.map(({ form, sourceMap }) => fixForm(form, (f) => lintForm(f, sourceMap, { rules: allRules })));
  return {
    text: editYamlText(text, outcomes.map((o) => netEdits(o.applied)), outcomes.map((o) => o.form)),
    applied: outcomes.reduce((n, o) => n + o.applied.length, 0),
  };
}

const findingsOf = (text: string): Finding[] => loadFormsYaml(text).flatMap(({ form, sourceMap }) => lintForm(form, sourceMap, { rules: allRules }).findings);
const key = (f: Finding) => `${f.ruleId} ${f.messageId} ${f.path}`;

/** Lines that differ between two texts of the same line count, as [line number, before, after]. */
function changedLines(a: string, b: string): [number, string, string][] {
  const x = a.split("\n");
  const y = b.split("\n");
  expect(y.length).toBe(x.length);
  return x.flatMap((line, i) => (line === y[i] ? [] : [[i + 1, line, y[i]!] as [number, string, string]]));
}

const HEAD = `# 手工填写的申报表
amountUnit: 万元 # 单位
project:
  name: 测试项目
  department: { name: 测试局 }
  period: { text: 2023年度, start: 2023-01, end: 2023-12 }
funding: { total: 100 }
goals:
  annual: 完成年度工作任务。
indicators:
  annual:
`;

describe("fixes written into YAML", () => {
  it("changes only the fixed scalars: comments, quoting and every other line stay byte for byte", () => {
    const text = `${HEAD}    # 质量
    - { tier1: 产出指标, tier2: 质量指标, tier3: 验收合格率, value: "≧90%" }   # 花括号行
    - tier1: 产出指标
      tier2: 质量指标
      tier3: 设备完好率
      value: 95%以上 # 旧写法
    - tier1: 产出指标
      tier2: 数量指标
      tier3: 培训人数
      value: '  ≥１００人'
    - tier1: 效益指示
      tier2: 社会效益指标
      tier3: 群众知晓率
      value: ＝100%
`;
    const out = fixYaml(text);
    expect(changedLines(text, out.text)).toEqual([
      [13, `    - { tier1: 产出指标, tier2: 质量指标, tier3: 验收合格率, value: "≧90%" }   # 花括号行`, `    - { tier1: 产出指标, tier2: 质量指标, tier3: 验收合格率, value: "≥90%" }   # 花括号行`],
      [17, "      value: 95%以上 # 旧写法", "      value: ≥95% # 旧写法"],
      [21, "      value: '  ≥１００人'", "      value: '≥100人'"],
      [22, "    - tier1: 效益指示", "    - tier1: 效益指标"],
      [25, "      value: ＝100%", "      value: =100%"],
    ]);
  });

  it("re-validates with the fixed findings gone and no new ones", () => {
    const text = `${HEAD}    - { tier1: 产出指标, tier2: 质量指标, tier3: 验收合格率, value: "≧90%" }
    - { tier1: 效益指示, tier2: 社会效益指标, tier3: 群众知晓率, value: "９５％" }
    - { tier1: 效益指示, tier2: 社会效益指标, tier3: 政策知晓率, value: " ≥90% " }
`;
    const before = findingsOf(text);
    const fixable = before.filter((f) => f.fixable).map(key);
    expect(fixable.length).toBe(4);
    const after = findingsOf(fixYaml(text).text).map(key);
    for (const k of fixable) expect(after).not.toContain(k);
    for (const k of after) expect(before.map(key)).toContain(k);
  });

  it("keeps a {raw: …} value a map, its raw and the parsed parts it carries in step", () => {
    const text = `${HEAD}    - tier1: 产出指标
      tier2: 质量指标
      tier3: 验收合格率
      value:
        raw: ≧90%
        kind: percent
        comparison: ">="
        symbol: ≧ # 原符号
        numbers: [90]
        unit: "%"
`;
    const out = fixYaml(text).text;
    expect(changedLines(text, out)).toEqual([
      [16, "        raw: ≧90%", "        raw: ≥90%"],
      [19, "        symbol: ≧ # 原符号", "        symbol: ≥ # 原符号"],
    ]);
  });

  it("quotes a plain scalar only when the new text would read as something else", () => {
    // `=` alone is YAML 1.1's value key: written plain, another reader would not see a string.
    const text = `${HEAD}    - tier1: 产出指标
      tier2: 质量指标
      tier3: 验收合格率
      value:
        raw: ＝100%
        comparison: "="
        symbol: ＝
`;
    const out = fixYaml(text).text;
    expect(changedLines(text, out)).toEqual([
      [16, "        raw: ＝100%", "        raw: =100%"],
      [18, "        symbol: ＝", `        symbol: "="`],
    ]);
  });

  it("keeps Windows line endings", () => {
    const text = `${HEAD}    - { tier1: 产出指标, tier2: 质量指标, tier3: 验收合格率, value: ≧90% } # 注\n`.replace(/\n/g, "\r\n");
    expect(fixYaml(text).text).toBe(text.replace("≧90%", "≥90%"));
  });

  it("fixes each form of a YAML stream in its own document", () => {
    const one = `${HEAD}    - { tier1: 产出指标, tier2: 质量指标, tier3: 验收合格率, value: "≧90%" }\n`;
    const two = one.replace("≧90%", "≦5%").replace("验收合格率", "返工率");
    const out = fixYaml(`${one}---\n${two}`).text;
    expect(out).toBe(`${one.replace("≧90%", "≥90%")}---\n${two.replace("≦5%", "≤5%")}`);
  });

  it("turns the seed's 15 ≧/＝ notes into ≥/= and changes no other line", () => {
    const text = readFileSync(SEED_YAML, "utf8");
    const out = fixYaml(text);
    expect(out.applied).toBe(15);
    const changes = changedLines(text, out.text);
    // Each fix changes the raw text and the symbol kept beside it.
    expect(changes).toHaveLength(30);
    for (const [, before, after] of changes) expect(after).toBe(before.replace("≧", "≥").replace(/symbol: ＝$/, `symbol: "="`).replace("＝", "="));
  });

  it("refuses, changing nothing, when the file no longer holds the text the form was read from", () => {
    const text = `${HEAD}    - { tier1: 产出指标, tier2: 质量指标, tier3: 验收合格率, value: "≧90%" }\n`;
    const [{ form, sourceMap }] = loadFormsYaml(text) as [ReturnType<typeof loadFormsYaml>[number]];
    const out = fixForm(form, (f) => lintForm(f, sourceMap, { rules: allRules }));
    const changed = text.replace("≧90%", "≧95%");
    expect(() => editYamlText(changed, [netEdits(out.applied)], [out.form], "a.yaml")).toThrow(/indicators\.annual\[0\]\.value\.raw/);
  });

  it("reads back as the fixed form, whatever the value and however it was quoted (property)", () => {
    const value = fc
      .tuple(
        fc.constantFrom("", " ", "  "),
        fc.constantFrom("", "≧", "≥", ">=", "＝", "不低于", "约", "#", "'", ": "),
        fc.constantFrom("90", "９０", "1,000", "2.5", "１００"),
        fc.constantFrom("%", "％", "万元", "次/年", "", " 人", "  人"),
        fc.constantFrom("", "以上", "以内", " #注", "'"),
      )
      .map((parts) => parts.join(""));
    const style = fc.constantFrom("plain", "double", "single", "flow", "map");
    fc.assert(
      fc.property(fc.array(fc.tuple(value, style), { minLength: 1, maxLength: 5 }), (rows) => {
        const lines = rows.map(([v, st], i) => {
          const name = `指标${i}`;
          const plainOk = (() => {
            try {
              return parseYaml(`v: ${v}`)?.v === v && !/^\s|\s$/.test(v);
            } catch {
              return false;
            }
          })();
          const scalar = st === "single" ? `'${v.replace(/'/g, "''")}'` : st === "plain" && plainOk ? v : JSON.stringify(v);
          if (st === "flow") return `    - { tier1: 产出指标, tier2: 质量指标, tier3: ${name}, value: ${JSON.stringify(v)} }`;
          const value = st === "map" ? `\n      value:\n        raw: ${scalar}` : `\n      value: ${scalar}`;
          return `    - tier1: 产出指标\n      tier2: 质量指标\n      tier3: ${name}${value}`;
        });
        const text = `${HEAD}${lines.join("\n")}\n`;
        const [{ form, sourceMap }] = loadFormsYaml(text) as [ReturnType<typeof loadFormsYaml>[number]];
        const out = fixForm(form, (f) => lintForm(f, sourceMap, { rules: allRules }));
        const edited = editYamlText(text, [netEdits(out.applied)], [out.form]);
        const back = loadFormsYaml(edited)[0]!.form;
        expect(back.indicators.annual.map((r) => r.value)).toEqual(out.form.indicators.annual.map((r) => r.value));
        // Only lines holding a value change.
        for (const [, before] of changedLines(text, edited)) expect(before).toMatch(/value: |raw: /);
      }),
      { numRuns: 200 },
    );
  });
});
