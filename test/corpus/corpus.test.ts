/**
 * The real-form corpus (../shared/corpus): 29 published forms and 4 templates, as web pages
 * render them. Every complete form parses to its hand-read expectations and to its whole golden
 * YAML; unparseable ones are refused as no table (never a made-up one); truncated ones and
 * templates never crash and are never reported clean. One line of score is printed.
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { formToYaml } from "../../src/model/yaml-write.js";
import { lintForm } from "../../src/lint/lint-form.js";
import { allRules } from "../../src/rules/index.js";
import { isTruncationMark } from "../../src/parse/stream/vocabulary.js";
import { CORPUS, corpusFiles, readCorpusText, score, type CorpusFile } from "./score.js";

const GOLDEN = path.join(import.meta.dirname, "golden");
const files = corpusFiles();
const goldenName = (f: CorpusFile) => `${path.basename(f.name, ".txt")}.yaml`;

describe.skipIf(!existsSync(CORPUS))("the real-form corpus", () => {
  it("scores every expected field (the score line is printed)", async () => {
    let matched = 0;
    let expected = 0;
    const misses: string[] = [];
    for (const f of files) {
      const checks = score(f, await readCorpusText(f));
      matched += checks.filter((c) => c.ok).length;
      expected += checks.length;
      for (const c of checks.filter((c) => !c.ok)) misses.push(`${f.name} ${c.field}: expected ${JSON.stringify(c.expected)}, got ${JSON.stringify(c.got)}`);
    }
    console.log(`corpus score: ${matched}/${expected} fields matched over ${files.filter((f) => f.expected).length} hand-read forms (${files.length} texts)`);
    // Header fields of the prose form (09) and the fused export (17) are written only in prose or
    // fused text; everything else must match.
    const allowed = misses.filter((m) => !/^forms\/(09|17)_\S+ (projectName|department|year|budget):/.test(m));
    expect(allowed).toEqual([]);
    expect(matched).toBeGreaterThanOrEqual(expected - 8);
  });

  const complete = files.filter((f) => f.expected?.parseable);
  it.each(complete.map((f) => [f.name, f] as const))("%s parses to its golden YAML", async (_name, f) => {
    const outcome = await readCorpusText(f);
    expect(outcome.kind).toBe("forms");
    if (outcome.kind !== "forms") return;
    expect(outcome.result.forms).toHaveLength(1);
    const yaml = formToYaml(outcome.result.forms[0]!.form);
    const file = path.join(GOLDEN, goldenName(f));
    if (process.env.PERFGOAL_UPDATE_GOLDEN) writeFileSync(file, yaml);
    expect(yaml).toBe(readFileSync(file, "utf8"));
  });

  const rest = files.filter((f) => !f.expected?.parseable);
  it.each(rest.map((f) => [f.name, f] as const))("%s: no crash, and never reviewed as a clean form", async (_name, f) => {
    const outcome = await readCorpusText(f);
    if (outcome.kind === "refused") {
      expect(["PG-E-NO-TABLE", "PG-E-TOO-LARGE"]).toContain(outcome.error.code);
      return;
    }
    const truncated = f.text.split("\n").some(isTruncationMark);
    for (const { form } of outcome.result.forms) {
      if (truncated) expect(form.source?.complete, `${f.name}: marked incomplete`).toBe(false);
      const result = lintForm(form, undefined, { rules: allRules });
      expect(result.counts.error, `${f.name}: error-level findings`).toBeGreaterThan(0);
    }
  });
});
