import { existsSync, readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { allRules } from "../../src/rules/index.js";
import type { Rule, RuleMessage } from "../../src/rules/types.js";
import { makeForm, row, runRule, seedForm } from "./helpers.js";

const RULES_DIR = fileURLToPath(new URL("../../src/rules/", import.meta.url));
const TESTS_DIR = fileURLToPath(new URL("./", import.meta.url));
/** Files in src/rules that are not rules. */
const NOT_RULES = new Set(["index.ts", "types.ts"]);
const ruleFiles = readdirSync(RULES_DIR).filter((f) => f.endsWith(".ts") && !NOT_RULES.has(f));
const sourceOf = (rule: Rule) => readFileSync(`${RULES_DIR}${rule.meta.id}.ts`, "utf8");

/** Document numbers the catalogue marks as verified; no other may be quoted to users. */
const VERIFIED_DOCUMENTS = ["中发〔2018〕34号", "财预〔2011〕285号", "财办农〔2019〕68号"];

function texts(rule: Rule): [string, RuleMessage][] {
  return [
    ["description", rule.meta.description],
    ["source", rule.meta.source],
    ...Object.entries(rule.meta.messages).map(([id, m]): [string, RuleMessage] => [`messages.${id}`, m]),
  ];
}

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe("rule catalogue", () => {
  it("registers every rule file exactly once, with id = file name", () => {
    expect(allRules.map((r) => `${r.meta.id}.ts`).sort()).toEqual([...ruleFiles].sort());
    expect(new Set(allRules.map((r) => r.meta.id)).size).toBe(allRules.length);
  });

  it("numbers the rules PG001… and R1… in registry order, with kebab-case ids", () => {
    allRules.forEach((r, i) => {
      expect(r.meta.code).toBe(`PG${String(i + 1).padStart(3, "0")}`);
      expect(r.meta.catalogue).toBe(`R${i + 1}`);
      expect(r.meta.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    });
    expect(allRules).toHaveLength(32);
  });

  it("gives every rule a test file", () => {
    for (const r of allRules) expect(existsSync(`${TESTS_DIR}${r.meta.id}.test.ts`), r.meta.id).toBe(true);
  });

  it("writes description, source and every message in Chinese and English, with the same placeholders", () => {
    for (const r of allRules) {
      expect(["error", "warning", "info"]).toContain(r.meta.severity);
      expect(Object.keys(r.meta.messages).length, r.meta.id).toBeGreaterThan(0);
      for (const [where, m] of texts(r)) {
        const at = `${r.meta.id} ${where}`;
        expect(m.zh, at).toMatch(/\p{Script=Han}/u);
        expect(m.en.trim(), at).not.toBe("");
        expect(m.en, at).toMatch(/[A-Za-z]{3}/);
        // English may add a gloss (an English field name); it never drops a Chinese placeholder.
        for (const key of placeholders(m.zh)) expect(placeholders(m.en), at).toContain(key);
      }
    }
  });

  it("quotes a document number only where the catalogue marks it verified", () => {
    for (const r of allRules) {
      for (const [where, m] of texts(r)) {
        for (const text of [m.zh, m.en]) {
          for (const doc of text.match(/\p{Script=Han}{2,3}〔\d{4}〕\d+号/gu) ?? []) {
            expect(VERIFIED_DOCUMENTS, `${r.meta.id} ${where}: ${doc}`).toContain(doc);
          }
          expect(text, `${r.meta.id} ${where}`).not.toMatch(/88号|101号|10号(?!\d)/);
        }
      }
    }
  });

  it("defines every messageId a rule's code names, and names every message it defines", () => {
    for (const r of allRules) {
      const src = sourceOf(r);
      const named = new Set(
        [...src.matchAll(/messageId(?::|\s*=)[^,;}]*/g)].flatMap((m) => [...m[0].matchAll(/"(\w+)"/g)].map((q) => q[1]!)),
      );
      for (const call of src.matchAll(/report\("(\w+)"/g)) named.add(call[1]!);
      const defined = Object.keys(r.meta.messages);
      for (const id of named) expect(defined, `${r.meta.id} uses ${id}`).toContain(id);
      for (const id of defined) expect(src, `${r.meta.id} never reports ${id}`).toContain(`"${id}"`);
    }
  });

  it("reports only defined messages, with complete data, on a range of forms", () => {
    const overBudget = seedForm();
    overBudget.funding.total = 300;
    const forms = [
      seedForm(),
      overBudget,
      makeForm(),
      makeForm({ project: {}, funding: {}, goals: {} }),
      makeForm({
        annual: [row("成本指标", "经济成本指标", "a", "≥1万元", { weight: 50 }), row("效益指标", "其他", "b", "XX"), row("", "", "", "1")],
      }),
    ];
    for (const r of allRules) {
      for (const form of forms) {
        for (const era of ["A", "B"] as const) {
          for (const rep of runRule(r, form, { era, profile: "xianjie" })) {
            const m = r.meta.messages[rep.messageId];
            expect(m, `${r.meta.id} ${rep.messageId}`).toBeDefined();
            for (const key of [...placeholders(m!.zh), ...placeholders(m!.en)]) expect(rep.data?.[key!], `${r.meta.id} ${rep.messageId} {${key}}`).toBeDefined();
            expect(rep.path, r.meta.id).not.toBe("");
          }
        }
      }
    }
  });

  it("keeps thresholds as options: the R10 share limit and the R18 satisfaction thresholds", () => {
    const byId = new Map(allRules.map((r) => [r.meta.id, r]));
    expect(byId.get("prefer-quantitative")!.meta.defaultOptions).toEqual({ maxQualitativePercent: 30 });
    expect(byId.get("satisfaction-target")!.meta.defaultOptions).toEqual({ warnBelow: 80, infoBelow: 85 });
  });
});
