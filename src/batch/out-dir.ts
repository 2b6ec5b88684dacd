import path from "node:path";
import type { InputFile } from "./expand.js";

export interface PlannedOutput {
  /** Absolute target path. */
  target: string;
  /** The target is one of the inputs: never written. */
  clashesWithInput: boolean;
}

/** The folder that holds every root (the roots themselves when there is one). */
function commonBase(roots: readonly string[]): string {
  if (roots.length === 0) return ".";
  const split = roots.map((r) => path.resolve(r).split(path.sep));
  const first = split[0]!;
  let n = first.length;
  for (const parts of split) {
    let i = 0;
    while (i < n && i < parts.length && parts[i] === first[i]) i++;
    n = i;
  }
  return first.slice(0, n).join(path.sep) || path.sep;
}

/**
 * Where each input's output goes under `outDir`: its path below its input folder, with the new
 * extension. Several input folders are mirrored below their common parent. Two inputs that would
 * give the same name (a.docx and a.txt) keep their own extension (a.docx.yaml, a.txt.yaml).
 */
export function planOutputs(files: readonly InputFile[], outDir: string, extension: string, cwd: string): PlannedOutput[] {
  const outRoot = path.resolve(cwd, outDir);
  const base = commonBase([...new Set(files.map((f) => path.resolve(cwd, f.root)))]);
  const relative = files.map((f) => path.relative(base, path.resolve(cwd, f.file)));
  const stem = (rel: string) => rel.replace(/\.[^.\\/]*$/, "");
  const counts = new Map<string, number>();
  for (const rel of relative) counts.set(stem(rel), (counts.get(stem(rel)) ?? 0) + 1);
  const inputs = new Set(files.map((f) => path.resolve(cwd, f.file)));
  return relative.map((rel) => {
    const name = (counts.get(stem(rel)) ?? 0) > 1 ? rel : stem(rel);
    const target = path.join(outRoot, name + extension);
    return { target, clashesWithInput: inputs.has(target) };
  });
}
