/**
 * The schema offline: `perfgoal schema` prints or writes it; every YAML file the CLI writes
 * (`parse -o`, `parse --out-dir`, `init`) names the installed copy in its header, by a path an
 * editor resolves from the YAML's folder, and that schema accepts the YAML's data.
 */
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Ajv } from "ajv";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { parseAllDocuments } from "yaml";
import { installedSchemaPath, schemaRefFor } from "../../src/cli/schema-ref.js";
import { SCHEMA_URL } from "../../src/model/yaml-write.js";
import { runCli } from "./run-cli.js";

const ROOT = path.resolve(import.meta.dirname, "../..");
const SCHEMA_FILE = path.join(ROOT, "schemas/perfgoal.schema.json");
const SEED = path.join(ROOT, "examples/hengdong-2023.txt");

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), "perfgoal-schema-"));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const cli = (...args: string[]) => runCli(args, { cwd: dir });

/** The schema file the header of a YAML names, resolved as yaml-language-server does (relative to the YAML's folder). */
function referencedSchema(yamlFile: string): string {
  const header = readFileSync(yamlFile, "utf8").split("\n")[0]!;
  const ref = /^# yaml-language-server: \$schema=(\S+)$/.exec(header)?.[1];
  expect(ref, header).toBeDefined();
  if (ref!.startsWith("file:")) return fileURLToPath(ref!);
  expect(path.isAbsolute(ref!), ref).toBe(false);
  return path.resolve(path.dirname(yamlFile), ref!);
}

/** The header resolves to the installed schema, and the schema accepts every document of the file. */
function expectCheckedOffline(yamlFile: string): void {
  const schemaFile = referencedSchema(yamlFile);
  expect(schemaFile).toBe(SCHEMA_FILE);
  expect(existsSync(schemaFile)).toBe(true);
  const validate = new Ajv({ allErrors: true, strict: true }).compile(JSON.parse(readFileSync(schemaFile, "utf8")) as object);
  const docs = parseAllDocuments(readFileSync(yamlFile, "utf8")).map((d) => d.toJS() as unknown);
  expect(docs.length).toBeGreaterThan(0);
  for (const data of docs) expect(validate(data) ? [] : validate.errors, yamlFile).toEqual([]);
}

describe("perfgoal schema", () => {
  it("prints the installed schema on stdout", async () => {
    const r = await cli("schema");
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe(readFileSync(SCHEMA_FILE, "utf8"));
    expect(installedSchemaPath()).toBe(SCHEMA_FILE);
  });

  it("-o writes it; an existing file only with --force; never the installed copy", async () => {
    const r = await cli("schema", "-o", "sub/perfgoal.schema.json");
    expect(r).toMatchObject({ code: 0, stdout: "→ sub/perfgoal.schema.json\n", stderr: "" });
    expect(readFileSync(path.join(dir, "sub/perfgoal.schema.json"), "utf8")).toBe(readFileSync(SCHEMA_FILE, "utf8"));
    writeFileSync(path.join(dir, "sub/perfgoal.schema.json"), "{}");
    const refused = await cli("schema", "-o", "sub/perfgoal.schema.json");
    expect(refused.code).toBe(2);
    expect(refused.stderr).toBe("perfgoal: sub/perfgoal.schema.json: 输出文件已存在（使用 --force 覆盖） [PG-E-EXISTS]\n");
    expect(readFileSync(path.join(dir, "sub/perfgoal.schema.json"), "utf8")).toBe("{}");
    expect((await cli("schema", "-o", "sub/perfgoal.schema.json", "--force")).code).toBe(0);
    const installed = readFileSync(SCHEMA_FILE, "utf8");
    const own = await cli("schema", "-o", SCHEMA_FILE, "--force");
    expect(own.code).toBe(2);
    expect(own.stderr).toContain("PG-E-SAME-AS-INPUT");
    expect(readFileSync(SCHEMA_FILE, "utf8")).toBe(installed);
  });
});

describe("the header of a written YAML names the installed schema", () => {
  it("parse -o: relative to the YAML's folder, wherever that is", async () => {
    copyFileSync(SEED, path.join(dir, "seed.txt"));
    for (const out of ["goals.yaml", "深/一层/goals.yaml"]) {
      const r = await cli("parse", "seed.txt", "-o", out, "-j", "1");
      expect(r.code, r.stderr).toBe(0);
      expectCheckedOffline(path.join(dir, out));
    }
  });

  it("parse --out-dir: each file's own relative path; several forms in one file: one header", async () => {
    mkdirSync(path.join(dir, "in/教育局"), { recursive: true });
    copyFileSync(SEED, path.join(dir, "in/a.txt"));
    copyFileSync(SEED, path.join(dir, "in/教育局/b.txt"));
    const r = await cli("parse", "in", "--out-dir", "out", "-j", "1");
    expect(r.code, r.stderr).toBe(0);
    expectCheckedOffline(path.join(dir, "out/a.yaml"));
    expectCheckedOffline(path.join(dir, "out/教育局/b.yaml"));
    const both = await cli("parse", "in", "-o", "all.yaml", "-j", "1");
    expect(both.code, both.stderr).toBe(0);
    const text = readFileSync(path.join(dir, "all.yaml"), "utf8");
    expect(text.match(/yaml-language-server/g)).toHaveLength(1);
    expectCheckedOffline(path.join(dir, "all.yaml"));
  });

  it("init: the blank form too, for every layout", async () => {
    for (const layout of ["L1", "L2", "L5"]) {
      const out = `${layout}/goals.yaml`;
      expect((await cli("init", "-l", layout, "-o", out)).code).toBe(0);
      expectCheckedOffline(path.join(dir, out));
    }
  });

  it("a file: URL where a plain path would break the header (a space, a #) or none exists", () => {
    const schema = path.join(dir, "my schemas#1", "perfgoal.schema.json");
    const ref = schemaRefFor(path.join(dir, "goals.yaml"), schema);
    expect(ref.startsWith("file:")).toBe(true);
    expect(ref).not.toMatch(/\s/);
    expect(fileURLToPath(ref)).toBe(schema);
    expect(schemaRefFor(path.join(dir, "a/b/goals.yaml"), path.join(dir, "schemas/s.json"))).toBe("../../schemas/s.json");
  });

  it("stdout has no location: the header keeps the published URL", async () => {
    copyFileSync(SEED, path.join(dir, "seed.txt"));
    const r = await cli("parse", "seed.txt", "-j", "1");
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout.split("\n")[0]).toBe(`# yaml-language-server: $schema=${SCHEMA_URL}`);
  });
});
