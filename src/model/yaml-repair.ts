/**
 * The repair pass between the YAML document and the schema: what a clerk's edit leaves behind (a
 * blank field, a deleted block, an amount typed as `361万元`) is read instead of refusing the file.
 * It is driven by the zod schema: a field's repair depends on what the schema expects there, not
 * on its name. Each repair that the other rules would not report on their own leaves a note.
 * What it cannot read with confidence it leaves for the schema to refuse (a list where text is
 * expected, an unknown key) or leaves out with a note (an amount that is no number).
 */
import { z } from "zod";
import { readAmountText, readNumberText } from "./amount-text.js";
import { Form, Funding } from "./form.js";
import { IndicatorValue } from "./value.js";
import { pathToString, type PathKey } from "./path.js";
import type { ReadingNote } from "./reading-notes.js";
import { VALUE_WORDS } from "./terms.js";

type Schema = z.core.$ZodType;
type Plain = Record<string, unknown>;

/** What the schema says of one place: its type, wrappers removed, and whether it may be left out. */
interface Expected {
  schema: Schema;
  type: string;
  optional: boolean;
}

function expected(schema: Schema): Expected {
  let s = schema;
  let optional = false;
  while (s._zod.def.type === "optional") {
    optional = true;
    s = (s._zod.def as z.core.$ZodOptionalDef).innerType;
  }
  return { schema: s, type: s._zod.def.type, optional };
}

/** The object schema's fields, in the schema's order. */
export function shapeOf(schema: Schema): Record<string, Schema> | undefined {
  const e = expected(schema);
  return e.type === "object" ? (e.schema._zod.def as z.core.$ZodObjectDef).shape : undefined;
}

/** The schema at a model path (object fields and list items), or undefined when the path leaves it. */
export function schemaAt(root: Schema, keys: readonly PathKey[]): Schema | undefined {
  let s: Schema | undefined = root;
  for (const k of keys) {
    if (!s) return undefined;
    const e = expected(s);
    if (typeof k === "number") s = e.type === "array" ? (e.schema._zod.def as z.core.$ZodArrayDef).element : undefined;
    else s = shapeOf(e.schema)?.[k];
  }
  return s;
}

/** Every key any object of the schema knows (for spotting a key in a line a YAML slip broke). */
export function knownKeys(root: Schema): Set<string> {
  const keys = new Set<string>();
  const seen = new Set<Schema>();
  const visit = (s: Schema) => {
    const e = expected(s);
    if (seen.has(e.schema)) return;
    seen.add(e.schema);
    if (e.type === "array") visit((e.schema._zod.def as z.core.$ZodArrayDef).element);
    const shape = shapeOf(e.schema);
    for (const [k, child] of Object.entries(shape ?? {})) {
      keys.add(k);
      visit(child);
    }
  };
  visit(root);
  return keys;
}

/** Is `schema` the `base` schema or a copy of it (`.describe()` and `.meta()` make copies)? */
function derivesFrom(schema: Schema, base: Schema): boolean {
  for (let s: Schema | undefined = schema; s; s = s._zod.parent) if (s === base) return true;
  return false;
}

/** The default a choice's metadata names (`amountUnit`: the form's 万元). */
function defaultOf(schema: Schema): string | undefined {
  const meta = z.globalRegistry.get(schema) as { default?: unknown } | undefined;
  return typeof meta?.default === "string" ? meta.default : undefined;
}

const isPlain = (v: unknown): v is Plain => typeof v === "object" && v !== null && !Array.isArray(v);

/** `name:` with nothing after it, or a key left out. */
const isBlank = (v: unknown) => v === null || v === undefined;

/** A field to leave out of the model. */
const OMIT = Symbol("omit");

/** An amount read from text with its own unit, checked against the form's unit once that is known. */
interface UnitAmount {
  path: string;
  text: string;
  unit: string;
}

interface Pass {
  notes: ReadingNote[];
  /** Source text of the number and true/false scalars, by model path (`013800000000` stays as written). */
  scalars: ReadonlyMap<string, string>;
  unitAmounts: UnitAmount[];
}

export interface Repaired {
  data: unknown;
  notes: ReadingNote[];
}

/**
 * `data` (the document as plain values) repaired towards `Form`; changes it in place. A document
 * that is not a map at all is returned as it is: the schema refuses it.
 */
export function repairForm(data: unknown, scalars: ReadonlyMap<string, string>): Repaired {
  if (!isPlain(data)) return { data, notes: [] };
  const pass: Pass = { notes: [], scalars, unitAmounts: [] };
  repairObject(Form, data, [], false, pass);
  checkUnits(data, pass);
  return { data, notes: pass.notes };
}

function repairObject(schema: Schema, value: Plain, keys: PathKey[], money: boolean, pass: Pass): void {
  for (const [key, child] of Object.entries(shapeOf(schema) ?? {})) {
    const repaired = repair(child, value[key], [...keys, key], money, pass);
    if (repaired === OMIT) delete value[key];
    else if (repaired !== undefined || key in value) value[key] = repaired;
  }
}

/** The repaired value of one place, OMIT to leave it out, or the value unchanged for the schema to judge. */
function repair(schema: Schema, value: unknown, keys: PathKey[], inMoney: boolean, pass: Pass): unknown {
  const e = expected(schema);
  const path = pathToString(keys);
  // Funding's numbers are amounts in the form's unit: text there may carry a money unit.
  const money = inMoney || derivesFrom(e.schema, Funding);
  if (isBlank(value) || (value === "" && e.type !== "string")) {
    if (e.optional) return OMIT;
    return blankRequired(e, keys, path, money, pass, value);
  }
  switch (e.type) {
    case "string":
      // YAML types an unquoted `13800000000` or `100` as a number: the text is what was typed,
      // taken from the source (a leading zero or a trailing `.50` kept), so nothing is changed.
      if (typeof value === "number" || typeof value === "boolean") return pass.scalars.get(path) ?? String(value);
      return value;
    case "number":
      return typeof value === "string" ? numberFromText(e, value, path, money, pass) : value;
    case "enum":
      return typeof value === "string" ? choice(e, value, path, pass) : value;
    case "object":
      if (!isPlain(value)) return value;
      // A 指标值's parts are recomputed from its raw text by the loader: only the text is read here.
      if (derivesFrom(e.schema, IndicatorValue)) {
        const raw = repair(shapeOf(e.schema)!.raw!, value.raw, [...keys, "raw"], money, pass);
        if (raw !== OMIT) value.raw = raw;
      } else repairObject(e.schema, value, keys, money, pass);
      return value;
    case "array":
      if (Array.isArray(value)) {
        const element = (e.schema._zod.def as z.core.$ZodArrayDef).element;
        value.forEach((item, i) => {
          const repaired = repair(element, item, [...keys, i], money, pass);
          if (repaired !== OMIT) value[i] = repaired;
        });
      }
      return value;
    default:
      return value;
  }
}

/**
 * A required place left blank or out: text becomes "" (the rules report a blank 三级 or 项目名称),
 * a block becomes an empty one with its own required parts filled the same way, a list becomes
 * empty and a choice takes its default (both noted). Anything else is left for the schema.
 */
function blankRequired(e: Expected, keys: PathKey[], path: string, money: boolean, pass: Pass, value: unknown): unknown {
  switch (e.type) {
    case "string":
      return "";
    case "object": {
      const block: Plain = {};
      repairObject(e.schema, block, keys, money, pass);
      return block;
    }
    case "array":
      pass.notes.push({ path, messageId: "listMissing", data: { field: path } });
      return [];
    case "enum": {
      const fallback = defaultOf(e.schema);
      if (fallback === undefined) return value;
      pass.notes.push({ path, messageId: "defaultTaken", data: { field: path, value: fallback } });
      return fallback;
    }
    default:
      return value;
  }
}

function numberFromText(e: Expected, text: string, path: string, money: boolean, pass: Pass): unknown {
  const shown = text.trim();
  if (!money) {
    // A year or a weight typed as text: read when it is a plain number the schema accepts, else
    // left for the schema to refuse (a year written 二〇二四 is no slip of the keyboard).
    const n = readNumberText(text);
    if (n === undefined || !z.safeParse(e.schema, n).success) return text;
    pass.notes.push({ path, messageId: "numberText", data: { text: shown, number: n } });
    return n;
  }
  const read = readAmountText(text);
  if (!read) {
    pass.notes.push({ path, messageId: "amountUnread", data: { text: shown } });
    // Every amount is optional; a required one would be left for the schema to refuse.
    return e.optional ? OMIT : text;
  }
  if (read.unit !== undefined) pass.unitAmounts.push({ path, text: shown, unit: read.unit });
  pass.notes.push({ path, messageId: "amountText", data: { text: shown, amount: read.amount } });
  return read.amount;
}

/** A choice written with an unknown value: its default when the schema names one, else left for the schema. */
function choice(e: Expected, value: string, path: string, pass: Pass): unknown {
  const entries = Object.values((e.schema._zod.def as z.core.$ZodEnumDef).entries) as unknown[];
  if (entries.includes(value)) return value;
  const trimmed = value.trim();
  if (entries.includes(trimmed)) return trimmed;
  const fallback = defaultOf(e.schema);
  if (fallback === undefined) return value;
  pass.notes.push({ path, messageId: "unknownChoice", data: { field: path, written: trimmed, value: fallback, choices: entries.join(" / ") } });
  return fallback;
}

/** Amounts whose written unit disagrees with the form's unit are taken out again, never converted. */
function checkUnits(data: Plain, pass: Pass): void {
  if (pass.unitAmounts.length === 0) return;
  const formUnit = typeof data.amountUnit === "string" ? data.amountUnit : undefined;
  const factor = (unit: string | undefined) => (unit === undefined ? undefined : (VALUE_WORDS.money as Record<string, number>)[unit]);
  for (const a of pass.unitAmounts) {
    if (factor(a.unit) === factor(formUnit)) continue;
    removeAt(data, a.path);
    const at = pass.notes.findIndex((n) => n.path === a.path && n.messageId === "amountText");
    const note: ReadingNote = { path: a.path, messageId: "amountUnitConflict", data: { text: a.text, written: a.unit, unit: formUnit ?? "" } };
    if (at >= 0) pass.notes[at] = note;
    else pass.notes.push(note);
  }
}

/** Delete the field at a dotted model path of plain objects (amounts sit in funding, never in lists). */
function removeAt(data: Plain, path: string): void {
  const parts = path.split(".");
  let holder: unknown = data;
  for (const p of parts.slice(0, -1)) holder = isPlain(holder) ? holder[p] : undefined;
  if (isPlain(holder)) delete holder[parts[parts.length - 1]!];
}
