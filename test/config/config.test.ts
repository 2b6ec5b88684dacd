import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { findConfigFile } from "../../src/config/find.js";
import { loadConfigFile, parseConfigText } from "../../src/config/load.js";
import { resolveConfig } from "../../src/config/resolve.js";
import { isPerfgoalError } from "../../src/model/errors.js";
import type { RuleMeta } from "../../src/rules/types.js";

function errorOf(fn: () => unknown): { code: string; detail: string } {
  try {
    fn();
  } catch (e) {
    if (isPerfgoalError(e)) return { code: e.code, detail: e.detail ?? "" };
    throw e;
  }
  throw new Error("expected a config error");
}

const metas: RuleMeta[] = [
  {
    id: "satisfaction-target",
    code: "PG018",
    severity: "warning",
    description: { zh: "满意度", en: "satisfaction" },
    source: { zh: "实践", en: "practice" },
    messages: {},
    defaultOptions: { warnBelow: 80, infoBelow: 85, names: ["满意度"] },
  },
  { id: "no-options", code: "PG001", severity: "error", description: { zh: "", en: "" }, source: { zh: "", en: "" }, messages: {} },
];

describe("config file discovery", () => {
  it("finds perfgoal.config.yaml in the working folder or the nearest folder above", async () => {
    const root = mkdtempSync(path.join(tmpdir(), "perfgoal-config-"));
    const deep = path.join(root, "a", "b");
    mkdirSync(deep, { recursive: true });
    expect(await findConfigFile(deep)).toBeUndefined();
    writeFileSync(path.join(root, "perfgoal.config.yaml"), "lang: en\n");
    expect(await findConfigFile(deep)).toBe(path.join(root, "perfgoal.config.yaml"));
    writeFileSync(path.join(root, "a", "perfgoal.config.yml"), "lang: zh\n");
    expect(await findConfigFile(deep)).toBe(path.join(root, "a", "perfgoal.config.yml"));
  });

  it("says a named config file does not exist", async () => {
    await expect(loadConfigFile("/nonexistent/perfgoal.config.yaml")).rejects.toMatchObject({ code: "PG-E-CONFIG", detail: "配置文件不存在" });
  });
});

describe("config validation", () => {
  it("accepts every documented key", () => {
    const text = "lang: en\nera: B\ndetectEra: false\nprofile: central-2021\nmaxWarnings: 5\nrules:\n  no-options: off\n  PG018: [warning, {warnBelow: 75}]\n";
    expect(parseConfigText(text, "c.yaml").config).toEqual({
      lang: "en",
      era: "B",
      detectEra: false,
      profile: "central-2021",
      maxWarnings: 5,
      rules: { "no-options": "off", PG018: ["warning", { warnBelow: 75 }] },
    });
  });

  it("reads an empty file as an empty config", () => {
    expect(parseConfigText("", "c.yaml").config).toEqual({});
  });

  it("names an unknown key with its line", () => {
    const e = errorOf(() => parseConfigText("lang: zh\n\nrulez:\n  a: off\n", "c.yaml"));
    expect(e.code).toBe("PG-E-CONFIG");
    expect(e.detail).toMatch(/^rulez（第3行）：/);
  });

  it("names a wrong value by its path and line, in English too", () => {
    const e = errorOf(() => parseConfigText("lang: zh\nera: C\n", "c.yaml", "en"));
    expect(e.detail).toMatch(/^era \(line 2\): /);
  });

  it("explains what a rule entry may be", () => {
    const e = errorOf(() => parseConfigText("rules:\n  no-options: loud\n", "c.yaml"));
    expect(e.detail).toBe("rules.no-options（第2行）：应为 off、info、warning、error 之一，或 [级别, {选项}]");
  });

  it("rejects duplicate keys instead of keeping the last", () => {
    const e = errorOf(() => parseConfigText("lang: zh\nlang: en\n", "c.yaml"));
    expect(e.detail).toMatch(/第2行/);
  });

  it("rejects YAML that is not a mapping", () => {
    expect(errorOf(() => parseConfigText("- a\n- b\n", "c.yaml")).code).toBe("PG-E-CONFIG");
  });
});

describe("config resolution against the rules", () => {
  const resolve = (text: string) => resolveConfig(parseConfigText(text, "c.yaml"), metas);

  it("keys settings by rule id, whether the config names the id or the code; warn means warning", () => {
    const config = resolve("rules:\n  pg001: warn\n  satisfaction-target: [error, {warnBelow: 70}]\n");
    expect(config.rules).toEqual({
      "no-options": { severity: "warning" },
      "satisfaction-target": { severity: "error", options: { warnBelow: 70 } },
    });
  });

  it("rejects an unknown rule with its line", () => {
    const e = errorOf(() => resolve("lang: zh\nrules:\n  no-such-rule: off\n"));
    expect(e.detail).toBe("rules.no-such-rule（第3行）：未知规则 no-such-rule（用 perfgoal rules 查看全部规则）");
  });

  it("takes grade limits band by band, keeping the defaults of bands not given", () => {
    const config = resolve("grade:\n  excellent: { maxErrors: 0, maxWarnings: 0 }\n");
    expect(config.grade).toEqual({ excellent: { maxErrors: 0, maxWarnings: 0 }, good: { maxErrors: 0 }, fair: { maxErrors: 2 } });
    expect(() => resolve("grade:\n  best: { maxErrors: 0 }\n")).toThrow();
  });

  it("suggests the rule a misspelt name is near", () => {
    const e = errorOf(() => resolve("rules:\n  satisfaction-targte: off\n"));
    expect(e.detail).toBe("rules.satisfaction-targte（第2行）：未知规则 satisfaction-targte，是否应为 satisfaction-target？");
  });

  it("rejects a rule configured twice, by id and by code", () => {
    expect(errorOf(() => resolve("rules:\n  no-options: off\n  PG001: error\n")).detail).toMatch(/重复配置/);
  });

  it("rejects options a rule does not declare, and options of the wrong type", () => {
    expect(errorOf(() => resolve("rules:\n  PG018: [warning, {warnBlow: 70}]\n")).detail).toMatch(/^rules\.PG018\[1\]\.warnBlow（第2行）：规则 satisfaction-target 没有选项 warnBlow（可用：warnBelow, infoBelow, names）/);
    expect(errorOf(() => resolve("rules:\n  PG018: [warning, {warnBelow: '70'}]\n")).detail).toMatch(/选项 warnBelow 应为数字/);
    expect(errorOf(() => resolve("rules:\n  PG018: [warning, {names: 满意度}]\n")).detail).toMatch(/选项 names 应为列表/);
    expect(errorOf(() => resolve("rules:\n  no-options: [warning, {x: 1}]\n")).detail).toMatch(/规则 no-options 没有可配置的选项/);
  });

  it("carries the run-level settings through", () => {
    expect(resolve("lang: en\nera: B\nmaxWarnings: 0\n")).toEqual({ rules: {}, file: "c.yaml", lang: "en", era: "B", maxWarnings: 0 });
  });
});
