import { readFileSync } from "node:fs";
import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

const SRC = path.resolve(import.meta.dirname, "../../src");

/**
 * The modules a module loads when it is imported: static imports and re-exports that survive
 * compilation (imports used only as types are dropped, as tsc drops them). Dynamic `import()`
 * is not followed: loading on demand is the point.
 */
function staticImports(file: string): string[] {
  const out = ts.transpileModule(readFileSync(file, "utf8"), {
    compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
  }).outputText;
  const specs: string[] = [];
  for (const m of out.matchAll(/^(?:import|export)\s[^;]*?from\s+"([^"]+)"|^import\s+"([^"]+)"/gm)) specs.push((m[1] ?? m[2])!);
  return specs;
}

/** Every package reached from the roots through static imports, with one path to each. */
function packagesReached(roots: readonly string[]): Map<string, string[]> {
  const reached = new Map<string, string[]>();
  const seen = new Set<string>();
  const queue: { file: string; via: string[] }[] = roots.map((r) => ({ file: path.join(SRC, r), via: [r] }));
  while (queue.length > 0) {
    const { file, via } = queue.shift()!;
    if (seen.has(file)) continue;
    seen.add(file);
    for (const spec of staticImports(file)) {
      if (spec.startsWith(".")) {
        const target = path.resolve(path.dirname(file), spec).replace(/\.js$/, ".ts");
        queue.push({ file: target, via: [...via, path.relative(SRC, target)] });
      } else if (!spec.startsWith("node:") && !reached.has(spec)) reached.set(spec, via);
    }
  }
  return reached;
}

describe("validating a .docx loads neither zod nor the YAML parser", () => {
  // What `perfgoal validate form.docx` imports, in the main thread and in a worker.
  const roots = [
    "cli/main.ts",
    "cli/commands/validate.ts",
    "config/find.ts",
    "config/resolve.ts",
    "batch/session.ts",
    "batch/worker.ts",
    "batch/handlers/validate.ts",
    "parse/index.ts",
    "parse/docx/read-docx.ts",
    "parse/extract/extract.ts",
    "rules/index.ts",
    "lint/index.ts",
    "report/stylish.ts",
  ];

  it("no static import path leads to them (zod alone takes ~100 ms to load, in every worker)", () => {
    const reached = packagesReached(roots);
    const heavy = ["zod", "yaml", "exceljs", "word-extractor", "docx"].filter((p) => reached.has(p));
    expect(heavy.map((p) => `${p} via ${reached.get(p)!.join(" → ")}`)).toEqual([]);
  });

  it("the check sees them where they are loaded (it can fail)", () => {
    const reached = packagesReached(["model/yaml.ts", "config/load.ts"]);
    expect(reached.has("yaml")).toBe(true);
    expect(reached.has("zod")).toBe(true);
  });
});
