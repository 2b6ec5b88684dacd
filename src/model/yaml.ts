import { Composer, Document, isAlias, isMap, isNode, isPair, isScalar, isSeq, LineCounter, Parser, type Node, type YAMLError } from "yaml";
import type { z } from "zod";
import { Form } from "./form.js";
import { parseRowValue } from "./value-parse.js";
import { PerfgoalError } from "./errors.js";
import type { SourceMap } from "./location.js";
import { pathToString, type PathKey } from "./path.js";
import type { ReadingNote } from "./reading-notes.js";
import { schemaIssues } from "./schema-issues.js";
import { findSlip, unclosedQuoteLine, yamlErrorMessage } from "./yaml-messages.js";
import { knownKeys, repairForm } from "./yaml-repair.js";

export interface LoadedForm {
  form: Form;
  sourceMap: SourceMap;
  /** Fields read with a repair (an amount typed as text, a default taken …), for the findings. */
  notes: ReadingNote[];
}

/** Keys of the form, for spotting a key in a line a keyboard slip broke. */
let formKeys: Set<string> | undefined;
const keysOfForm = () => (formKeys ??= knownKeys(Form));

/**
 * Expand `value: "≥90%"` shorthand and recompute every parsed value from its raw text (with the
 * row's 指标性质 / 度量单位 columns, as the extractor does).
 */
function normaliseValues(data: unknown, scalars: ReadonlyMap<string, string>): void {
  if (!data || typeof data !== "object") return;
  const indicators = (data as { indicators?: Record<string, unknown> }).indicators;
  if (!indicators || typeof indicators !== "object") return;
  for (const table of ["annual", "longTerm"]) {
    const rows = indicators[table];
    if (!Array.isArray(rows)) continue;
    rows.forEach((row, i) => {
      if (!row || typeof row !== "object") return;
      const r = row as { value?: unknown; comparison?: unknown; unit?: unknown };
      const column = (v: unknown) => (typeof v === "string" ? v : undefined);
      let raw: string | undefined;
      // `value: 1.50` is the text 1.50 as typed, not the number YAML made of it.
      if (typeof r.value === "number") raw = scalars.get(`indicators.${table}[${i}].value`) ?? String(r.value);
      else if (typeof r.value === "string") raw = r.value;
      else if (r.value && typeof r.value === "object" && typeof (r.value as { raw?: unknown }).raw === "string") raw = (r.value as { raw: string }).raw;
      else if (r.value === undefined || r.value === null) raw = "";
      if (raw !== undefined) r.value = parseRowValue(raw, column(r.comparison), column(r.unit));
    });
  }
}

/**
 * Forms nest about six levels. Deeper input is refused before the YAML parser sees it: its time and
 * memory grow steeply with flow nesting (`[[[[…`), and converting deep nodes recurses.
 */
const MAX_NESTING = 100;
/** Indentation levels the parser handles without overflowing its stack (it fails near 2000). */
const MAX_BLOCK_LEVELS = 500;

/**
 * Offset where the text first nests deeper than MAX_NESTING: unclosed `[`/`{` (quotes ignored, so it
 * errs towards refusing), or compact block indicators opening a line (`- - - - 1`).
 */
function nestingTooDeep(text: string): number | undefined {
  let depth = 0;
  let lineStart = true;
  /** Indentations of the block levels open at this line (the parser recurses once per level). */
  const indents: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (lineStart) {
      lineStart = false;
      let j = i;
      while (text[j] === " ") j++;
      const indent = j - i;
      const first = text[j];
      if (first !== undefined && first !== "\n" && first !== "\r" && first !== "#") {
        while (indents.length > 0 && indents[indents.length - 1]! > indent) indents.pop();
        if (indents.length === 0 || indents[indents.length - 1]! < indent) indents.push(indent);
      }
      // Block levels are refused with their path after parsing (walk); only depths that would
      // overflow the parser's stack are stopped here.
      if (indents.length > MAX_BLOCK_LEVELS) return j;
      let compact = 0;
      for (;;) {
        while (text[j] === " ") j++;
        const c = text[j];
        if ((c === "-" || c === "?" || c === ":") && (text[j + 1] === " " || text[j + 1] === "\t")) {
          if (++compact > MAX_NESTING) return j;
          j += 2;
        } else break;
      }
    }
    if (ch === 0x0a) lineStart = true;
    else if (ch === 0x5b || ch === 0x7b) {
      if (++depth > MAX_NESTING) return i;
    } else if ((ch === 0x5d || ch === 0x7d) && depth > 0) depth--;
  }
  return undefined;
}

/** Every node with its model path, depth first, without recursion; stops descending at MAX_NESTING + 1. */
function* walk(root: unknown): Generator<{ node: Node; keys: PathKey[]; keyOf?: Node }> {
  const stack: { node: unknown; keys: PathKey[]; keyOf?: Node }[] = [{ node: root, keys: [] }];
  while (stack.length > 0) {
    const { node, keys, keyOf } = stack.pop()!;
    if (!isNode(node)) continue;
    yield keyOf ? { node, keys, keyOf } : { node, keys };
    if (keys.length > MAX_NESTING) continue;
    const children: { node: unknown; keys: PathKey[]; keyOf?: Node }[] = [];
    if (isMap(node)) {
      for (const item of node.items) {
        if (!isPair(item)) continue;
        const key = isScalar(item.key) ? String(item.key.value) : String(item.key);
        // A key without a value (`name:`) stands for its own path.
        const value = isNode(item.value) ? item.value : item.key;
        children.push({ node: value, keys: [...keys, key], ...(isNode(item.key) && value !== item.key ? { keyOf: item.key } : {}) });
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, i) => children.push({ node: item, keys: [...keys, i] }));
    }
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
  }
}

/**
 * Record the line of every node under its model path (a key's own line when its value has none),
 * and the source text of each number and true/false, which YAML typed from what was written.
 */
function mapLines(root: unknown, lc: LineCounter, out: SourceMap, scalars: Map<string, string>): void {
  const at = (n: Node) => {
    const pos = lc.linePos(n.range![0]);
    return { kind: "line" as const, line: pos.line, col: pos.col };
  };
  for (const { node, keys, keyOf } of walk(root)) {
    const path = pathToString(keys);
    if (keyOf?.range) out.set(path, at(keyOf));
    if (node.range) out.set(path, at(node));
    if (isScalar(node) && (typeof node.value === "number" || typeof node.value === "boolean") && node.source !== undefined) scalars.set(path, node.source);
  }
}

/** The deepest model path whose node spans `offset`: where a YAML problem sits. */
function pathAt(root: unknown, offset: number): PathKey[] | undefined {
  let best: PathKey[] | undefined;
  for (const { node, keys } of walk(root)) {
    const r = node.range;
    if (r && r[0] <= offset && offset <= r[2] && (!best || keys.length >= best.length)) best = keys;
  }
  return best;
}

/** A YAML-level problem as PG-E-YAML, with its model path and line when known. */
function yamlError(message: string | { zh: string; en: string }, where: { path?: PathKey[] | undefined; line?: number | undefined }, file?: string, cause?: unknown): PerfgoalError {
  // Keys of a damaged file may hold control characters: show them as escapes, not raw bytes.
  // A path hundreds of keys deep is cut to its start and end: the line says where it is.
  const keys = where.path && where.path.length > 8 ? where.path.slice(0, 4) : where.path;
  const elided = where.path && where.path.length > 8 ? `…${pathToString(where.path.slice(-2)).replace(/^(?!\[)/, ".")}` : "";
  const path = keys && keys.length > 0 ? (pathToString(keys) + elided).replace(/[\u0000-\u001f\u007f-\u009f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`) : "";
  const prefix = (line: string) => (path && line ? `${path} (${line}): ` : path || line ? `${path}${line}: ` : "");
  const zh = typeof message === "string" ? message : message.zh;
  const en = typeof message === "string" ? message : message.en;
  return new PerfgoalError(
    "PG-E-YAML",
    { zh: prefix(where.line ? `第${where.line}行` : "") + zh, en: prefix(where.line ? `line ${where.line}` : "") + en },
    { file, cause },
  );
}

function lineOf(map: SourceMap, keys: readonly PathKey[]): number | undefined {
  for (let k = keys.length; k >= 0; k--) {
    const loc = map.get(pathToString(keys.slice(0, k)));
    if (loc?.kind === "line") return loc.line;
  }
  return undefined;
}

/** YAML text holding exactly one form → Form (see `loadFormsYaml` for streams). */
export function loadFormYaml(text: string, file?: string): LoadedForm {
  const forms = loadFormsYaml(text, file);
  if (forms.length !== 1) throw yamlError({ zh: `文件含 ${forms.length} 份表单（YAML 流），此处只接受一份`, en: `the file holds ${forms.length} forms (a YAML stream); one is expected here` }, {}, file);
  return forms[0]!;
}

/**
 * YAML text → Forms, validated: one per document of the stream (`---` separated, as
 * `formsToYaml` writes a file holding several projects). Each problem is reported with its YAML
 * path and line.
 */
export function loadFormsYaml(text: string, file?: string): LoadedForm[] {
  const lc = new LineCounter();
  const tooDeep = nestingTooDeep(text);
  if (tooDeep !== undefined) {
    let line = 1;
    for (let i = text.indexOf("\n"); i >= 0 && i < tooDeep; i = text.indexOf("\n", i + 1)) line++;
    throw yamlError({ zh: `嵌套超过 ${MAX_NESTING} 层`, en: `nested deeper than ${MAX_NESTING} levels` }, { line }, file);
  }
  const docs = composeDocuments(text, lc, file);
  if (docs.length === 0) throw yamlError({ zh: "文件中没有 YAML 文档", en: "no YAML document in the file" }, {}, file);
  return docs.map((doc) => loadDocument(doc, text, lc, file));
}

/**
 * Forms one YAML file may hold. A form is some 15 KB, so the 4 MB a YAML file may have hold
 * about 270; a stream of tiny or empty documents (`---` a million times) is refused at the
 * first document past the cap, before the rest are built.
 */
export const MAX_YAML_FORMS = 1000;

/** The documents of the stream, composed one at a time so that counting them costs no more than the cap. */
function composeDocuments(text: string, lc: LineCounter, file: string | undefined): Document[] {
  const docs: Document[] = [];
  try {
    const parser = new Parser(lc.addNewLine);
    // Duplicate keys are checked later, in one pass: the parser's own check is quadratic in a map's size.
    const composer = new Composer({ uniqueKeys: false, version: "1.2", schema: "core", strict: true, logLevel: "error" });
    for (const doc of composer.compose(parser.parse(text))) {
      if (docs.length === MAX_YAML_FORMS) {
        throw new PerfgoalError(
          "PG-E-TOO-LARGE",
          {
            zh: `YAML 流超过 ${MAX_YAML_FORMS} 份表单（第${lc.linePos(doc.range[0]).line}行起为第 ${MAX_YAML_FORMS + 1} 份），请拆分为多个文件`,
            en: `a YAML stream of more than ${MAX_YAML_FORMS} forms (form ${MAX_YAML_FORMS + 1} starts at line ${lc.linePos(doc.range[0]).line}): split it into several files`,
          },
          { file },
        );
      }
      docs.push(doc);
    }
  } catch (e) {
    if (e instanceof PerfgoalError) throw e;
    throw yamlError(yamlErrorMessage({ code: (e as YAMLError).code, message: (e as Error).message }), {}, file, e);
  }
  return docs;
}

/** The first keyboard slip inside this document of the stream, outside its text values. */
function slipIn(doc: Document, text: string) {
  // Values spanning lines (goal prose in a `|` block), in document order as walk gives them.
  const scalars: [number, number][] = [];
  for (const { node } of walk(doc.contents)) {
    if (!isScalar(node) || !node.range) continue;
    const newline = text.indexOf("\n", node.range[0]);
    if (newline >= 0 && newline < node.range[1]) scalars.push([node.range[0], node.range[1]]);
  }
  return findSlip(text, keysOfForm(), doc.range?.[0] ?? 0, doc.range?.[2] ?? text.length, scalars);
}

/**
 * A YAML problem as the clerk should hear it: the slip of the keyboard that caused it when the
 * document shows one (a full-width colon, a tab …), else the yaml package's error translated.
 */
function syntaxError(doc: Document, p: YAMLError, text: string, lc: LineCounter, file: string | undefined): PerfgoalError {
  const offset = p.pos[0];
  const line = lc.linePos(offset).line;
  const slip = slipIn(doc, text);
  if (slip && slip.line <= line) return yamlError(slip, { line: slip.line }, file);
  const message = yamlErrorMessage(p);
  if (p.code === "MISSING_CHAR" && /quote/i.test(p.message)) {
    const opened = unclosedQuoteLine(text, line, doc.range?.[0] ?? 0);
    if (opened !== undefined) return yamlError(message, { line: opened }, file);
  }
  return yamlError(message, { path: pathAt(doc.contents, offset), line }, file);
}

/** A document the schema refuses: a keyboard slip when one explains it, else each issue by path and line. */
function schemaError(doc: Document, text: string, data: unknown, issues: readonly z.core.$ZodIssue[], sourceMap: SourceMap, file: string | undefined): PerfgoalError {
  const slip = slipIn(doc, text);
  if (slip) return yamlError(slip, { line: slip.line }, file);
  const shown = schemaIssues(Form, data, issues.slice(0, 5)).map((issue) => ({ path: pathToString(issue.keys), line: lineOf(sourceMap, issue.keys), message: issue.message }));
  const extra = issues.length - shown.length;
  const zh = shown.map((i) => `${i.path || "(根)"}${i.line ? ` (第${i.line}行)` : ""}: ${i.message.zh}`).join("；") + (extra > 0 ? `；另有 ${extra} 处` : "");
  const en = shown.map((i) => `${i.path || "(root)"}${i.line ? ` (line ${i.line})` : ""}: ${i.message.en}`).join("; ") + (extra > 0 ? `; ${extra} more` : "");
  return new PerfgoalError("PG-E-SCHEMA", { zh, en }, { file });
}

/** One document of a stream → Form, with every problem reported by YAML path and line. */
function loadDocument(doc: Document, text: string, lc: LineCounter, file: string | undefined): LoadedForm {
  const problems = [...doc.errors, ...doc.warnings];
  if (problems.length > 0) throw syntaxError(doc, problems[0]!, text, lc, file);
  for (const { node, keys } of walk(doc.contents)) {
    const line = node.range ? lc.linePos(node.range[0]).line : undefined;
    // Forms never need anchors: refusing aliases removes alias bombs outright.
    if (isAlias(node)) throw yamlError({ zh: "不支持 YAML 别名 (*alias)", en: "YAML aliases (*alias) are not supported" }, { path: keys, line }, file);
    if (isMap(node)) {
      // `? [a, b]: 1` would become the key "a,b" (with a warning): refuse it instead.
      const complex = node.items.find((item) => isNode(item.key) && !isScalar(item.key))?.key as Node | undefined;
      if (complex) throw yamlError({ zh: "键必须是文本，不能是列表或映射", en: "keys must be text, not lists or maps" }, { path: keys, line: complex.range ? lc.linePos(complex.range[0]).line : line }, file);
      // A key written twice is refused, never last-one-wins.
      const seen = new Set<string>();
      for (const item of node.items) {
        if (!isScalar(item.key)) continue;
        const key = String(item.key.value);
        if (seen.has(key)) {
          const at = item.key.range ? lc.linePos(item.key.range[0]).line : line;
          throw yamlError({ zh: `键“${key}”重复`, en: `duplicate key “${key}”` }, { path: keys, line: at }, file);
        }
        seen.add(key);
      }
    }
    if (keys.length > MAX_NESTING) throw yamlError({ zh: `嵌套超过 ${MAX_NESTING} 层`, en: `nested deeper than ${MAX_NESTING} levels` }, { path: keys.slice(0, 3), line }, file);
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 0 });
  } catch (e) {
    throw yamlError(yamlErrorMessage({ code: (e as YAMLError).code, message: (e as Error).message }), {}, file, e);
  }
  const sourceMap: SourceMap = new Map();
  const scalars = new Map<string, string>();
  mapLines(doc.contents, lc, sourceMap, scalars);
  const { notes } = repairForm(data, scalars);
  normaliseValues(data, scalars);
  const result = Form.safeParse(data);
  if (!result.success) throw schemaError(doc, text, data, result.error.issues, sourceMap, file);
  return { form: result.data, sourceMap, notes };
}

