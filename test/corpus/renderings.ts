/**
 * New renderings of a known form, as the web pages, PDFs and exports of the corpus write tables:
 * the metamorphic tests parse each one and expect the same indicators back. Each rendering is
 * written from the Form (not from any corpus file), with the artefacts of its family.
 */
import { indicatorEntries, type Form, type IndicatorRow } from "../../src/model/form.js";
import { canonicalTier1, cellText, tier2Key } from "./score.js";

/** What must survive a new rendering: the annual indicators in order, and the key header fields. */
export function essence(form: Form) {
  return {
    name: form.project.name,
    department: form.project.department?.name,
    total: form.funding.total,
    amountUnit: form.amountUnit,
    indicators: indicatorEntries(form)
      .filter((e) => e.table === "annual")
      .map(({ row }) => [canonicalTier1(row), tier2Key(row.tier2), cellText(row.tier3), cellText(row.value.raw)].join(" ¦ ")),
  };
}

/** A file-name slug for each rendering. */
export function slug(r: Rendering): string {
  return r.name.replace(/`/g, "").replace(/[^A-Za-z0-9]+/g, "-").replace(/^-|-$/g, "");
}

export interface Rendering {
  name: string;
  /** What real renderings it imitates. */
  family: string;
  write(form: Form, seed: number): string;
}

/** One printed row: the cells in column order, `undefined` where a merged cell was left out. */
type PrintedRow = (string | undefined)[];

const flat = (s: string | undefined): string => (s ?? "").replace(/[\r\n]+/g, "").trim();

/** Header of the indicator table: 一级 … 指标值, and 绩效标准 when any row has one. */
function columns(form: Form): { headers: string[]; cells: (r: IndicatorRow) => string[] } {
  const rows = form.indicators.annual;
  const withStandard = rows.some((r) => r.standard !== undefined);
  const headers = ["一级指标", "二级指标", "三级指标", "指标值", ...(withStandard ? ["绩效标准"] : [])];
  return { headers, cells: (r) => [flat(r.tier1), flat(r.tier2), flat(r.tier3), flat(r.value.raw), ...(withStandard ? [flat(r.standard)] : [])] };
}

/** Indicator rows with merged 一级/二级 cells left out (`undefined`) where they repeat the row above. */
function printedRows(form: Form, keepMerged: boolean): PrintedRow[] {
  const { cells } = columns(form);
  let t1 = "";
  let t2 = "";
  return form.indicators.annual.map((r) => {
    const c: PrintedRow = cells(r);
    const sameTier1 = c[0] === t1;
    const sameTier2 = sameTier1 && c[1] === t2;
    t1 = c[0]!;
    t2 = c[1]!;
    if (sameTier1) c[0] = keepMerged ? "" : undefined;
    if (sameTier2) c[1] = keepMerged ? "" : undefined;
    return c;
  });
}

/** The header fields every rendering prints, as label/value pairs. */
function headerPairs(form: Form): [string, string][] {
  const pairs: [string, string][] = [];
  if (form.project.name) pairs.push(["项目名称", form.project.name]);
  if (form.project.department) pairs.push(["主管部门", `${form.project.department.code ? `[${form.project.department.code}]` : ""}${form.project.department.name}`]);
  if (form.funding.total !== undefined) pairs.push(["年度资金总额", String(form.funding.total)]);
  if (form.goals.annual) pairs.push(["年度目标", flat(form.goals.annual)]);
  return pairs;
}

function titleLines(form: Form): string[] {
  return [form.year !== undefined ? `${form.year}年度项目支出绩效目标申报表` : "项目支出绩效目标申报表", `单位：${form.amountUnit}`];
}

/** A small deterministic generator, so a failing rendering can be written out again. */
function random(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 2 ** 32;
  };
}

const filler = (rnd: () => number): string => "|".repeat(2 + Math.floor(rnd() * 5));

/**
 * Every cell in reading order, for renderings that give each cell a line: title lines, header
 * labels and values, the column headers, then the rows. Merged cells left out have no entry; an
 * empty cell of a row is "" (each rendering writes it its own way), except in placeholder rows.
 */
function cellSequence(form: Form): string[] {
  const cells: string[] = [...titleLines(form)];
  for (const p of headerPairs(form)) cells.push(...p);
  cells.push(...columns(form).headers);
  for (const r of printedRows(form, false)) {
    const placeholder = !r[2] && !r[3];
    for (const c of r) if (c !== undefined && !(c === "" && placeholder)) cells.push(c);
  }
  return cells;
}

export const RENDERINGS: Rendering[] = [
  {
    name: "pipes with filler runs",
    family: "inline pipe rows whose merged cells are left out, ended by runs of `|` (Sichuan and Jiangxi system exports)",
    write(form, seed) {
      const rnd = random(seed);
      const row = (cells: PrintedRow) => `| ${cells.filter((c) => c !== undefined).join(" | ")} | ${filler(rnd)}`;
      return [...titleLines(form), ...headerPairs(form).map((p) => row(p)), row(columns(form).headers), ...printedRows(form, false).map(row)].join("\n");
    },
  },
  {
    name: "pipes with empty merged cells",
    family: "pipe rows that keep a merged cell as an empty `|  |` (Markdown and many web tables)",
    write(form) {
      const row = (cells: PrintedRow) => `| ${cells.map((c) => c ?? "").join(" | ")} |`;
      return [...titleLines(form), "", ...headerPairs(form).map((p) => row(p)), row(columns(form).headers), ...printedRows(form, true).map(row)].join("\n");
    },
  },
  {
    name: "`text |` one cell per line",
    family: "web tables copied cell by cell: `text |` lines, a lone `|` opening a row, `||||` closing it (Hunan and Anhui sites)",
    write(form, seed) {
      const rnd = random(seed);
      const lines: string[] = [...titleLines(form)];
      const row = (cells: PrintedRow) => {
        lines.push("|");
        for (const c of cells) if (c !== undefined) lines.push(c === "" ? "|" : `${c} |`);
        lines.push(filler(rnd));
      };
      for (const p of headerPairs(form)) row(p);
      row(columns(form).headers);
      for (const r of printedRows(form, false)) row(r);
      return lines.join("\n");
    },
  },
  {
    name: "one cell per line between blank lines",
    family: "pages that give every cell a paragraph of its own, with no row marks at all (Hunan 衔接资金, Hubei)",
    write: (form) => cellSequence(form).map((c) => (c === "" ? " " : c)).join("\n\n"),
  },
  {
    name: "one cell per line, no blank lines",
    family: "the same cells with nothing between them, as some browsers copy a table",
    write: (form) => cellSequence(form).map((c) => (c === "" ? " " : c)).join("\n"),
  },
  {
    name: "cells between pipe lines",
    family: "a cell per line with a lone `|` after each; two pipes hold an empty cell (Anhui 2024)",
    write: (form) => cellSequence(form).flatMap((c) => (c === "" ? ["|"] : [c, "|"])).join("\n"),
  },
  {
    name: "single-space rows",
    family: "one row per line, cells separated by a single space (PDF and old-site copies, Hunan 2018, Sichuan 2021)",
    write(form) {
      const row = (cells: PrintedRow) => cells.filter((c) => c !== undefined && c !== "").join(" ");
      return [...titleLines(form), ...headerPairs(form).map((p) => row(p)), row(columns(form).headers), ...printedRows(form, false).map(row)].join("\n");
    },
  },
  {
    name: "tree outline",
    family: "批复表 exported as an outline: the level is the indentation, the value on the next line (Ningxia)",
    write(form) {
      const lines: string[] = [...titleLines(form), "项目", "指标值", "绩效金额"];
      if (form.project.department) lines.push(` ${form.project.department.name}`);
      if (form.project.name) lines.push(`  ${form.project.name}`);
      if (form.funding.total !== undefined) lines.push(String(form.funding.total));
      for (const r of printedRows(form, false)) {
        if (r[0]) lines.push(`   ${r[0]}`);
        if (r[1]) lines.push(`    ${r[1]}`);
        if (r[2]) {
          lines.push(`     ${r[2]}`);
          lines.push(r[3] || " ");
        }
      }
      return lines.join("\n\n");
    },
  },
];
