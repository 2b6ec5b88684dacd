import path from "node:path";
import { describe, expect, it } from "vitest";
import { planOutputs } from "../../src/batch/out-dir.js";

const cwd = "/work/x";
const rel = (p: string) => path.relative(cwd, p);

describe("planOutputs", () => {
  it("mirrors the input folder below --out-dir with the new extension", () => {
    const plan = planOutputs([{ file: "in/a.docx", root: "in" }, { file: "in/部门一/b.txt", root: "in" }], "out", ".yaml", cwd);
    expect(plan.map((p) => rel(p.target))).toEqual(["out/a.yaml", "out/部门一/b.yaml"]);
    expect(plan.every((p) => !p.clashesWithInput)).toBe(true);
  });

  it("mirrors several input folders below their common parent", () => {
    const plan = planOutputs([{ file: "2023/a/x.docx", root: "2023/a" }, { file: "2023/b/x.docx", root: "2023/b" }], "out", ".yaml", cwd);
    expect(plan.map((p) => rel(p.target))).toEqual(["out/a/x.yaml", "out/b/x.yaml"]);
  });

  it("keeps the input extension when two inputs would share an output", () => {
    const plan = planOutputs([{ file: "in/a.docx", root: "in" }, { file: "in/a.txt", root: "in" }, { file: "in/c.doc", root: "in" }], "out", ".yaml", cwd);
    expect(plan.map((p) => rel(p.target))).toEqual(["out/a.docx.yaml", "out/a.txt.yaml", "out/c.yaml"]);
  });

  it("flags a target that is an input", () => {
    const plan = planOutputs([{ file: "in/a.yaml", root: "in" }], "in", ".yaml", cwd);
    expect(plan[0]!.clashesWithInput).toBe(true);
  });
});
