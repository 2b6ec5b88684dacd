/**
 * Blanking any one scalar field of the seed YAML (`tier3: 为民办实事` → `tier3:`) never makes the
 * file unreadable or a rule fail, and never costs a finding that has nothing to do with that field.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node } from "yaml";
import { INTERNAL_CODE, lintForm } from "../../src/lint/lint-form.js";
import type { Finding } from "../../src/lint/types.js";
import { loadFormYaml } from "../../src/model/yaml.js";
import { allRules } from "../../src/rules/index.js";

const SEED = readFileSync(fileURLToPath(new URL("../../examples/hengdong-2023.yaml", import.meta.url)), "utf8");
const LINES = SEED.split("\n");

interface ScalarField {
  path: string;
  /** 0-based line of `key: value`. */
  line: number;
  text: string;
}

/** Every `key: value` of the seed with its model path. */
function scalarFields(): ScalarField[] {
  const lc = new LineCounter();
  const doc = parseDocument(SEED, { lineCounter: lc });
  const out: ScalarField[] = [];
  const visit = (node: unknown, path: string) => {
    if (isMap(node)) {
      for (const item of node.items) {
        const key = String((item.key as { value: unknown }).value);
        const at = path ? `${path}.${key}` : key;
        const value = item.value as Node | null;
        if (isScalar(value)) out.push({ path: at, line: lc.linePos(value.range![0]).line - 1, text: String(value.source ?? value.value) });
        else visit(value, at);
      }
    } else if (isSeq(node)) node.items.forEach((item, i) => visit(item, `${path}[${i}]`));
  };
  visit(doc.contents, "");
  return out.filter((f) => /^\s*(?:- )?\w+: \S/.test(LINES[f.line]!));
}

const FIELDS = scalarFields();

function findings(text: string): Finding[] {
  const { form, sourceMap, notes } = loadFormYaml(text, "goals.yaml");
  return lintForm(form, sourceMap, { rules: allRules }, notes).findings;
}

const key = (f: Finding) => `${f.ruleId}|${f.messageId}|${f.path}|${f.locationText}`;

/** The indicator row a path is in, or its top-level block (`funding`, `goals` …). */
const blockOf = (path: string) => /^indicators\.\w+\[\d+\]/.exec(path)?.[0] ?? path.split(/[.[]/)[0]!;

/**
 * Fields other rules read across blocks: the layout family says which header and signature fields
 * the form prints, so blanking it changes which of them are asked for.
 */
const READ_ACROSS: Record<string, string[]> = { "source.layout": ["project", "goals", "signatures", "funding"] };

/** A finding the blanked field can account for: in its row or block, quoting its old text, or read across. */
function related(f: Finding, field: ScalarField): boolean {
  const block = blockOf(field.path);
  if (f.path === block || f.path.startsWith(`${block}.`) || f.path.startsWith(`${block}[`)) return true;
  if (f.message.includes(field.text)) return true;
  return (READ_ACROSS[field.path] ?? []).includes(blockOf(f.path));
}

describe("blanking one field of the seed YAML", () => {
  const base = findings(SEED);

  it("has fields to blank in every part of the form", () => {
    const blocks = new Set(FIELDS.map((f) => f.path.split(/[.[]/)[0]));
    for (const b of ["project", "funding", "goals", "indicators", "source"]) expect(blocks, b).toContain(b);
    expect(FIELDS.length).toBeGreaterThan(400);
  });

  it("still reads the form, every rule runs, and only findings about that field change", () => {
    fc.assert(
      fc.property(fc.constantFrom(...FIELDS), (field) => {
        const line = LINES[field.line]!;
        const blanked = [...LINES.slice(0, field.line), line.slice(0, line.indexOf(":") + 1), ...LINES.slice(field.line + 1)].join("\n");
        const now = findings(blanked);
        expect(now.filter((f) => f.code === INTERNAL_CODE)).toEqual([]);
        const kept = new Set(now.map(key));
        const lost = base.filter((f) => !kept.has(key(f)) && !related(f, field));
        expect(lost.map((f) => `${field.path} → ${f.ruleId} ${f.path}: ${f.message}`)).toEqual([]);
      }),
      { numRuns: 60 },
    );
  });
});
