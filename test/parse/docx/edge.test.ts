import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { readDocx } from "../../../src/parse/docx/read-docx.js";
import { sketch, tables } from "./helpers.js";

const here = path.dirname(fileURLToPath(import.meta.url));
const candidates = [path.resolve(here, "../../../../shared/design/samples/edge.docx"), "/work/shared/design/samples/edge.docx"];
const edgePath = candidates.find((p) => {
  try {
    readFileSync(p);
    return true;
  } catch {
    return false;
  }
});

// edge.docx holds the cases mammoth gets wrong: after w:gridBefore the vertical merge belongs
// to X (column 2), not P; legacy w:hMerge makes H two columns wide.
describe.skipIf(!edgePath)("shared edge.docx", () => {
  const doc = readDocx(readFileSync(edgePath!));

  it("expands gridBefore, hMerge, vMerge+gridSpan and sdt-wrapped cells", () => {
    expect(sketch(tables(doc)[0]!)).toEqual([
      ["A", "B", "C", "D"],
      ["P", "X[2x1]", "Y", "Z"],
      ["", "^2,2", "Y2", "Z2"],
      ["H[1x2]", "^4,1", "I", "J"],
      ["W2[2x2]", "^5,1", "K", "L"],
      ["^5,1", "^5,1", "K2", "L2 (in sdt)"],
      ["T1\tT2", "M", "N", "O"],
    ]);
  });

  it("leaves the gridBefore position as an empty cell that nothing covers", () => {
    const cell = tables(doc)[0]!.rows[2]![0]!;
    expect(cell).toEqual({ text: "", covered: false, originRow: 3, originCol: 1, rowSpan: 1, colSpan: 1, loc: { kind: "cell", table: 1, row: 3, col: 1 } });
    // P is not merged with anything.
    expect(tables(doc)[0]!.rows[1]![0]!.rowSpan).toBe(1);
  });
});
