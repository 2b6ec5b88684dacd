import { promises as fs } from "node:fs";
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Document } from "yaml";
import { z } from "zod";
import { PerfgoalError } from "../model/errors.js";
import type { PathKey } from "../model/path.js";
import type { Lang } from "../lint/types.js";
import { say } from "./messages.js";
import { PerfgoalConfig } from "./schema.js";
import { configError, describeAt, joinProblems, type LoadedConfig } from "./problems.js";

/** Read and validate a config file; every problem names its YAML path and line. */
export async function loadConfigFile(file: string, lang: Lang = "zh"): Promise<LoadedConfig> {
  let text: string;
  try {
    text = await fs.readFile(file, "utf8");
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new PerfgoalError("PG-E-CONFIG", say(code === "ENOENT" ? "notFound" : "unreadable", lang), { file, cause: e });
  }
  return parseConfigText(text, file, lang);
}

/** Validate config text (YAML or JSON). An empty file is an empty config. */
export function parseConfigText(text: string, file: string | undefined, lang: Lang = "zh"): LoadedConfig {
  const lc = new LineCounter();
  const doc = parseDocument(text.replace(/^\uFEFF/, ""), { lineCounter: lc, uniqueKeys: true, prettyErrors: false });
  const problem = doc.errors[0] ?? doc.warnings[0];
  if (problem) {
    const line = lc.linePos(problem.pos[0]).line;
    const at = line ? (lang === "zh" ? `第${line}行：` : `line ${line}: `) : "";
    throw configError(`${at}${problem.message.split("\n")[0]}`, file);
  }
  let data: unknown;
  try {
    data = doc.toJS();
  } catch (e) {
    throw configError((e as Error).message.split("\n")[0] ?? "", file);
  }
  const lineOf = (keys: readonly PathKey[]) => lineOfKeys(doc, lc, keys);
  const result = PerfgoalConfig.safeParse(data ?? {}, lang === "zh" ? { error: z.locales.zhCN().localeError } : { error: z.locales.en().localeError });
  if (!result.success) {
    const problems: string[] = [];
    for (const issue of result.error.issues) {
      const keys = issue.path.filter((k): k is string | number => typeof k !== "symbol");
      if (issue.code === "unrecognized_keys") {
        for (const key of issue.keys) problems.push(describeAt([...keys, key], lineOf, issue.message, lang));
      } else {
        const message = keys[0] === "rules" && keys.length === 2 ? say("ruleEntry", lang) : issue.message;
        problems.push(describeAt(keys, lineOf, message, lang));
      }
    }
    throw configError(joinProblems(problems, lang), file);
  }
  return { ...(file !== undefined ? { file } : {}), config: result.data, lineOf };
}

/** Line of the key (for a map entry) or the item (for a list entry) at `keys`. */
function lineOfKeys(doc: Document, lc: LineCounter, keys: readonly PathKey[]): number | undefined {
  let node: unknown = doc.contents;
  let offset: number | undefined = (node as { range?: [number] } | null)?.range?.[0];
  for (const key of keys) {
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(key));
      if (!pair) break;
      offset = (pair.key as { range?: [number] }).range?.[0] ?? offset;
      node = pair.value;
    } else if (isSeq(node) && typeof key === "number" && node.items[key]) {
      node = node.items[key];
      offset = (node as { range?: [number] }).range?.[0] ?? offset;
    } else break;
  }
  return offset === undefined ? undefined : lc.linePos(offset).line;
}
