/**
 * The CLI as users run it (`bin/perfgoal.js` over compiled JavaScript) for child-process tests:
 * the sources are transpiled into a temporary folder once per content hash, so these tests never
 * depend on (or disturb) a `dist/` being built in the working tree.
 * A preload writes the process's peak memory (maxRSS, KiB) to `PERFGOAL_RSS_FILE` on exit.
 */
import { spawn } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

function sourceFiles(dir: string): string[] {
  return (readdirSync(dir, { recursive: true }) as string[]).filter((f) => f.endsWith(".ts")).sort();
}

const RSS_PRELOAD = `import { writeFileSync } from "node:fs";
process.on("exit", () => {
  const file = process.env.PERFGOAL_RSS_FILE;
  if (file) writeFileSync(file, String(process.resourceUsage().maxRSS));
});
`;

/** Transpile src/ (no type check) beside a copy of bin/ and package.json; returns the folder. */
export function builtCli(): string {
  const src = path.join(ROOT, "src");
  const files = sourceFiles(src);
  // The build links this checkout's node_modules: another checkout (or a deleted one) must not share it.
  const hash = createHash("sha256").update(ROOT);
  for (const f of files) hash.update(f).update(readFileSync(path.join(src, f)));
  hash.update(readFileSync(path.join(ROOT, "bin/perfgoal.js"))).update(readFileSync(path.join(ROOT, "bin/package.json")));
  const target = path.join(tmpdir(), `perfgoal-built-${hash.digest("hex").slice(0, 16)}`);
  if (existsSync(path.join(target, "bin/perfgoal.js"))) {
    if (existsSync(path.join(target, "node_modules/commander/package.json"))) return target;
    // Its node_modules link points nowhere now: build it again.
    rmSync(target, { recursive: true, force: true });
  }

  removeStaleBuilds(target);
  const staging = `${target}.${randomBytes(4).toString("hex")}.partial`;
  for (const f of files) {
    const out = path.join(staging, "dist", f.replace(/\.ts$/, ".js"));
    mkdirSync(path.dirname(out), { recursive: true });
    const js = ts.transpileModule(readFileSync(path.join(src, f), "utf8"), {
      compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ES2022 },
      fileName: f,
    }).outputText;
    writeFileSync(out, js);
  }
  mkdirSync(path.join(staging, "bin"), { recursive: true });
  for (const f of ["perfgoal.js", "package.json"]) writeFileSync(path.join(staging, "bin", f), readFileSync(path.join(ROOT, "bin", f)));
  writeFileSync(path.join(staging, "package.json"), readFileSync(path.join(ROOT, "package.json")));
  writeFileSync(path.join(staging, "rss.mjs"), RSS_PRELOAD);
  symlinkSync(path.join(ROOT, "node_modules"), path.join(staging, "node_modules"));
  try {
    renameSync(staging, target);
  } catch {
    // Another test file built the same sources at the same time: use that one.
    rmSync(staging, { recursive: true, force: true });
  }
  return target;
}

/** Builds of older sources, left by earlier runs: removed after a day. */
function removeStaleBuilds(keep: string): void {
  const dayAgo = Date.now() - 24 * 3600_000;
  for (const name of readdirSync(tmpdir())) {
    const full = path.join(tmpdir(), name);
    if (!name.startsWith("perfgoal-built-") || full === keep) continue;
    try {
      if (statSync(full).mtimeMs < dayAgo) rmSync(full, { recursive: true, force: true });
    } catch {
      /* removed by another run meanwhile */
    }
  }
}

export interface ChildRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  /** Peak resident memory of the whole process (all threads), in MiB. */
  peakMiB: number;
  /** Wall-clock milliseconds (reported, never asserted tightly: a hang guard only). */
  ms: number;
  /** True when the hang guard had to kill it. */
  killed: boolean;
}

export interface ChildOptions {
  cwd: string;
  /** Kill after this long: a guard against hangs, not a speed assertion. */
  hangGuardMs?: number;
  env?: Record<string, string>;
  /** Called with the child once started (to send it signals). */
  onSpawn?: (child: import("node:child_process").ChildProcess) => void;
  /** More modules for node to load first (`--import`), worker threads included. */
  imports?: readonly string[];
}

/** Run `perfgoal <args>` from the built folder as a child process. */
export function runBuilt(args: readonly string[], options: ChildOptions): Promise<ChildRun> {
  const dir = builtCli();
  const rssFile = path.join(tmpdir(), `perfgoal-rss-${randomBytes(6).toString("hex")}`);
  const started = Date.now();
  return new Promise((resolve) => {
    const preloads = [`file://${path.join(dir, "rss.mjs")}`, ...(options.imports ?? [])].flatMap((url) => ["--import", url]);
    const child = spawn(process.execPath, [...preloads, path.join(dir, "bin/perfgoal.js"), ...args], {
      cwd: options.cwd,
      env: { PATH: process.env.PATH ?? "/usr/bin:/bin", HOME: process.env.HOME ?? "/root", ...options.env, PERFGOAL_RSS_FILE: rssFile },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    let killed = false;
    child.stdout.on("data", (c: Buffer) => (stdout += c.toString()));
    child.stderr.on("data", (c: Buffer) => (stderr += c.toString()));
    const guard = setTimeout(() => {
      killed = true;
      child.kill("SIGKILL");
    }, options.hangGuardMs ?? 120_000);
    options.onSpawn?.(child);
    child.on("close", (code, signal) => {
      clearTimeout(guard);
      let peakMiB = Number.NaN;
      try {
        peakMiB = Number(readFileSync(rssFile, "utf8")) / 1024;
        rmSync(rssFile, { force: true });
      } catch {
        /* killed before exit */
      }
      resolve({ code, signal, stdout, stderr, peakMiB, ms: Date.now() - started, killed });
    });
  });
}
