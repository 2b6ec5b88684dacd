/**
 * The indicator table's column template, found in the token stream by its header words
 * (一级指标/二级指标/三级指标/指标内容/指标值/指标值及单位/绩效标准/备注/度量单位/权重 …, side-by-side
 * 长期|年度 halves and flat-export project columns included), wherever the rendering put them: one
 * per line, in one pipe row, or in one line split by spaces.
 */
import type { ColumnKey, FlatColumnKey } from "../../model/terms.js";
import { COLUMN_HEADERS } from "../../model/terms.js";
import type { PeriodKind } from "../extract/columns.js";
import type { Token } from "./tokens.js";
import { classify, isFusedHeader, tierLevel } from "./vocabulary.js";

export type ColumnRole = "block" | "blank" | "tier1" | "tier2" | "content" | "pre";

export interface TemplateColumn {
  role: ColumnRole;
  /** The canonical column (content, tier) or the flat-export column (pre). */
  key?: ColumnKey | FlatColumnKey;
  period?: PeriodKind;
  /** The header as printed (a canonical one for an implicit template). */
  header: string;
}

export interface Template {
  columns: TemplateColumn[];
  /** Token index of the first header token, and the index after the last one. */
  start: number;
  end: number;
  /** No header row was printed: an outline whose levels are the tiers (批复表 trees). */
  implicit: boolean;
}

/** How far an outline's first 一级 label may stand from its 指标值 header, in tokens. */
const OUTLINE_REACH = 8;

/** The first template at or after `from`, or undefined. */
export function findTemplate(tokens: readonly Token[], from = 0): Template | undefined {
  for (let i = from; i < tokens.length; i++) {
    const k = classify(tokens[i]!.text);
    if (k.kind !== "header" && k.kind !== "block") continue;
    const t = templateAt(tokens, i);
    if (t) return t;
  }
  return undefined;
}

/** A template whose header run starts at `i`. */
export function templateAt(tokens: readonly Token[], i: number): Template | undefined {
  const columns: TemplateColumn[] = [];
  let j = i;
  let lastHeader = i;
  for (; j < tokens.length; j++) {
    const tok = tokens[j]!;
    if (tok.text === "") {
      // An empty header cell on the header's own line is a column (an unlabelled block column).
      if (tok.line === tokens[lastHeader]!.line && columns.length > 0) columns.push({ role: "blank", header: "" });
      continue;
    }
    const k = classify(tok.text);
    if (k.kind === "block" && columns.some((c) => c.role !== "block" && c.role !== "blank")) {
      // `绩效指标` right of a 二级 column is the 三级 header; any other block label after the
      // columns opens the first data row (block labels stand left of the table).
      if (!columns.some((c) => c.role === "tier2") || columns.some((c) => c.key === "tier3")) break;
      columns.push({ role: "content", key: "tier3", header: tok.text });
    } else if (k.kind === "block") columns.push({ role: "block", period: k.period, header: tok.text });
    else if (k.kind === "header" && k.hit.kind === "indicator") {
      const role = k.hit.key === "tier1" ? "tier1" : k.hit.key === "tier2" ? "tier2" : "content";
      columns.push({ role, key: k.hit.key, ...(k.hit.period ? { period: k.hit.period } : {}), header: tok.text });
    } else if (k.kind === "header" && k.hit.kind === "flat") columns.push({ role: "pre", key: k.hit.key, header: tok.text });
    else break;
    lastHeader = j;
  }
  while (columns.at(-1)?.role === "blank") columns.pop();
  if (!isTemplate(columns)) return undefined;
  return { columns, start: i, end: lastHeader + 1, implicit: false };
}

/** The same test the grid extractor applies to a header row: a value column, a tier column, three columns. */
function isTemplate(columns: TemplateColumn[]): boolean {
  const keys = new Set(columns.map((c) => c.key));
  const indicatorColumns = columns.filter((c) => c.role === "tier1" || c.role === "tier2" || c.role === "content");
  return keys.has("value") && (keys.has("tier1") || keys.has("tier2") || keys.has("tier3")) && indicatorColumns.length >= 3;
}

/**
 * An outline (a tree export): a `指标值` header, then within a few tokens a 一级 label and a 二级
 * label. Its levels are 一级 › 二级 › 三级 with the value on the next line.
 */
export function findOutlineTemplate(tokens: readonly Token[]): Template | undefined {
  for (let i = 0; i < tokens.length; i++) {
    const k = classify(tokens[i]!.text);
    if (k.kind !== "header" || k.hit.kind !== "indicator" || k.hit.key !== "value") continue;
    for (let j = i + 1; j < Math.min(tokens.length, i + OUTLINE_REACH + 1); j++) {
      const level = tierLevel(tokens[j]!.text);
      if (level === undefined) continue;
      const next = tokens.slice(j + 1).find((t) => t.text !== "");
      if (level === 2 || tierLevel(next?.text ?? "") === undefined) return undefined;
      return {
        columns: [
          { role: "tier1", key: "tier1", header: COLUMN_HEADERS.tier1[0] },
          { role: "tier2", key: "tier2", header: COLUMN_HEADERS.tier2[0] },
          { role: "content", key: "tier3", header: COLUMN_HEADERS.tier3[0] },
          { role: "content", key: "value", header: COLUMN_HEADERS.value[1] },
        ],
        start: i,
        end: i + 1,
        implicit: true,
      };
    }
  }
  return undefined;
}

/** A token that is several column headers run together: the table's cells are fused. */
export function findFusedHeader(tokens: readonly Token[]): Token | undefined {
  return tokens.find((t) => isFusedHeader(t.text));
}
