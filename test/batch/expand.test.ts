import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync, chmodSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { comparePaths, countSkipped, expandInputs } from "../../src/batch/expand.js";

let dir: string;
const touch = (rel: string, text = "x") => {
  mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
  writeFileSync(path.join(dir, rel), text);
};

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), "pg-expand-"));
  touch("in/b.docx");
  touch("in/a.txt");
  touch("in/~$a.docx");
  touch("in/.hidden.docx");
  touch("in/notes.png");
  touch("in/部门一/表1.docx");
  touch("in/部门一/表2.doc");
  touch("in/.git/config.yaml");
  touch("in/z/deep/c.yaml");
  symlinkSync(path.join(dir, "in"), path.join(dir, "in/z/loop"));
  symlinkSync(path.join(dir, "nowhere.docx"), path.join(dir, "in/dangling.docx"));
  execFileSync("mkfifo", [path.join(dir, "in/pipe.docx")]);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("expandInputs", () => {
  it("walks folders recursively, sorted folder by folder, skipping and counting what it does not read", async () => {
    const r = await expandInputs(["in"], dir);
    // Names in natural order for Chinese: Han (by pinyin) before Latin, numbers by value.
    expect(r.files.map((f) => f.file)).toEqual(["in/a.txt", "in/b.docx", "in/部门一/表1.docx", "in/部门一/表2.doc", "in/z/deep/c.yaml"]);
    expect(r.files.every((f) => f.root === "in")).toBe(true);
    expect(countSkipped(r.skipped)).toEqual({ lock: 1, hidden: 2, unsupported: 1, special: 1, "broken-link": 1, "link-loop": 1 });
    expect(r.missing).toEqual([]);
  });

  it("follows links found in a folder only to places inside it: a link to / or to a file elsewhere is skipped", async () => {
    touch("outside/secret.docx");
    touch("links/own.docx");
    mkdirSync(path.join(dir, "links/sub"), { recursive: true });
    symlinkSync("/", path.join(dir, "links/root"));
    symlinkSync(path.join(dir, "outside/secret.docx"), path.join(dir, "links/secret.docx"));
    symlinkSync(path.join(dir, "outside"), path.join(dir, "links/elsewhere"));
    symlinkSync(path.join(dir, "links/own.docx"), path.join(dir, "links/sub/again.docx"));
    const r = await expandInputs(["links"], dir);
    expect(r.files.map((f) => f.file)).toEqual(["links/own.docx", "links/sub/again.docx"]);
    expect(r.skipped.filter((s) => s.reason === "link-outside").map((s) => s.file)).toEqual(["links/elsewhere", "links/root", "links/secret.docx"]);
    // Named on the command line, a link is the user's choice.
    expect((await expandInputs(["links/secret.docx"], dir)).files.map((f) => f.file)).toEqual(["links/secret.docx"]);
  });

  it("never opens a named pipe (the walk returns at all)", async () => {
    const r = await expandInputs(["in"], dir);
    expect(r.skipped).toContainEqual({ file: "in/pipe.docx", reason: "special" });
  });

  it("reports missing paths and patterns that match nothing", async () => {
    const r = await expandInputs(["nope", "in/*.xlsx"], dir);
    expect(r.missing).toEqual(["nope", "in/*.xlsx"]);
  });

  it("expands globs with ** and braces, rooted at the literal base", async () => {
    const r = await expandInputs(["in/**/*.{docx,yaml}"], dir);
    expect(r.files.map((f) => f.file)).toEqual(["in/b.docx", "in/部门一/表1.docx", "in/z/deep/c.yaml"]);
    expect(r.files[0]!.root).toBe("in");
    // The lock file matches *.docx and is counted, hidden ones are not matched at all.
    expect(r.skipped.map((s) => s.reason)).toContain("lock");
    expect(r.skipped.map((s) => s.reason)).not.toContain("hidden");
  });

  it("takes the whole of a folder a pattern names, as the shell would", async () => {
    const r = await expandInputs(["in/部*", "in/?"], dir);
    expect(r.files.map((f) => f.file)).toEqual(["in/部门一/表1.docx", "in/部门一/表2.doc", "in/z/deep/c.yaml"]);
    expect(r.files.every((f) => f.root === "in")).toBe(true);
    expect(r.missing).toEqual([]);
    const absolute = await expandInputs([path.join(dir, "in/部*")], "/");
    expect(absolute.files.map((f) => path.basename(f.file))).toEqual(["表1.docx", "表2.doc"]);
  });

  it("lists a file once even when named twice", async () => {
    const r = await expandInputs(["in/a.txt", "in", "in/*.txt"], dir);
    expect(r.files.filter((f) => f.file === "in/a.txt")).toHaveLength(1);
  });

  it("tries explicitly named files of any type, but never a lock file", async () => {
    const r = await expandInputs(["in/notes.png", "in/~$a.docx"], dir);
    expect(r.files.map((f) => f.file)).toEqual(["in/notes.png"]);
    expect(r.skipped).toEqual([{ file: "in/~$a.docx", reason: "lock" }]);
  });

  it.skipIf(process.getuid?.() === 0)("reports a folder it cannot list", async () => {
    touch("locked/x.docx");
    chmodSync(path.join(dir, "locked"), 0o000);
    try {
      const r = await expandInputs(["locked"], dir);
      expect(r.unreadable).toEqual([{ file: "locked", code: "PG-E-UNREADABLE", detail: "EACCES" }]);
    } finally {
      chmodSync(path.join(dir, "locked"), 0o755);
    }
  });
});

describe("comparePaths", () => {
  it("puts a folder's files before its subfolders and compares names naturally", () => {
    const paths = ["a/z/1.txt", "a/b.txt", "a-c.txt", "a/a.txt"];
    expect([...paths].sort(comparePaths)).toEqual(["a-c.txt", "a/a.txt", "a/b.txt", "a/z/1.txt"]);
    expect(["表100.docx", "表10.docx", "表2.docx"].sort(comparePaths)).toEqual(["表2.docx", "表10.docx", "表100.docx"]);
    expect(["部门/表10/a.txt", "部门/表9/a.txt"].sort(comparePaths)).toEqual(["部门/表9/a.txt", "部门/表10/a.txt"]);
  });

  it("is a total order: names the collator holds equal still compare, by code unit", () => {
    // Full-width and half-width digits are equal to the collator.
    const [a, b] = ["表２.docx", "表2.docx"];
    expect(comparePaths(a, b)).toBe(-comparePaths(b, a));
    expect(comparePaths(a, b)).not.toBe(0);
    expect(comparePaths("x/表2.docx", "x/表2.docx")).toBe(0);
  });
});
