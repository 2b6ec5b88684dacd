import { Document, isScalar, isSeq, visit } from "yaml";
import { Form } from "./form.js";
import { ambiguousInYaml11 } from "./yaml11.js";

export const SCHEMA_URL = "https://unpkg.com/perfgoal/schemas/perfgoal.schema.json";
const HEADER = `# yaml-language-server: $schema=${SCHEMA_URL}\n`;

/** The Form in its canonical key order (the schema's), without the parsed value fields recomputed. */
export function canonicalForm(form: Form): Form {
  return Form.parse(form);
}

/** Form → YAML text: schema key order, Chinese as is, no line folding, a schema header line. */
export function formToYaml(form: Form): string {
  const doc = new Document(canonicalForm(form), { version: "1.2" });
  visit(doc, {
    // Number lists read best on one line: `numbers: [1, 2]`.
    Pair(_, pair) {
      if (isScalar(pair.key) && FLOW_LISTS.has(String(pair.key.value)) && isSeq(pair.value)) pair.value.flow = true;
    },
    // `comparison: =` or `period: 2023-12-31` would be a value type or a date to a YAML 1.1 reader.
    Scalar(_, scalar) {
      if (typeof scalar.value === "string" && ambiguousInYaml11(scalar.value)) scalar.type = "QUOTE_DOUBLE";
    },
  });
  return HEADER + doc.toString({ lineWidth: 0, minContentWidth: 0, indentSeq: true, flowCollectionPadding: false });
}

const FLOW_LISTS = new Set(["numbers", "wanYuan"]);

/** Several forms (one file holding several projects) are written as a YAML stream. */
export function formsToYaml(forms: Form[]): string {
  return forms.map((f, i) => (i === 0 ? formToYaml(f) : `---\n${formToYaml(f).slice(HEADER.length)}`)).join("");
}

