import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { Form } from "../../src/model/form.js";
import { parseValue } from "../../src/model/value-parse.js";
import { detectEra } from "../../src/lint/era.js";
import { allRules } from "../../src/rules/index.js";
import { makeForm, runRule } from "./helpers.js";

type Plain = Record<string, unknown>;
const isPlain = (v: unknown): v is Plain => typeof v === "object" && v !== null && !Array.isArray(v);

/** Objects merge key by key; anything else (arrays included) replaces. */
function merge(base: Plain, over: Plain): Plain {
  const out: Plain = { ...base };
  for (const [k, v] of Object.entries(over)) out[k] = isPlain(v) && isPlain(out[k]) ? merge(out[k] as Plain, v) : v;
  return out;
}

/** A documentation example (a YAML fragment of the model) laid over a complete default form. */
function exampleForm(fragment: string): Form {
  const data = merge(structuredClone(makeForm()) as unknown as Plain, (parse(fragment) ?? {}) as Plain);
  const indicators = data.indicators as { annual: { value: unknown }[]; longTerm?: { value: unknown }[] };
  for (const r of [...indicators.annual, ...(indicators.longTerm ?? [])]) r.value = parseValue(String(r.value));
  return Form.parse(data);
}

const profileOf = (fragment: string) => /^# profile: (\S+)/m.exec(fragment)?.[1];

describe("documentation examples", () => {
  for (const rule of allRules) {
    const examples = rule.meta.examples;
    it(`${rule.meta.id}: the failing example is reported and the passing one is not`, () => {
      expect(examples, rule.meta.id).toBeDefined();
      for (const [fragment, shouldFail] of [[examples!.fail, true], [examples!.pass, false]] as const) {
        const form = exampleForm(fragment);
        const profile = profileOf(fragment);
        const reports = runRule(rule, form, { era: detectEra(form) ?? "A", ...(profile ? { profile } : {}) });
        if (shouldFail) expect(reports.length, `${rule.meta.id} fail example`).toBeGreaterThan(0);
        else expect(reports, `${rule.meta.id} pass example`).toEqual([]);
      }
    });
  }
});
