/** YAML: alias bombs, wrong types, unknown tags, duplicate keys, binary junk. Deep nesting and size are in limits.test.ts. */
import { existsSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { describeGroup } from "./group-suite.js";
import { expectRefusalLine, runCli, tempDir } from "./harness.js";
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

describe("wrong types are reported by path and line", () => {
  it("each wrong field is named with its YAML path and line, in both languages", async () => {
    const c = CASES.find((x) => x.file === "类型 错误.yaml")!;
    const dir = tempDir("yaml-types");
    writeFileSync(path.join(dir, "f.yaml"), c.build());
    const zh = await runCli(["parse", "f.yaml", "-j", "1"], { cwd: dir });
    const line = expectRefusalLine(zh.stderr, "f.yaml", "PG-E-SCHEMA");
    expect(line).toMatch(/year \(第2行\): .*；funding\.total \(第7行\): /);
    const en = await runCli(["parse", "f.yaml", "-j", "1", "--lang", "en"], { cwd: dir });
    expect(expectRefusalLine(en.stderr, "f.yaml", "PG-E-SCHEMA", "en")).toMatch(/year \(line 2\): .*; funding\.total \(line 7\): /);
    rmSync(dir, { recursive: true, force: true });
  });
});
