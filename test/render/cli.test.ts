import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync, copyFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { strFromU8 } from "fflate";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { formToYaml } from "../../src/model/yaml-write.js";
import { parseFile } from "../../src/parse/index.js";
import { runCli } from "../cli/run-cli.js";
import { unzipDocx } from "./helpers/package-check.js";
import { comparable } from "./helpers/roundtrip.js";
import { SHARED, seedForm } from "./helpers/seed-form.js";

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), "perfgoal-render-"));
  writeFileSync(path.join(dir, "goals.yaml"), formToYaml(seedForm()));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const render = (...args: string[]) => runCli(["render", ...args], { cwd: dir });
const files = () => readdirSync(dir).sort();

describe("perfgoal render", () => {
  it("writes goals.docx beside goals.yaml, says so on stdout, and the file reads back as the form", async () => {
    const r = await render("goals.yaml");
    expect(r).toMatchObject({ code: 0, stderr: "" });
    expect(r.stdout).toBe("goals.yaml → goals.docx\n");
    expect(files()).toEqual(["goals.docx", "goals.yaml"]);
    const back = await parseFile(path.join(dir, "goals.docx"));
    expect(comparable(back.forms[0]!.form)).toEqual(comparable(seedForm()));
  });

  it("refuses an existing target without --force (exit 2, file untouched), overwrites with --force", async () => {
    writeFileSync(path.join(dir, "goals.docx"), "old");
    const refused = await render("goals.yaml");
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain("PG-E-EXISTS");
    expect(readFileSync(path.join(dir, "goals.docx"), "utf8")).toBe("old");
    const forced = await render("goals.yaml", "--force");
    expect(forced.code).toBe(0);
    expect(readFileSync(path.join(dir, "goals.docx")).subarray(0, 2).toString()).toBe("PK");
  });

  it("-o names the output (creating its folder); --out-dir mirrors the inputs", async () => {
    expect((await render("goals.yaml", "-o", "out/form.docx")).code).toBe(0);
    expect(existsSync(path.join(dir, "out/form.docx"))).toBe(true);
    writeFileSync(path.join(dir, "other.yaml"), formToYaml(seedForm()));
    const r = await render("goals.yaml", "other.yaml", "--out-dir", "rendered", "-j", "1");
    expect(r.code).toBe(0);
    expect(readdirSync(path.join(dir, "rendered")).sort()).toEqual(["goals.docx", "other.docx"]);
  });

  it("never writes over a .docx input: it renders beside it as <name>.rendered.docx", async () => {
    copyFileSync(path.join(SHARED, "seed/hengdong-2023.docx"), path.join(dir, "seed.docx"));
    const before = readFileSync(path.join(dir, "seed.docx"));
    const r = await render("seed.docx");
    expect(r.code).toBe(0);
    expect(r.stdout).toBe("seed.docx → seed.rendered.docx\n");
    expect(readFileSync(path.join(dir, "seed.docx")).equals(before)).toBe(true);
    const refused = await render("seed.docx", "-o", "seed.docx", "--force");
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain("PG-E-SAME-AS-INPUT");
    expect(readFileSync(path.join(dir, "seed.docx")).equals(before)).toBe(true);
  });

  it("reads text forms too, and honours --layout and --landscape", async () => {
    copyFileSync(path.join(SHARED, "seed/hengdong-2023.txt"), path.join(dir, "seed.txt"));
    const r = await render("seed.txt", "--layout", "l5", "--landscape");
    expect(r.code).toBe(0);
    const xml = strFromU8(unzipDocx(readFileSync(path.join(dir, "seed.docx")))["word/document.xml"]!);
    expect(xml).toContain('w:orient="landscape"');
    expect(xml).toContain("主管部门及代码");
  });

  it("bad input: one clear line, exit 1, no output and no temporary file left", async () => {
    writeFileSync(path.join(dir, "broken.yaml"), "# yaml-language-server: x\namountUnit: [\n");
    writeFileSync(path.join(dir, "notes.txt"), "这不是申报表\n");
    for (const input of ["broken.yaml", "notes.txt"]) {
      const r = await render(input);
      expect(r.code).toBe(1);
      expect(r.stderr.trim().split("\n")).toHaveLength(1);
      expect(r.stderr).toMatch(/\[PG-E-[A-Z-]+\]/);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
    expect(files()).toEqual(["broken.yaml", "goals.yaml", "notes.txt"]);
  });

  it("usage errors exit 2: unknown layout, -o with --out-dir, -o with several inputs, a missing file", async () => {
    expect((await render("goals.yaml", "--layout", "L9")).code).toBe(2);
    expect((await render("goals.yaml", "-o", "a.docx", "--out-dir", "d")).code).toBe(2);
    writeFileSync(path.join(dir, "other.yaml"), formToYaml(seedForm()));
    expect((await render("goals.yaml", "other.yaml", "-o", "a.docx")).code).toBe(2);
    expect((await render("nope.yaml")).code).toBe(2);
    expect(files()).toEqual(["goals.yaml", "other.yaml"]);
  });

  it("reads stdin when given -o", async () => {
    const r = await runCli(["render", "-", "-o", "from-stdin.docx"], { cwd: dir, stdin: formToYaml(seedForm()) });
    expect(r.code).toBe(0);
    expect(statSync(path.join(dir, "from-stdin.docx")).size).toBeGreaterThan(1000);
    expect((await runCli(["render", "-"], { cwd: dir, stdin: "x" })).code).toBe(2);
  });
});
