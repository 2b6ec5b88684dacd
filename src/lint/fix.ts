/**
 * Applying the notation fixes rules offer, as ESLint does: lint, apply every fix whose fields still
 * hold the text the rule saw (one fix per field per pass), lint again, up to MAX_FIX_PASSES. A fix
 * is refused when its text is no longer there, when it names no text field, or when the 指标值 it
 * writes would read differently — a fix changes how something is written, never what it says.
 */
import type { Form } from "../model/form.js";
import { parsePath, type PathKey } from "../model/path.js";
import { parseRowValue } from "../model/value-parse.js";
import { sameMeaning } from "../model/value-same.js";
import type { FieldEdit } from "../rules/types.js";
import type { Finding, FormResult } from "./types.js";

export const MAX_FIX_PASSES = 10;

/** One fix as applied: the finding it answered (as found in its pass) and the fields it changed. */
export interface AppliedFix {
  ruleId: string;
  code: string;
  messageId: string;
  /** The finding's path and location when the fix was applied. */
  path: string;
  locationText: string;
  edits: FieldEdit[];
}

export interface FixOutcome {
  /** The form with the fixes applied (the input form is left as it was). */
  form: Form;
  applied: AppliedFix[];
  /** Passes that applied fixes (each followed by a fresh review). */
  passes: number;
  /** The review of the fixed form. */
  result: FormResult;
}

/** Review one form; the fixer calls it once per pass. */
export type LintPass = (form: Form) => FormResult;

/** Apply the fixes `lint` reports on `form`, pass after pass, until none applies or the passes run out. */
export function fixForm(form: Form, lint: LintPass, maxPasses = MAX_FIX_PASSES): FixOutcome {
  const current = structuredClone(form);
  const applied: AppliedFix[] = [];
  let result = lint(current);
  let passes = 0;
  while (passes < maxPasses) {
    const done = applyPass(current, result.findings);
    if (done.length === 0) break;
    passes++;
    applied.push(...done);
    result = lint(current);
  }
  return { form: current, applied, passes, result };
}

/** Apply what can be applied of one pass's fixes; a field already changed in this pass waits for the next. */
function applyPass(form: Form, findings: readonly Finding[]): AppliedFix[] {
  const touched = new Set<string>();
  const done: AppliedFix[] = [];
  for (const f of findings) {
    const edits = f.fix?.edits;
    if (!edits || edits.length === 0) continue;
    if (edits.some((e) => touched.has(e.path))) continue;
    if (!applyEdits(form, edits)) continue;
    for (const e of edits) touched.add(e.path);
    done.push({ ruleId: f.ruleId, code: f.code, messageId: f.messageId, path: f.path, locationText: f.locationText, edits: edits.map((e) => ({ ...e })) });
  }
  return done;
}

/** A text field reached by its model path, and how to replace it. */
interface TextField {
  text: string;
  /** Replace the text; false (and nothing changed) when the new text would change meaning. */
  set(to: string): boolean;
}

/** Apply all of a fix's edits or none. */
export function applyEdits(form: Form, edits: readonly FieldEdit[]): boolean {
  const fields: TextField[] = [];
  for (const e of edits) {
    const field = textField(form, e.path);
    if (!field || field.text !== e.from) return false;
    fields.push(field);
  }
  const undo: (() => void)[] = [];
  for (const [i, field] of fields.entries()) {
    const before = field.text;
    if (!field.set(edits[i]!.to)) {
      for (const u of undo.reverse()) u();
      return false;
    }
    undo.push(() => void field.set(before));
  }
  return true;
}

function isRecord(v: unknown): v is Record<string | number, unknown> {
  return typeof v === "object" && v !== null;
}

/** Walk `keys` from `root`; undefined when a step is missing. */
function reach(root: unknown, keys: readonly PathKey[]): unknown {
  let node: unknown = root;
  for (const k of keys) {
    if (!isRecord(node)) return undefined;
    if (Array.isArray(node) ? typeof k !== "number" : typeof k !== "string") return undefined;
    if (!Object.prototype.hasOwnProperty.call(node, k)) return undefined;
    node = node[k];
  }
  return node;
}

/**
 * The text field at `path`. A 指标值 is edited through its raw text (`….value.raw`), and its reading
 * is derived again from the new text with the row's columns, as the loaders do.
 */
export function textField(form: Form, path: string): TextField | undefined {
  const keys = parsePath(path);
  const last = keys[keys.length - 1];
  if (typeof last !== "string") return undefined;
  if (last === "raw" && keys[keys.length - 2] === "value") {
    const row = reach(form, keys.slice(0, -2));
    if (!isRecord(row) || !isRecord(row.value) || typeof row.value.raw !== "string") return undefined;
    const r = row as unknown as Form["indicators"]["annual"][number];
    return {
      text: r.value.raw,
      set(to) {
        const next = parseRowValue(to, r.comparison, r.unit);
        if (!sameMeaning(next, r.value)) return false;
        r.value = next;
        return true;
      },
    };
  }
  const parent = reach(form, keys.slice(0, -1));
  if (!isRecord(parent) || Array.isArray(parent) || typeof parent[last] !== "string") return undefined;
  return {
    text: parent[last] as string,
    set(to) {
      parent[last] = to;
      return true;
    },
  };
}

/** Every field a list of applied fixes changed, first text to last, in the order first changed. */
export function netEdits(applied: readonly AppliedFix[]): FieldEdit[] {
  const byPath = new Map<string, FieldEdit>();
  for (const a of applied) {
    for (const e of a.edits) {
      const known = byPath.get(e.path);
      if (known) known.to = e.to;
      else byPath.set(e.path, { ...e });
    }
  }
  return [...byPath.values()].filter((e) => e.from !== e.to);
}
