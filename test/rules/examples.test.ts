import { describe, expect, it } from "vitest";
import { parse, stringify } from "yaml";
import type { Form } from "../../src/model/form.js";
import type { ReadingNote } from "../../src/model/reading-notes.js";
import { loadFormYaml } from "../../src/model/yaml.js";
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

/**
 * A documentation example (a YAML fragment of the model) laid over a complete default form, read
 * as a YAML file is: values from their text, and what the loader repaired as its notes.
 */
function exampleForm(fragment: string): { form: Form; notes: ReadingNote[] } {
  const data = merge(structuredClone(makeForm()) as unknown as Plain, (parse(fragment) ?? {}) as Plain);
  const { form, notes } = loadFormYaml(stringify(data));
  return { form, notes };
}

const profileOf = (fragment: string) => /^# profile: (\S+)/m.exec(fragment)?.[1];

describe("documentation examples", () => {
  for (const rule of allRules) {
    const examples = rule.meta.examples;
    it(`${rule.meta.id}: the failing example is reported and the passing one is not`, () => {
      expect(examples, rule.meta.id).toBeDefined();
      for (const [fragment, shouldFail] of [[examples!.fail, true], [examples!.pass, false]] as const) {
        const { form, notes } = exampleForm(fragment);
        const profile = profileOf(fragment);
        const reports = runRule(rule, form, { era: detectEra(form) ?? "A", notes, ...(profile ? { profile } : {}) });
        if (shouldFail) expect(reports.length, `${rule.meta.id} fail example`).toBeGreaterThan(0);
        else expect(reports, `${rule.meta.id} pass example`).toEqual([]);
      }
    });
  }
});
