/**
 * Fixes written back into the YAML a clerk edits: each changed text is replaced where it stands in
 * the file (found through the yaml package's Document nodes and their source ranges), so comments,
 * key order, quoting and every other byte stay as they were. The result is read back and must hold
 * exactly the intended values, or nothing is written.
 */
import { Composer, isMap, isScalar, Parser, type Document, type Node, type Scalar } from "yaml";
import type { Form } from "../model/form.js";
import { PerfgoalError } from "../model/errors.js";
import { parsePath, type PathKey } from "../model/path.js";
import type { IndicatorValue } from "../model/value.js";
import { ambiguousInYaml11 } from "../model/yaml11.js";
import type { FieldEdit } from "../rules/types.js";

/** The parsed parts a value map may carry beside `raw`; the loader derives them again, so they are kept in step. */
const DERIVED_SCALARS = ["kind", "comparison", "symbol", "unit", "approximate"] as const;

/** One scalar to replace: where it is in the text and in the document, and the value it gets. */
interface Replacement {
  start: number;
  end: number;
  /** The replaced source ends with a line break (a block scalar): the new one keeps it. */
  endsLine: boolean;
  type: Scalar["type"];
  keys: PathKey[];
  value: string | boolean;
  doc: number;
}

function composeAll(text: string, file: string | undefined): Document[] {
  const composer = new Composer({ uniqueKeys: false, version: "1.2", schema: "core", strict: true, logLevel: "error" });
  const docs = [...composer.compose(new Parser().parse(text))];
  for (const doc of docs) {
    const problem = doc.errors[0];
    if (problem) throw new PerfgoalError("PG-E-YAML", problem.message.split("\n")[0]!, { file });
  }
  return docs;
}

function notThere(path: string, file: string | undefined): PerfgoalError {
  return new PerfgoalError(
    "PG-E-YAML",
    { zh: `${path}：文件中此处的文本与读取时不同，未作修改`, en: `${path}: the text there is not what was read; nothing was changed` },
    { file },
  );
}

function scalarAt(doc: Document, keys: PathKey[]): Scalar | undefined {
  const node = doc.getIn(keys, true);
  return isScalar(node) && node.range ? node : undefined;
}

function replacementOf(text: string, doc: number, node: Scalar, keys: PathKey[], value: string | boolean): Replacement {
  const [start, end] = node.range!;
  return { start, end, endsLine: text.slice(start, end).endsWith("\n"), type: node.type, keys, value, doc };
}

/** The scalars to replace for one edit of form `doc` (`fixed`: that form with the fixes applied). */
function replacementsFor(text: string, docs: Document[], doc: number, edit: FieldEdit, fixed: Form, file: string | undefined): Replacement[] {
  const keys = parsePath(edit.path);
  const d = docs[doc]!;
  const isValueRaw = keys.length >= 2 && keys[keys.length - 1] === "raw" && keys[keys.length - 2] === "value";
  if (isValueRaw) {
    const valueKeys = keys.slice(0, -1);
    const node = d.getIn(valueKeys, true) as Node | undefined;
    // `value: "≥90%"`: the shorthand stays a string.
    if (isScalar(node) && node.range) {
      if (String(node.value) !== edit.from) throw notThere(edit.path, file);
      return [replacementOf(text, doc, node, valueKeys, edit.to)];
    }
    if (!isMap(node)) throw notThere(edit.path, file);
    const raw = scalarAt(d, keys);
    if (!raw || String(raw.value) !== edit.from) throw notThere(edit.path, file);
    const out = [replacementOf(text, doc, raw, keys, edit.to)];
    const now = valueAt(fixed, valueKeys);
    for (const key of DERIVED_SCALARS) {
      const derived = scalarAt(d, [...valueKeys, key]);
      const next = now?.[key];
      if (derived && next !== undefined && derived.value !== next) out.push(replacementOf(text, doc, derived, [...valueKeys, key], next));
    }
    return out;
  }
  const node = scalarAt(d, keys);
  if (!node || String(node.value) !== edit.from) throw notThere(edit.path, file);
  return [replacementOf(text, doc, node, keys, edit.to)];
}

function valueAt(form: Form, keys: PathKey[]): IndicatorValue | undefined {
  let node: unknown = form;
  for (const k of keys) node = node && typeof node === "object" ? (node as Record<PathKey, unknown>)[k] : undefined;
  return node && typeof node === "object" ? (node as IndicatorValue) : undefined;
}

/** The scalar as YAML source, in the style it was written in when that can hold the new text. */
function scalarSource(r: Replacement, plainAllowed: boolean): string {
  if (typeof r.value === "boolean") return String(r.value);
  const text = r.value;
  let out: string;
  if (r.type === "PLAIN" && plainAllowed && text !== "" && !ambiguousInYaml11(text) && !/^\s|\s$|\n/.test(text)) out = text;
  else if (r.type === "QUOTE_SINGLE" && !text.includes("\n")) out = `'${text.replace(/'/g, "''")}'`;
  // JSON strings are YAML double-quoted scalars.
  else out = JSON.stringify(text);
  return r.endsLine ? `${out}\n` : out;
}

function splice(text: string, replacements: readonly Replacement[], plainAllowed: boolean): string {
  let out = text;
  for (const r of [...replacements].sort((a, b) => b.start - a.start)) out = out.slice(0, r.start) + scalarSource(r, plainAllowed) + out.slice(r.end);
  return out;
}

function setIn(target: unknown, keys: readonly PathKey[], value: unknown): void {
  let node = target as Record<PathKey, unknown>;
  for (const k of keys.slice(0, -1)) node = node[k] as Record<PathKey, unknown>;
  node[keys[keys.length - 1]!] = value;
}

/** Whether `edited` reads as `original` with exactly the replacements made. */
function readsAsIntended(original: Document[], edited: string, replacements: readonly Replacement[]): boolean {
  let docs: Document[];
  try {
    docs = composeAll(edited, undefined);
  } catch {
    return false;
  }
  if (docs.length !== original.length) return false;
  return original.every((doc, i) => {
    const expected = doc.toJS({ maxAliasCount: 0 }) as unknown;
    for (const r of replacements) if (r.doc === i) setIn(expected, r.keys, r.value);
    return JSON.stringify(docs[i]!.toJS({ maxAliasCount: 0 })) === JSON.stringify(expected);
  });
}

/**
 * The YAML text with each form's edits made (`edits[i]` for the i-th document of the stream,
 * `fixed[i]` that form after the fixes). Throws PG-E-YAML, and changes nothing, when a field is not
 * where the form was read from or the edited text would not read back as intended.
 */
export function editYamlText(text: string, edits: readonly (readonly FieldEdit[])[], fixed: readonly Form[], file?: string): string {
  const docs = composeAll(text, file);
  const replacements = edits.flatMap((list, doc) => list.flatMap((e) => replacementsFor(text, docs, doc, e, fixed[doc]!, file)));
  if (replacements.length === 0) return text;
  // A plain scalar stays plain when the new text reads back the same; otherwise it is quoted.
  for (const plainAllowed of [true, false]) {
    const edited = splice(text, replacements, plainAllowed);
    if (readsAsIntended(docs, edited, replacements)) return edited;
  }
  throw new PerfgoalError(
    "PG-E-YAML",
    { zh: "修正后的 YAML 读回与预期不同，未写入", en: "the fixed YAML did not read back as intended; nothing was written" },
    { file },
  );
}
