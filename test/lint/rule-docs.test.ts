import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { allRules } from "../../src/rules/index.js";
import { parseConfigText } from "../../src/config/load.js";
import { resolveConfig } from "../../src/config/resolve.js";
import { RULE_DOCS_DIR, ruleDoc, ruleDocFiles, ruleIndex } from "../../scripts/gen-rule-docs.js";
import type { RuleMeta } from "../../src/rules/types.js";

const metas = allRules.map((r) => r.meta);

describe("docs/rules", () => {
  it("is up to date with the rules' metadata (run `npx tsx scripts/gen-rule-docs.ts` after changing a rule)", () => {
    const expected = ruleDocFiles(metas);
    const onDisk = readdirSync(RULE_DOCS_DIR).filter((n) => n.endsWith(".md")).sort();
    expect(onDisk).toEqual([...expected.keys()].sort());
    for (const [name, text] of expected) expect(readFileSync(path.join(RULE_DOCS_DIR, name), "utf8"), name).toBe(text);
  });

  it("shows on each page a config snippet that perfgoal accepts", () => {
    for (const meta of metas) {
      const snippet = /```yaml\n(rules:\n[^`]*)```/.exec(ruleDoc(meta))?.[1];
      expect(snippet, meta.id).toBeDefined();
      expect(() => resolveConfig(parseConfigText(snippet!, `${meta.id}.md`), metas), meta.id).not.toThrow();
    }
  });
});

describe("rule page rendering", () => {
  const meta: RuleMeta = {
    id: "pipe-rule",
    code: "PG999",
    severity: "info",
    description: { zh: "说明", en: "description" },
    source: { zh: "依据", en: "source" },
    messages: { m: { zh: "a|b", en: "c\nd" } },
    examples: { fail: "value: ≧40万元\n", pass: "value: ≤40万元\n" },
  };

  it("escapes table cells and shows the examples when the rule has them", () => {
    const page = ruleDoc(meta);
    expect(page).toContain("| `m` | a\\|b | c d |");
    expect(page).toContain("不通过 / fails:\n\n```yaml\nvalue: ≧40万元\n```");
    expect(page).toContain("通过 / passes:\n\n```yaml\nvalue: ≤40万元\n```");
    expect(page).toContain("无 / none");
  });

  it("indexes the rules by code, linking each page", () => {
    const index = ruleIndex([meta, { ...meta, id: "first", code: "PG001" }]);
    const rows = index.split("\n").filter((l) => l.startsWith("| PG"));
    expect(rows.map((r) => r.split(" | ")[1])).toEqual(["[first](first.md)", "[pipe-rule](pipe-rule.md)"]);
  });
});
