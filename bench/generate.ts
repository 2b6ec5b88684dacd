/**
 * The benchmark's inputs: folders of N forms each, seed-sized and 5× larger, as .docx (made by
 * perfgoal's own renderer from variants of the seed) and as .txt (variants of the seed's text);
 * and the seed .docx as Word saved it (variants of its text), whose XML carries what Word adds
 * (revision ids, proofing marks, per-cell properties) and is larger than perfgoal's own.
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { Form, IndicatorRow } from "../src/model/form.js";
import { parseBuffer } from "../src/parse/index.js";
import { renderForm } from "../src/render/render.js";
import { formBytes, seedDir, variant } from "./forms.js";

export const SETS = ["docx", "word", "docx5", "txt", "txt5"] as const;
export type SetName = (typeof SETS)[number];

export const SET_LABELS: Record<SetName, string> = {
  docx: ".docx, seed-sized",
  word: ".docx, Word's XML",
  docx5: ".docx, 5× larger",
  txt: ".txt, seed-sized",
  txt5: ".txt, 5× larger",
};

/** Distinct forms rendered per set; the rest are copies under other names (rendering is slow, reading is what we measure). */
const DISTINCT = 40;

/** The seed form with the i-th variant's department, project and budget; `times` copies of its indicator rows. */
function variantForm(seed: Form, i: number, times: number): Form {
  const v = variant(i);
  const rows: IndicatorRow[] = [];
  for (let k = 0; k < times; k++) for (const r of seed.indicators.annual) rows.push(k === 0 || !r.tier3 ? r : { ...r, tier3: `${r.tier3}（${k + 1}）` });
  return {
    ...seed,
    project: { ...seed.project, name: v.project, department: { name: v.department } },
    funding: { ...seed.funding, total: Number(v.budget) },
    indicators: { ...seed.indicators, annual: rows },
  };
}

/** Write `count` forms of a set into `dir`; returns the number of bytes written. */
export async function generateSet(name: SetName, dir: string, count: number): Promise<number> {
  mkdirSync(dir, { recursive: true });
  const distinct: Uint8Array[] = [];
  if (name === "docx" || name === "docx5") {
    const seed = (await parseBuffer(readFileSync(path.join(seedDir(), "hengdong-2023.docx")), "seed.docx")).forms[0]!.form;
    for (let i = 0; i < Math.min(DISTINCT, count); i++) distinct.push(await renderForm(variantForm(seed, i, name === "docx5" ? 5 : 1)));
  } else if (name === "word") {
    for (let i = 0; i < Math.min(DISTINCT, count); i++) distinct.push(formBytes("docx", i));
  } else {
    for (let i = 0; i < Math.min(DISTINCT, count); i++) distinct.push(name === "txt5" ? formBytes("pipes", i, 5) : formBytes("txt", i));
  }
  const ext = name.startsWith("docx") || name === "word" ? ".docx" : ".txt";
  let bytes = 0;
  for (let i = 0; i < count; i++) {
    // A hundred forms per folder, as departments send them.
    const sub = path.join(dir, `d${String(Math.floor(i / 100)).padStart(3, "0")}`);
    if (i % 100 === 0) mkdirSync(sub, { recursive: true });
    const data = distinct[i % distinct.length]!;
    writeFileSync(path.join(sub, `form${String(i).padStart(5, "0")}${ext}`), data);
    bytes += data.byteLength;
  }
  return bytes;
}
