import { Document, isMap, isScalar, isSeq, type Node, type Pair, type Scalar, type YAMLMap } from "yaml";
import { z } from "zod";
import { Form } from "./form.js";
import { keyComment } from "./yaml-comments.js";
import { parsePath, type PathKey } from "./path.js";
import type { AmountUnit } from "./terms.js";
import { ambiguousInYaml11 } from "./yaml11.js";

/** Where the schema is published; the header names it when the YAML's location is not known. */
export const SCHEMA_URL = "https://unpkg.com/perfgoal/schemas/perfgoal.schema.json";
const HEADER_PREFIX = "# yaml-language-server: $schema=";

/** The first line of every YAML perfgoal writes: the schema editors check the file against. */
export function schemaHeader(ref: string = SCHEMA_URL): string {
  return `${HEADER_PREFIX}${ref}\n`;
}

export interface YamlWriteOptions {
  /** The schema the header line names (a URL, or a path relative to the YAML's folder); default SCHEMA_URL. */
  schemaRef?: string;
  /** Write a form to fill in (`perfgoal init`) rather than one read from somewhere. */
  template?: YamlTemplate;
}

export interface YamlTemplate {
  /**
   * Number fields left blank (`funding.total`, `year`): written as commented-out keys where they
   * belong, so the clerk sees every field. Text fields are blank as `""`; 指标值 are written as
   * `raw` alone, the one field the clerk fills.
   */
  blankNumbers: readonly string[];
  /** Comment lines after the header line, before the first key: how to fill the form in. */
  intro: string;
}

/** The Form in its canonical key order (the schema's), without the parsed value fields recomputed. */
export function canonicalForm(form: Form): Form {
  return Form.parse(form);
}

/**
 * Form → YAML text: schema key order, Chinese as is, no line folding, a schema header line, and a
 * Chinese comment beside each key. In a list (the indicator rows) each key is explained at its
 * first appearance only: a 61-row table must not triple in size.
 */
export function formToYaml(form: Form, options: YamlWriteOptions = {}): string {
  const canonical = canonicalForm(form);
  const template = options.template;
  const doc = new Document(template ? rawValuesOnly(canonical) : canonical, { version: "1.2" });
  annotate(doc.contents, [], canonical.amountUnit, new Set());
  if (template) {
    doc.commentBefore = template.intro.split("\n").map((l) => ` ${l}`.trimEnd()).join("\n");
    for (const group of blankGroups(template.blankNumbers)) addBlankLines(doc, group, canonical.amountUnit);
  }
  return schemaHeader(options.schemaRef) + doc.toString({ lineWidth: 0, minContentWidth: 0, indentSeq: true, flowCollectionPadding: false });
}

/** Several forms (one file holding several projects) are written as a YAML stream. */
export function formsToYaml(forms: Form[], options: YamlWriteOptions = {}): string {
  return forms.map((f, i) => (i === 0 ? formToYaml(f, options) : `---\n${withoutSchemaHeader(formToYaml(f, options))}`)).join("");
}

/** YAML text written by formToYaml, its header naming `ref` instead. */
export function withSchemaRef(yaml: string, ref: string): string {
  return schemaHeader(ref) + withoutSchemaHeader(yaml);
}

/** YAML text written by formToYaml without its header line (a later document of a stream). */
export function withoutSchemaHeader(yaml: string): string {
  if (!yaml.startsWith(HEADER_PREFIX)) throw new Error("not YAML written by formToYaml: no schema header line");
  return yaml.slice(yaml.indexOf("\n") + 1);
}

/** The form with each 指标值 as its raw text alone (the loader derives the rest). */
function rawValuesOnly(form: Form): unknown {
  const rows = (list: Form["indicators"]["annual"]) => list.map((row) => ({ ...row, value: { raw: row.value.raw } }));
  const { longTerm } = form.indicators;
  return { ...form, indicators: { annual: rows(form.indicators.annual), ...(longTerm ? { longTerm: rows(longTerm) } : {}) } };
}

const FLOW_LISTS = new Set(["numbers", "wanYuan"]);

/** Comments beside keys, flow style for number lists, quotes for what YAML 1.1 would misread. */
function annotate(node: unknown, path: PathKey[], unit: AmountUnit, explained: Set<string>): void {
  if (isScalar(node)) {
    // `comparison: =` or `period: 2023-12-31` would be a value type or a date to a YAML 1.1 reader.
    if (typeof node.value === "string" && ambiguousInYaml11(node.value)) node.type = "QUOTE_DOUBLE";
  } else if (isSeq(node)) {
    node.items.forEach((item, i) => annotate(item, [...path, i], unit, explained));
  } else if (isMap(node)) {
    for (const pair of node.items as Pair<Scalar, Node>[]) {
      const keyPath = [...path, String(pair.key.value)];
      // Number lists read best on one line: `numbers: [1, 2]`.
      if (isSeq(pair.value) && FLOW_LISTS.has(String(pair.key.value))) pair.value.flow = true;
      const pattern = keyPath.map((k) => (typeof k === "number" ? "[]" : k)).join(".");
      const comment = explained.has(pattern) ? undefined : keyComment(keyPath, unit);
      if (comment !== undefined) {
        explained.add(pattern);
        // Beside a scalar or a one-line list or map (`{}`); after the key of a block map or list.
        if ((isMap(pair.value) || isSeq(pair.value)) && pair.value.items.length === 0) pair.value.flow = true;
        const inline = isScalar(pair.value) || ((isSeq(pair.value) || isMap(pair.value)) && pair.value.flow);
        if (inline && pair.value) pair.value.comment = ` ${comment}`;
        else pair.key.comment = ` ${comment}`;
      }
      annotate(pair.value, keyPath, unit, explained);
    }
  }
}

/** Blank number fields under one existing map: its path, and the paths below it to write. */
interface BlankGroup {
  parent: PathKey[];
  fields: PathKey[][];
}

function blankGroups(paths: readonly string[]): BlankGroup[] {
  const groups = new Map<string, BlankGroup>();
  for (const p of paths) {
    const keys = parsePath(p);
    const parent = keys.slice(0, -1);
    const id = parent.join(".");
    const group = groups.get(id) ?? { parent, fields: [] };
    group.fields.push(keys);
    groups.set(id, group);
  }
  return [...groups.values()];
}

/** The zod object schema at a model path (optional wrappers and lists looked through). */
function objectSchemaAt(path: readonly PathKey[]): z.ZodObject | undefined {
  let s: z.ZodType = Form;
  for (const key of path) {
    while (s instanceof z.ZodOptional) s = s.unwrap() as z.ZodType;
    if (typeof key === "number") {
      if (!(s instanceof z.ZodArray)) return undefined;
      s = s.element as z.ZodType;
    } else {
      if (!(s instanceof z.ZodObject)) return undefined;
      s = s.shape[key] as z.ZodType;
      if (!s) return undefined;
    }
  }
  while (s instanceof z.ZodOptional) s = s.unwrap() as z.ZodType;
  return s instanceof z.ZodObject ? s : undefined;
}

/** The pair whose value sits at `path` (its key holds the comment of a block value). */
function pairAt(doc: Document, path: readonly PathKey[]): Pair<Scalar, Node> | undefined {
  const parent = path.length === 1 ? doc.contents : doc.getIn(path.slice(0, -1), true);
  if (!isMap(parent)) return undefined;
  return (parent as YAMLMap<Scalar, Node>).items.find((p) => String(p.key.value) === String(path.at(-1)));
}

const EMPTY_MAP_HINT = " 填写下列数字项时，删去上一行的 {}，并去掉所填行行首的 #";

/**
 * Commented-out keys for blank number fields, where the schema puts them: before the next key the
 * map holds, else after its last. The loader reads a key with no value as an error today, so the
 * clerk removes the `# ` when filling the field in.
 */
function addBlankLines(doc: Document, group: BlankGroup, unit: AmountUnit): void {
  const map = group.parent.length === 0 ? doc.contents : doc.getIn(group.parent, true);
  const schema = objectSchemaAt(group.parent);
  if (!isMap(map) || !schema) throw new Error(`blank fields under ${group.parent.join(".") || "(root)"}: no such map in the form`);
  const order = Object.keys(schema.shape);
  const present = (map as YAMLMap<Scalar, Node>).items;
  const blanks = group.fields.map((keys) => String(keys.at(-1))).sort((a, b) => order.indexOf(a) - order.indexOf(b));
  const line = (key: string) => ` ${key}: # ${keyComment([...group.parent, key], unit) ?? ""}`.trimEnd();
  // An empty map is written `{}`, which a key filled in below would contradict: `{}` takes a line
  // of its own (its note goes beside the key), and a line under it says to remove it.
  if (present.length === 0) {
    const owner = group.parent.length > 0 ? pairAt(doc, group.parent) : undefined;
    if (owner && map.comment) owner.key.comment = map.comment;
    map.flow = false;
    map.comment = EMPTY_MAP_HINT;
  }
  for (const key of blanks) {
    if (present.some((p) => String(p.key.value) === key)) throw new Error(`blank field ${key} holds a value`);
    const next = present.find((p) => order.indexOf(String(p.key.value)) > order.indexOf(key));
    if (next) next.key.commentBefore = next.key.commentBefore ? `${next.key.commentBefore}\n${line(key)}` : line(key);
    else map.comment = map.comment ? `${map.comment}\n${line(key)}` : line(key);
  }
}
