/**
 * The schema's complaints about a YAML form, in both languages: zod's own messages (its zh-CN
 * locale for Chinese, asked for per call so English runs stay English), an unknown key with the
 * known key it nearly is (`nmae` → name), a long list of unknown keys cut short.
 */
import { z } from "zod";
import { didYouMean } from "../util/did-you-mean.js";
import type { Bilingual } from "./yaml-messages.js";
import { schemaAt, shapeOf } from "./yaml-repair.js";
import type { PathKey } from "./path.js";

/** Unknown keys named in a refusal, at most: a map of 100 000 stray keys must not become a megabyte line. */
const MAX_KEYS_NAMED = 5;

export interface SchemaIssue {
  /** Model path of the place the issue is about (an unknown key's own path when there is one). */
  keys: PathKey[];
  message: Bilingual;
}

/** zod's issues for `data` against `schema`, English and Chinese paired, unknown keys spelled out. */
export function schemaIssues(schema: z.ZodType, data: unknown, english: readonly z.core.$ZodIssue[]): SchemaIssue[] {
  // The same data fails the same way: the Chinese run lists the same issues in the same order.
  const zhResult = schema.safeParse(data, { error: z.locales.zhCN().localeError });
  const chinese = zhResult.success ? [] : zhResult.error.issues;
  return english.map((issue, i) => {
    const keys = issue.path.filter((k): k is string | number => typeof k !== "symbol");
    if (issue.code === "unrecognized_keys") return unknownKeys(schema, keys, issue.keys);
    return { keys, message: { zh: chinese[i]?.message ?? issue.message, en: issue.message } };
  });
}

function unknownKeys(schema: z.ZodType, keys: PathKey[], unknown: readonly string[]): SchemaIssue {
  const known = Object.keys(shapeOf(schemaAt(schema, keys) ?? schema) ?? {});
  if (unknown.length === 1) {
    const key = unknown[0]!;
    const near = didYouMean(key, known);
    const quoted = JSON.stringify(key);
    return {
      keys: [...keys, key],
      message: near
        ? { zh: `未知的键 ${quoted}，您是否想写 ${near}？`, en: `unknown key ${quoted}: did you mean ${near}?` }
        : { zh: `未知的键 ${quoted}`, en: `unknown key ${quoted}` },
    };
  }
  const named = unknown
    .slice(0, MAX_KEYS_NAMED)
    .map((k) => {
      const near = didYouMean(k, known);
      return { zh: near ? `${JSON.stringify(k)}（您是否想写 ${near}？）` : JSON.stringify(k), en: near ? `${JSON.stringify(k)} (did you mean ${near}?)` : JSON.stringify(k) };
    });
  const more = unknown.length > MAX_KEYS_NAMED ? ` … (${unknown.length})` : "";
  return {
    keys,
    message: { zh: `未知的键 ${named.map((n) => n.zh).join(", ")}${more}`, en: `unknown keys ${named.map((n) => n.en).join(", ")}${more}` },
  };
}
