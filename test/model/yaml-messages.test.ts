/**
 * YAML that cannot be read is refused in the clerk's language: keyboard slips named with their line
 * and what to type instead, the yaml package's error codes translated, zod's messages in Chinese.
 */
import { describe, expect, it } from "vitest";
import { PerfgoalError } from "../../src/model/errors.js";
import { Form } from "../../src/model/form.js";
import { loadFormYaml } from "../../src/model/yaml.js";
import { findSlip, unclosedQuoteLine, yamlErrorMessage } from "../../src/model/yaml-messages.js";
import { knownKeys } from "../../src/model/yaml-repair.js";

const FORM = `amountUnit: 万元
project:
  name: 测试项目
  leader: 王五
funding:
  total: 100
goals:
  longTerm: |
    　　实施期目标：完成改制。
    name：不是键，是目标正文
  annual: 完成测试
indicators:
  annual:
    - tier1: 产出指标
      tier2: 数量指标
      tier3: 培训人次
      value: "≥100人次"
`;

function refusal(text: string): PerfgoalError {
  try {
    loadFormYaml(text, "goals.yaml");
  } catch (e) {
    expect(e).toBeInstanceOf(PerfgoalError);
    return e as PerfgoalError;
  }
  throw new Error("expected a refusal");
}

function edited(from: string, to: string): string {
  const text = FORM.replace(from, to);
  expect(text).not.toBe(FORM);
  return text;
}

describe("keyboard slips", () => {
  it("reads the form, whose goal prose holds a full-width colon and spaces, without complaint", () => {
    expect(loadFormYaml(FORM).form.goals.longTerm).toContain("name：不是键");
  });

  it("a full-width colon after a key: its line, and that “:” and a space are needed", () => {
    for (const [from, to, line] of [["  name: 测试项目", "  name：测试项目", 3], ["      tier3: 培训人次", "      tier3：培训人次", 16], ["    - tier1: 产出指标", "    - tier1：产出指标", 14]] as const) {
      const e = refusal(edited(from, to));
      expect(e.code).toBe("PG-E-YAML");
      const key = /(\w+)：/.exec(to)![1];
      expect(e.detail).toBe(`第${line}行: 键“${key}”后用了全角冒号“：”，应为半角冒号“:”加一个空格（${key}: 值）`);
      expect(e.detailEn).toBe(`line ${line}: the key “${key}” is followed by a full-width colon “：”; YAML needs “:” and a space (${key}: value)`);
    }
  });

  it("tab indentation", () => {
    const e = refusal(edited("  leader: 王五", "\tleader: 王五"));
    expect(e.detail).toBe("第4行: 键“leader”前用了 Tab 键缩进，YAML 只能用空格缩进");
    expect(e.detailEn).toBe("line 4: the key “leader” is indented with a tab; YAML indents with spaces only");
  });

  it("full-width space indentation", () => {
    const e = refusal(edited("  leader: 王五", "　　leader: 王五"));
    expect(e.detail).toBe("第4行: 键“leader”前用了全角空格“　”缩进，YAML 只能用半角空格缩进");
  });

  it("no space after the colon, whether the file then parses or not", () => {
    // Alone under its parent the line is a text value of `project`; beside a sibling it breaks the map.
    for (const text of [edited("  name: 测试项目\n  leader: 王五", "  name:测试项目"), edited("  name: 测试项目", "  name:测试项目")]) {
      const e = refusal(text);
      expect(e.code).toBe("PG-E-YAML");
      expect(e.detail).toBe("第3行: 键“name”的冒号后缺少空格，应写成“name: 值”");
      expect(e.detailEn).toBe("line 3: no space after the colon of “name”; write “name: value”");
    }
  });

  it("an unclosed quote, at the line where it opened", () => {
    const e = refusal(edited('  name: 测试项目', '  name: "测试项目'));
    expect(e.detail).toBe("第3行: 引号没有闭合：开头的引号要有配对的结尾引号");
    expect(unclosedQuoteLine("a: 'it''s'\nb: \"x\\\"\n", 2)).toBe(2);
  });

  it("takes only lines that start with a key of the form for a slip", () => {
    const keys = knownKeys(Form);
    expect(keys).toContain("tier3");
    expect(keys).toContain("amountUnit");
    expect(findSlip("goals:\n  annual: |\n    目标：完成\n    　　缩进的正文\n", keys)).toBeUndefined();
    expect(findSlip("http://example.org\n", keys)).toBeUndefined();
    expect(findSlip("a: 1\nphone:13800000000\n", keys)).toMatchObject({ line: 2 });
  });
});

describe("the yaml package's errors", () => {
  it("are translated by code, keeping what names the culprit", () => {
    expect(yamlErrorMessage({ code: "BAD_INDENT", message: "All mapping items must start at the same column" }).zh).toContain("缩进不正确");
    expect(yamlErrorMessage({ code: "TAB_AS_INDENT", message: "Tabs are not allowed as indentation" }).zh).toContain("Tab");
    expect(yamlErrorMessage({ code: "MULTILINE_IMPLICIT_KEY", message: "Implicit keys need to be on a single line" }).zh).toContain("冒号后要有一个空格");
    expect(yamlErrorMessage({ code: "TAG_RESOLVE_FAILED", message: "Unresolved tag: tag:yaml.org,2002:js/function" }).zh).toContain("js/function");
    expect(yamlErrorMessage({ code: "MISSING_CHAR", message: "Missing , or : between flow map items" }).zh).toBe("缺少配对的符号（引号、括号或逗号）（Missing , or : between flow map items）");
  });

  it("keep the English after a Chinese lead-in when the code is unknown", () => {
    expect(yamlErrorMessage({ code: "IMPOSSIBLE", message: "Something new\nsecond line" })).toEqual({ zh: "YAML 语法错误：Something new", en: "YAML syntax error: Something new" });
  });

  it("reach the refusal in Chinese, with the English kept for --lang en", () => {
    const e = refusal(edited("  leader: 王五", "  leader: 王五\n   extra: 1"));
    expect(e.code).toBe("PG-E-YAML");
    expect(e.detail).toMatch(/^project\.leader \(第4行\): 缩进层次不对/);
    expect(e.detailEn).toMatch(/^project\.leader \(line 4\): wrong nesting/);
    expect(e.detail).not.toContain("Nested mappings");
  });
});

describe("schema messages", () => {
  it("are zod's own, in Chinese for Chinese and English for English", () => {
    const e = refusal(edited("tier3: 培训人次", "tier3: [培训人次]"));
    expect(e.code).toBe("PG-E-SCHEMA");
    expect(e.detail).toBe("indicators.annual[0].tier3 (第16行): 无效输入：期望 string，实际接收 数组");
    expect(e.detailEn).toBe("indicators.annual[0].tier3 (line 16): Invalid input: expected string, received array");
  });
});
