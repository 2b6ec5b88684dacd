/** Zip dangers: entries named ../ or /abs (never extracted), no word/document.xml, duplicate and encrypted entries. The bombs are in limits.test.ts. */
import { existsSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { describeGroup } from "./group-suite.js";
import { filesBelow, runCli, tempDir } from "./harness.js";
import { CASES } from "./make-cases.js";

describeGroup("zip", "zip dangers");

describe("entry names that climb out or are absolute", () => {
  const root = tempDir("zip-escape");
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it("are never written anywhere, by any command", async () => {
    const traversal = CASES.find((c) => c.file === "路径 穿越.docx")!;
    const deep = path.join(root, "a/b/c");
    mkdirSync(deep, { recursive: true });
    writeFileSync(path.join(deep, "x.docx"), traversal.build());
    for (const argv of [["parse", "x.docx", "--out-dir", "out"], ["validate", "x.docx", "--no-config"], ["render", "x.docx", "--out-dir", "out"]]) {
      const run = await runCli([...argv, "-j", "1"], { cwd: deep });
      expect(run.code, run.stderr).toBeLessThan(2);
    }
    // The entries are `../../perfgoal-escaped.txt`, `/tmp/perfgoal-absolute-h8.txt`, `..\..\perfgoal-backslash.txt`, `C:/perfgoal-drive.txt`.
    expect(filesBelow(root).sort()).toEqual(["a/b/c/out/x.docx", "a/b/c/out/x.yaml", "a/b/c/x.docx"]);
    expect(existsSync("/tmp/perfgoal-absolute-h8.txt")).toBe(false);
    expect(existsSync("/perfgoal-drive.txt")).toBe(false);
  });
});
