/** YAML: alias bombs, wrong types, unknown tags, duplicate keys, binary junk. Deep nesting and size are in limits.test.ts. */
import { existsSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { describeGroup } from "./group-suite.js";
import { runCli, tempDir } from "./harness.js";
import { CASES } from "./make-cases.js";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";

describeGroup("yaml", "YAML files");

describe("YAML tags are never evaluated", () => {
  it("a !!js/function that would write a file is refused and writes nothing", async () => {
    const c = CASES.find((x) => x.file === "未知 标签.yaml")!;
    const dir = tempDir("yaml-tag");
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, "f.yaml"), c.build());
    for (const cmd of ["parse", "validate", "render"]) {
      const run = await runCli([cmd, "f.yaml", "-j", "1", ...(cmd === "render" ? ["--out-dir", "out"] : [])], { cwd: dir });
      expect(run.code).toBe(1);
      expect(run.stderr).toContain("[PG-E-YAML]");
    }
    expect(existsSync("/tmp/perfgoal-yaml-evaluated")).toBe(false);
    rmSync(dir, { recursive: true, force: true });
  });
});
