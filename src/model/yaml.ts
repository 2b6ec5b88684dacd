import { Document, isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Node } from "yaml";
import { Form } from "./form.js";
import { parseValue } from "./value-parse.js";
import { PerfgoalError } from "./errors.js";
import type { SourceMap } from "./location.js";
import { pathToString, type PathKey } from "./path.js";

export const SCHEMA_URL = "https://unpkg.com/perfgoal/schemas/perfgoal.schema.json";
const HEADER = `# yaml-language-server: $schema=${SCHEMA_URL}\n`;

/** The Form in its canonical key order (the schema's), without the parsed value fields recomputed. */
export function canonicalForm(form: Form): Form {
  return Form.parse(form);
}

/** Form → YAML text: schema key order, Chinese as is, no line folding, a schema header line. */
export function formToYaml(form: Form): string {
  const doc = new Document(canonicalForm(form), { version: "1.2" });
  return HEADER + doc.toString({ lineWidth: 0, minContentWidth: 0, indentSeq: true });
}

/** Several forms (one file holding several projects) are written as a YAML stream. */
export function formsToYaml(forms: Form[]): string {
  return forms.map((f, i) => (i === 0 ? formToYaml(f) : `---\n${formToYaml(f).slice(HEADER.length)}`)).join("");
}

export interface LoadedForm {
  form: Form;
  sourceMap: SourceMap;
}

/** Expand `value: "≥90%"` shorthand and recompute every parsed value from its raw text. */
function normaliseValues(data: unknown): void {
  if (!data || typeof data !== "object") return;
  const indicators = (data as { indicators?: Record<string, unknown> }).indicators;
  if (!indicators || typeof indicators !== "object") return;
  for (const table of ["annual", "longTerm"]) {
    const rows = indicators[table];
    if (!Array.isArray(rows)) continue;
    for (const row of rows) {
      if (!row || typeof row !== "object") continue;
      const r = row as { value?: unknown };
      if (typeof r.value === "string" || typeof r.value === "number") r.value = parseValue(String(r.value));
      else if (r.value && typeof r.value === "object" && typeof (r.value as { raw?: unknown }).raw === "string") {
        r.value = parseValue((r.value as { raw: string }).raw);
      } else if (r.value === undefined || r.value === null) r.value = parseValue("");
    }
  }
}

/** Record the line of every node below `node` under its model path. */
function mapLines(node: unknown, keys: PathKey[], lc: LineCounter, out: SourceMap): void {
  const n = node as Node | null;
  if (!n || typeof n !== "object" || !("range" in n) || !n.range) return;
  const pos = lc.linePos(n.range[0]);
  out.set(pathToString(keys), { kind: "line", line: pos.line, col: pos.col });
  if (isMap(n)) {
    for (const item of n.items) {
      if (!isPair(item)) continue;
      const key = isScalar(item.key) ? String(item.key.value) : String(item.key);
      if (item.key && isScalar(item.key) && item.key.range) {
        const kp = lc.linePos(item.key.range[0]);
        out.set(pathToString([...keys, key]), { kind: "line", line: kp.line, col: kp.col });
      }
      mapLines(item.value, [...keys, key], lc, out);
    }
  } else if (isSeq(n)) {
    n.items.forEach((item, i) => mapLines(item, [...keys, i], lc, out));
  }
}

function lineOf(map: SourceMap, keys: readonly PathKey[]): number | undefined {
  for (let k = keys.length; k >= 0; k--) {
    const loc = map.get(pathToString(keys.slice(0, k)));
    if (loc?.kind === "line") return loc.line;
  }
  return undefined;
}

/** YAML text → Form, validated; every problem is reported with its YAML path and line. */
export function loadFormYaml(text: string, file?: string): LoadedForm {
  const lc = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lc, uniqueKeys: true, version: "1.2", schema: "core", strict: true, prettyErrors: false });
  const problems = [...doc.errors, ...doc.warnings];
  if (problems.length > 0) {
    const p = problems[0]!;
    const line = p.linePos?.[0]?.line;
    throw new PerfgoalError("PG-E-YAML", `${line ? `第${line}行: ` : ""}${p.message.split("\n")[0]}`, { file });
  }
  let data: unknown;
  try {
    // Forms never need anchors: refusing aliases removes alias bombs outright.
    data = doc.toJS({ maxAliasCount: 0 });
  } catch (e) {
    throw new PerfgoalError("PG-E-YAML", (e as Error).message.split("\n")[0], { file, cause: e });
  }
  const sourceMap: SourceMap = new Map();
  mapLines(doc.contents, [], lc, sourceMap);
  normaliseValues(data);
  const result = Form.safeParse(data);
  if (!result.success) {
    const lines = result.error.issues.slice(0, 5).map((issue) => {
      const keys = issue.path.filter((k): k is string | number => typeof k !== "symbol");
      const where = pathToString(keys) || "(根)";
      const line = lineOf(sourceMap, keys);
      return `${where}${line ? ` (第${line}行)` : ""}: ${issue.message}`;
    });
    const more = result.error.issues.length > 5 ? `；另有 ${result.error.issues.length - 5} 处` : "";
    throw new PerfgoalError("PG-E-SCHEMA", lines.join("；") + more, { file });
  }
  return { form: result.data, sourceMap };
}

