/**
 * The published package works on its own: `npm pack` the project, install the tarball into an
 * empty folder, then run the `perfgoal` binary and import the library from there.
 */
import { execFile } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const run = promisify(execFile);
const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const VERSION = (JSON.parse(readFileSync(path.join(ROOT, "package.json"), "utf8")) as { version: string }).version;
const THREE_MINUTES = 180_000;

/**
 * The environment for nested npm commands: without the npm_* variables an enclosing `npm test`
 * sets (its package and prefix would leak into the install), but keeping the user's npm config.
 */
function npmEnv(): NodeJS.ProcessEnv {
  const keep = new Set(["npm_config_cache", "npm_config_registry", "npm_config_userconfig"]);
  return Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.toLowerCase().startsWith("npm_") || keep.has(k.toLowerCase())));
}

describe("npm package", () => {
  let work: string;
  let app: string;
  let packed: { filename: string; files: { path: string }[] };
  let installLog: string;

  beforeAll(async () => {
    // `npm run build` (or `npm install`'s prepare) normally made dist/; build it if it is missing.
    if (!existsSync(path.join(ROOT, "dist/index.js")) || !existsSync(path.join(ROOT, "dist/cli/main.js"))) {
      await run(process.execPath, [path.join(ROOT, "node_modules/typescript/bin/tsc"), "-p", "tsconfig.build.json"], { cwd: ROOT }).catch(() => undefined);
    }
    expect(existsSync(path.join(ROOT, "dist/index.js")), "dist/ is missing: run npm run build").toBe(true);

    work = mkdtempSync(path.join(tmpdir(), "perfgoal-pack-"));
    // dist/ is built above; --ignore-scripts keeps pack from rebuilding it under us.
    const { stdout } = await run("npm", ["pack", "--ignore-scripts", "--json", "--pack-destination", work], { cwd: ROOT, env: npmEnv(), maxBuffer: 64 << 20 });
    packed = (JSON.parse(stdout) as (typeof packed)[])[0]!;

    app = path.join(work, "app");
    mkdirSync(app);
    writeFileSync(path.join(app, "package.json"), JSON.stringify({ name: "perfgoal-pack-check", private: true, type: "module" }));
    const tarball = path.join(work, packed.filename);
    // A TypeScript project as users have them: @types/node beside perfgoal.
    const install = (extra: string[]) =>
      run("npm", ["install", "--no-audit", "--no-fund", ...extra, tarball, "@types/node@^20"], { cwd: app, env: npmEnv(), maxBuffer: 64 << 20 });
    // Dependencies come from the npm cache when it has them all, else from the registry.
    const { stderr } = await install(["--offline"]).catch(() => install([]));
    installLog = stderr;
  }, THREE_MINUTES);

  afterAll(() => {
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it("packs the binary, the compiled library with types, and the schemas, but no sources or tests", () => {
    const files = packed.files.map((f) => f.path);
    expect(files).toEqual(
      expect.arrayContaining(["package.json", "bin/perfgoal.js", "bin/package.json", "dist/index.js", "dist/index.d.ts", "dist/cli/main.js", "schemas/perfgoal.schema.json", "docs/rules/README.md"]),
    );
    expect(files.filter((f) => f.startsWith("src/") || f.startsWith("test/") || f.endsWith(".test.js"))).toEqual([]);
  });

  it("installs a perfgoal binary that prints the package version", async () => {
    const { stdout } = await run(path.join(app, "node_modules/.bin/perfgoal"), ["--version"], { cwd: app });
    expect(stdout.trim()).toBe(VERSION);
  }, THREE_MINUTES);

  it("exports parseFile (and its types) to `import ... from \"perfgoal\"`", async () => {
    const script = "import('perfgoal').then((m) => console.log(JSON.stringify({ parseFile: typeof m.parseFile, parseValue: typeof m.parseValue })))";
    const { stdout } = await run(process.execPath, ["--input-type=module", "-e", script], { cwd: app });
    expect(JSON.parse(stdout)).toEqual({ parseFile: "function", parseValue: "function" });
    expect(readFileSync(path.join(app, "node_modules/perfgoal/dist/index.d.ts"), "utf8")).toContain("parseFile");
  }, THREE_MINUTES);

  it("ships every page the README links to", () => {
    const files = new Set(packed.files.map((f) => f.path));
    const readme = readFileSync(path.join(ROOT, "README.md"), "utf8");
    const links = [...readme.matchAll(/\]\(((?:docs|schemas|examples)\/[^)#\s]+)/g)].map((m) => m[1]!);
    expect(links.length).toBeGreaterThan(3);
    expect(links.filter((l) => l.startsWith("docs/") || l.startsWith("schemas/")).filter((l) => !files.has(l) && ![...files].some((f) => f.startsWith(`${l.replace(/\/$/, "")}/`)))).toEqual([]);
  });

  it("installs without a warning: no install script, no deprecated package", () => {
    expect(installLog.split("\n").filter((l) => /\bwarn\b/i.test(l))).toEqual([]);
    expect(existsSync(path.join(app, "node_modules/exceljs"))).toBe(false);
  });

  it("compiles in a strict TypeScript project without skipLibCheck", async () => {
    writeFileSync(
      path.join(app, "tsconfig.json"),
      JSON.stringify({ compilerOptions: { strict: true, skipLibCheck: false, noEmit: true, module: "nodenext", moduleResolution: "nodenext", target: "es2022", types: ["node"] }, files: ["check.ts"] }),
    );
    writeFileSync(
      path.join(app, "check.ts"),
      'import { parseFile, type Form } from "perfgoal";\nconst read = async (f: string): Promise<Form[]> => (await parseFile(f)).forms.map((p) => p.form);\nexport { read };\n',
    );
    const tsc = path.join(ROOT, "node_modules/typescript/bin/tsc");
    const result = await run(process.execPath, [tsc, "-p", "tsconfig.json"], { cwd: app }).then(
      (r) => ({ ok: true, out: r.stdout }),
      (e: { stdout?: string }) => ({ ok: false, out: e.stdout ?? String(e) }),
    );
    expect(result.out).toBe("");
    expect(result.ok).toBe(true);
  }, THREE_MINUTES);
});
