import { PerfgoalError } from "../../model/errors.js";
import { MERGE_CONTINUE, MERGE_NONE, MERGE_RESTART, type MergeMark, type RawBlock, type RawCell, type RawDocument, type RawRow, type RawTable } from "./raw.js";
import { MC_NS, NamespaceScopes } from "./namespaces.js";
import type { HiddenStyles } from "./styles.js";
import { mapSymbolText, symbolChar, symbolTable } from "./symbols.js";
import { doctypeRefusal, scanXml, XmlScanError, type XmlAttributes, type XmlHandler } from "./xml-scan.js";

/** Tables nested deeper than this are read as text of the deepest cell (no stack grows with depth). */
export const MAX_TABLE_DEPTH = 64;
/**
 * Far beyond real forms (a few hundred cells; a flat export of hundreds of projects some tens of
 * thousands); keeps a hostile file within the 500 MB a file may use (a million cells took 950 MB).
 */
export const MAX_RAW_CELLS = 250_000;
export const MAX_PARAGRAPHS = 500_000;
/** Gives a hostile `w:gridSpan="1000000000"` no power over the grid size (Word allows 63 columns). */
const MAX_SPAN = 63;

/**
 * Resolved element names kept at most: real documents use a few hundred; a hostile one with
 * millions of distinct names must not grow a map as large as itself (3 million took 1.2 GB).
 */
const MAX_CACHED_NAMES = 4096;
/** Hidden text kept per cell or paragraph, to quote it in the warning. */
const MAX_HIDDEN_QUOTE = 40;

// Element codes: the elements the walk reacts to. Everything else is transparent.
const OTHER = 0;
const P = 1;
const R = 2;
const T = 3;
const TAB = 4;
const BR = 5;
const SYM = 6;
const NO_BREAK_HYPHEN = 7;
const TBL = 8;
const TR = 9;
const TC = 10;
const TR_PR = 11;
const TC_PR = 12;
const GRID_BEFORE = 13;
const GRID_AFTER = 14;
const GRID_SPAN = 15;
const V_MERGE = 16;
const H_MERGE = 17;
const DEL = 18;
const MOVE_FROM = 19;
const CELL_DEL = 20;
const FLD_CHAR = 21;
const CHECK_BOX = 22;
const CHECKED = 23;
const DEFAULT = 24;
const TXBX_CONTENT = 25;
const ALTERNATE_CONTENT = 26;
const CHOICE = 27;
const FALLBACK = 28;
const R_PR = 29;
const P_PR = 30;
const R_FONTS = 31;
const SDT = 32;
const SDT_PR = 33;
const SDT_CONTENT = 34;
const SHOWING_PLACEHOLDER = 35;
const SKIP = 36;
const FF_DATA = 37;
const VANISH = 38;
const SPEC_VANISH = 39;
const P_STYLE = 40;
const R_STYLE = 41;

/** A Map, not an object: a lookup of any name costs the same, and `constructor` is no element. */
const W_CODES = new Map<string, number>(Object.entries({
  p: P,
  r: R,
  t: T,
  tab: TAB,
  ptab: TAB,
  br: BR,
  cr: BR,
  sym: SYM,
  noBreakHyphen: NO_BREAK_HYPHEN,
  tbl: TBL,
  tr: TR,
  tc: TC,
  trPr: TR_PR,
  tcPr: TC_PR,
  gridBefore: GRID_BEFORE,
  gridAfter: GRID_AFTER,
  gridSpan: GRID_SPAN,
  vMerge: V_MERGE,
  hMerge: H_MERGE,
  del: DEL,
  moveFrom: MOVE_FROM,
  cellDel: CELL_DEL,
  fldChar: FLD_CHAR,
  checkBox: CHECK_BOX,
  checked: CHECKED,
  default: DEFAULT,
  txbxContent: TXBX_CONTENT,
  rPr: R_PR,
  pPr: P_PR,
  rFonts: R_FONTS,
  sdt: SDT,
  sdtPr: SDT_PR,
  sdtContent: SDT_CONTENT,
  showingPlcHdr: SHOWING_PLACEHOLDER,
  ffData: FF_DATA,
  vanish: VANISH,
  specVanish: SPEC_VANISH,
  pStyle: P_STYLE,
  rStyle: R_STYLE,
}));
const MC_CODES = new Map<string, number>([["AlternateContent", ALTERNATE_CONTENT], ["Choice", CHOICE], ["Fallback", FALLBACK]]);

/** Per element name: its code, and its prefix with a colon when that prefix is WordprocessingML's. */
interface NameInfo {
  code: number;
  /** `w:` for `w:gridSpan`: where its `w:val` most likely is (found by namespace when not). */
  wPrefix: string;
}

/** Where the paragraphs being read end up. */
type Container =
  /** `pendingIndex`: the number of the first paragraph whose text is pending (its mark hidden or deleted). */
  | { kind: "body"; pending: string; pendingIndex: number }
  | { kind: "cell"; cell: RawCell; pending: string }
  /** A text box: its paragraphs are folded into the paragraph that anchors it. */
  | { kind: "textbox"; anchor: Paragraph | undefined; pending: string };

interface Paragraph {
  text: string;
  container: Container;
  /** Body paragraphs: the block slot reserved when the paragraph opened. */
  slot: number;
  index: number;
  /** The paragraph mark was deleted with tracked changes: the text runs on into the next paragraph. */
  markDeleted: boolean;
  /** Whether its style (over the document defaults) hides its runs and its mark. */
  styleHidden: boolean;
  /** The mark's own `w:vanish`, when set directly: absolute. */
  markHidden: boolean | undefined;
}

/** An open run: whether it is hidden, from its direct `w:vanish` or its character style. */
interface RunState {
  hidden: boolean;
  direct: boolean | undefined;
  styleToggle: boolean;
}

interface TableFrame {
  raw: RawTable;
  slot: number;
  row: RawRow | undefined;
  cell: RawCell | undefined;
}

interface Field {
  inResult: boolean;
  checkbox: { checked: boolean | undefined; byDefault: boolean } | undefined;
}

/**
 * Walk `word/document.xml` (its bytes: UTF-8, or UTF-16 with a BOM) once and collect body
 * paragraphs and tables as written. Every piece of state is an explicit stack, so nesting depth
 * costs memory, never call-stack frames.
 */
export function readBody(xml: Uint8Array, styles?: HiddenStyles): RawDocument {
  const walker = new BodyWalker(styles && !styles.none ? styles : undefined);
  try {
    scanXml(xml, walker);
  } catch (e) {
    if (!(e instanceof XmlScanError)) throw e;
    if (e.kind === "doctype") throw doctypeRefusal();
    if (e.kind === "malformed") throw new PerfgoalError("PG-E-XML", firstLine(e), { cause: e });
    // The input ended inside an element: a cut-off file rather than bad XML.
    throw new PerfgoalError("PG-E-CORRUPT", { zh: `word/document.xml 不完整：${firstLine(e)}`, en: `word/document.xml is incomplete: ${firstLine(e)}` }, { cause: e });
  }
  if (!walker.sawRoot) throw new PerfgoalError("PG-E-CORRUPT", { zh: "word/document.xml 为空", en: "word/document.xml is empty" });
  return walker.result();
}

function firstLine(e: unknown): string {
  return String(e instanceof Error ? e.message : e).split("\n")[0]!.slice(0, 200);
}

function int(v: string | undefined, fallback: number): number {
  const n = v === undefined ? NaN : parseInt(v, 10);
  return Number.isFinite(n) ? n : fallback;
}

function clampSpan(v: string | undefined, min: number): number {
  return Math.min(MAX_SPAN, Math.max(min, int(v, min)));
}

function mergeMark(v: string | undefined): MergeMark {
  // A bare <w:vMerge/> continues the merge (Word); LibreOffice writes w:val="continue".
  return v === "restart" ? MERGE_RESTART : MERGE_CONTINUE;
}

function isOn(v: string | undefined): boolean {
  return v === undefined || v === "1" || v === "true" || v === "on";
}

class BodyWalker implements XmlHandler {
  sawRoot = false;
  private readonly blocks: (RawBlock | undefined)[] = [];
  private readonly warnings: string[] = [];
  private readonly scopes = new NamespaceScopes();
  /** Resolved names for the current namespace bindings (`namesGeneration`), at most MAX_CACHED_NAMES. */
  private readonly names = new Map<string, NameInfo>();
  private namesGeneration = 0;

  /** Depth inside a subtree whose content is dropped (deletions, the unused branch …). */
  private skip = 0;
  /** Codes of the open elements (not counting skipped ones). */
  private readonly open_: number[] = [];
  /** Per open element: whether it declared namespaces (its scope ends with it). */
  private readonly scoped: boolean[] = [];
  private readonly body: Container & { kind: "body" } = { kind: "body", pending: "", pendingIndex: 0 };
  private readonly containers: Container[] = [this.body];
  private readonly paragraphs: Paragraph[] = [];
  private readonly tables: TableFrame[] = [];
  /** Tables opened beyond MAX_TABLE_DEPTH, read as plain text. */
  private overDeep = 0;
  /** Per open mc:AlternateContent: whether one of its branches has been taken. */
  private readonly alternates: boolean[] = [];
  private readonly sdtPlaceholder: boolean[] = [];
  private readonly sdtContent: boolean[] = [];
  private readonly fields: Field[] = [];
  /** Fields whose instruction part is being read (its text is not shown). */
  private inInstruction = 0;
  /** Placeholder content controls being read (their prompt text is not data). */
  private inPlaceholder = 0;
  private inText = false;
  /** The open runs; `hiddenRuns` of them are hidden (a text box in a hidden run is hidden too). */
  private readonly runs: RunState[] = [];
  private hiddenRuns = 0;
  /** Body paragraphs holding hidden text: paragraph number → the text (quoted in the warning). */
  private readonly hiddenInBody = new Map<number, string>();
  private runSymbols: Record<number, string> | undefined;
  private tableCount = 0;
  private bodyParagraphs = 0;
  private cellCount = 0;
  private paragraphCount = 0;
  private flattenedWarned = false;

  constructor(private readonly styles: HiddenStyles | undefined) {}

  result(): RawDocument {
    this.flushBody();
    return { blocks: this.blocks.filter((b): b is RawBlock => b !== undefined), warnings: this.warnings, hiddenInBody: [...this.hiddenInBody] };
  }

  /** The element's code under the namespace bindings in force (its own declarations included). */
  private info(name: string): NameInfo {
    if (this.namesGeneration !== this.scopes.generation) {
      if (this.names.size > 0) this.names.clear();
      this.namesGeneration = this.scopes.generation;
    }
    const known = this.names.get(name);
    if (known) return known;
    const colon = name.indexOf(":");
    const prefix = colon < 0 ? "" : name.slice(0, colon);
    const local = colon < 0 ? name : name.slice(colon + 1);
    const ns = this.scopes.resolve(prefix);
    let code: number;
    if (this.scopes.isW(ns)) code = W_CODES.get(local) ?? (local.endsWith("Change") ? SKIP : OTHER);
    else if (ns === MC_NS) code = MC_CODES.get(local) ?? OTHER;
    else code = this.scopes.foreign(ns, local) === "ignore" ? SKIP : OTHER;
    const info: NameInfo = { code, wPrefix: prefix && this.scopes.isW(ns) ? `${prefix}:` : "" };
    if (this.names.size < MAX_CACHED_NAMES) this.names.set(name, info);
    return info;
  }

  /**
   * A WordprocessingML attribute of the element (`w:val` …): under the element's own prefix
   * when that is WordprocessingML's, else under any prefix bound to it, else unprefixed.
   */
  private attr(attrs: XmlAttributes, info: NameInfo, local: string): string | undefined {
    if (info.wPrefix) {
      const v = attrs.get(info.wPrefix + local);
      if (v !== undefined) return v;
    }
    for (let i = 0; i < attrs.count; i++) {
      const name = attrs.nameAt(i);
      const colon = name.indexOf(":");
      if (colon > 0 && name.length - colon - 1 === local.length && name.endsWith(local) && this.scopes.isW(this.scopes.resolve(name.slice(0, colon)))) return attrs.valueAt(i);
    }
    return attrs.get(local);
  }

  open(name: string, attrs: XmlAttributes): void {
    if (this.skip > 0) {
      this.skip++;
      return;
    }
    const scoped = this.scopes.enter(attrs);
    if (!this.sawRoot) this.openRoot(name);
    const info = this.info(name);
    if (!this.openKnown(info, attrs)) {
      // The element and its content are dropped: its declarations end here.
      if (scoped) this.scopes.leave();
      this.skip = 1;
      return;
    }
    this.open_.push(info.code);
    this.scoped.push(scoped);
  }

  /** React to an element the walk knows; false when its whole subtree is to be skipped. */
  private openKnown(info: NameInfo, attrs: XmlAttributes): boolean {
    const code = info.code;
    const parent = this.open_.length > 0 ? this.open_[this.open_.length - 1]! : OTHER;
    const grandparent = this.open_.length > 1 ? this.open_[this.open_.length - 2]! : OTHER;
    switch (code) {
      case P:
        this.openParagraph();
        break;
      case R:
        this.runSymbols = undefined;
        this.openRun();
        break;
      case T:
        this.inText = parent === R;
        break;
      case TAB:
        if (parent === R) this.append("\t");
        break;
      case BR:
        if (parent === R) this.append("\n");
        break;
      case SYM:
        if (parent === R) this.append(symbolChar(this.attr(attrs, info, "font"), this.attr(attrs, info, "char")));
        break;
      case NO_BREAK_HYPHEN:
        if (parent === R) this.append("-");
        break;
      case R_FONTS:
        if (parent === R_PR && grandparent === R) this.runSymbols = symbolTable(this.attr(attrs, info, "ascii") ?? this.attr(attrs, info, "hAnsi"));
        break;
      case VANISH:
      case SPEC_VANISH:
        if (parent === R_PR && grandparent === R) this.setRunHidden(isOn(this.attr(attrs, info, "val")));
        else if (parent === R_PR && grandparent === P_PR) this.setMarkHidden(isOn(this.attr(attrs, info, "val")));
        break;
      case R_STYLE:
        if (parent === R_PR && grandparent === R && this.styles) this.setRunStyle(this.attr(attrs, info, "val"));
        break;
      case P_STYLE:
        if (parent === P_PR && grandparent === P && this.styles) this.setParagraphStyle(this.attr(attrs, info, "val"));
        break;
      case TBL:
        this.openTable();
        break;
      case TR:
        this.openRow();
        break;
      case TC:
        this.openCell();
        break;
      case GRID_BEFORE:
        if (parent === TR_PR && this.currentRow()) this.currentRow()!.gridBefore = clampSpan(this.attr(attrs, info, "val"), 0);
        break;
      case GRID_AFTER:
        if (parent === TR_PR && this.currentRow()) this.currentRow()!.gridAfter = clampSpan(this.attr(attrs, info, "val"), 0);
        break;
      case GRID_SPAN:
        if (parent === TC_PR && this.currentCell()) this.currentCell()!.gridSpan = clampSpan(this.attr(attrs, info, "val"), 1);
        break;
      case V_MERGE:
        if (parent === TC_PR && this.currentCell()) this.currentCell()!.vMerge = mergeMark(this.attr(attrs, info, "val"));
        break;
      case H_MERGE:
        if (parent === TC_PR && this.currentCell()) this.currentCell()!.hMerge = mergeMark(this.attr(attrs, info, "val"));
        break;
      case CELL_DEL:
        if (parent === TC_PR && this.currentCell()) this.currentCell()!.deleted = true;
        break;
      case DEL:
      case MOVE_FROM:
        if (parent === TR_PR) {
          if (code === DEL && this.currentRow()) this.currentRow()!.deleted = true;
        } else if (parent === R_PR) {
          // Inside a paragraph mark's properties: the mark itself was deleted or moved away.
          if (grandparent === P_PR) this.markParagraphDeleted();
        } else {
          return false;
        }
        break;
      case SKIP:
        return false;
      case ALTERNATE_CONTENT:
        this.alternates.push(false);
        break;
      case CHOICE:
      case FALLBACK:
        return this.takeBranch(code, parent, attrs);
      case TXBX_CONTENT:
        this.containers.push({ kind: "textbox", anchor: this.paragraphs[this.paragraphs.length - 1], pending: "" });
        break;
      case SDT:
        this.sdtPlaceholder.push(false);
        break;
      case SHOWING_PLACEHOLDER:
        if (parent === SDT_PR && this.sdtPlaceholder.length > 0) this.sdtPlaceholder[this.sdtPlaceholder.length - 1] = isOn(this.attr(attrs, info, "val"));
        break;
      case SDT_CONTENT: {
        const placeholder = this.sdtPlaceholder.length > 0 && this.sdtPlaceholder[this.sdtPlaceholder.length - 1]!;
        this.sdtContent.push(placeholder);
        if (placeholder) this.inPlaceholder++;
        break;
      }
      case FLD_CHAR:
        this.fieldChar(this.attr(attrs, info, "fldCharType"));
        break;
      case CHECK_BOX:
        if (parent === FF_DATA && this.fields.length > 0) this.fields[this.fields.length - 1]!.checkbox = { checked: undefined, byDefault: false };
        break;
      case CHECKED:
      case DEFAULT: {
        const box = parent === CHECK_BOX ? this.fields[this.fields.length - 1]?.checkbox : undefined;
        if (box && code === CHECKED) box.checked = isOn(this.attr(attrs, info, "val"));
        if (box && code === DEFAULT) box.byDefault = isOn(this.attr(attrs, info, "val"));
        break;
      }
      default:
        break;
    }
    return true;
  }

  /**
   * Markup Compatibility as Word applies it: the first `mc:Choice` whose `Requires` names only
   * namespaces perfgoal understands, else the `mc:Fallback`; one branch, never two.
   * A Choice or Fallback outside an AlternateContent is not valid markup and is not read.
   */
  private takeBranch(code: number, parent: number, attrs: XmlAttributes): boolean {
    if (parent !== ALTERNATE_CONTENT) return false;
    const top = this.alternates.length - 1;
    if (this.alternates[top]) return false;
    if (code === CHOICE && !this.scopes.understands(attrs.get("Requires"))) return false;
    this.alternates[top] = true;
    return true;
  }

  close(): void {
    if (this.skip > 0) {
      this.skip--;
      return;
    }
    const code = this.open_.pop();
    if (this.scoped.pop()) this.scopes.leave();
    switch (code) {
      case P:
        this.closeParagraph();
        break;
      case R:
        this.runSymbols = undefined;
        if (this.runs.pop()?.hidden) this.hiddenRuns--;
        break;
      case T:
        this.inText = false;
        break;
      case TBL:
        this.closeTable();
        break;
      case TC:
        this.closeCell();
        break;
      case TR:
        if (this.overDeep === 0 && this.tables.length > 0) this.tables[this.tables.length - 1]!.row = undefined;
        break;
      case TXBX_CONTENT:
        this.closeTextbox();
        break;
      case ALTERNATE_CONTENT:
        this.alternates.pop();
        break;
      case SDT:
        this.sdtPlaceholder.pop();
        break;
      case SDT_CONTENT:
        if (this.sdtContent.pop()) this.inPlaceholder--;
        break;
      default:
        break;
    }
  }

  wantsText(): boolean {
    return this.inText && this.inInstruction === 0 && this.inPlaceholder === 0;
  }

  text(text: string): void {
    if (!this.wantsText()) return;
    this.append(this.runSymbols ? mapSymbolText(this.runSymbols, text) : text);
  }

  private openRoot(name: string): void {
    this.sawRoot = true;
    const colon = name.indexOf(":");
    const ns = this.scopes.resolve(colon < 0 ? "" : name.slice(0, colon));
    if (name.slice(colon + 1) !== "document" || !this.scopes.isW(ns)) {
      throw new PerfgoalError("PG-E-FORMAT", {
        zh: `zip 压缩包，但主文档不是 Word 正文（根元素为 ${name.slice(0, 60)}）`,
        en: `a zip archive whose main part is no Word body (root element ${name.slice(0, 60)})`,
      });
    }
  }

  private append(s: string): void {
    if (this.inPlaceholder > 0 || this.inInstruction > 0 || s === "") return;
    const p = this.paragraphs[this.paragraphs.length - 1];
    if (!p) return;
    if (this.hiddenRuns > 0) this.noteHidden(p, s);
    else p.text += s;
  }

  // --- hidden text ------------------------------------------------------------------------

  private openRun(): void {
    const hidden = this.paragraphs[this.paragraphs.length - 1]?.styleHidden ?? false;
    this.runs.push({ hidden, direct: undefined, styleToggle: false });
    if (hidden) this.hiddenRuns++;
  }

  /** Direct formatting: absolute, whatever the styles say. */
  private setRunHidden(on: boolean): void {
    const run = this.runs[this.runs.length - 1];
    if (!run) return;
    run.direct = on;
    this.refreshRun(run);
  }

  private setRunStyle(id: string | undefined): void {
    const run = this.runs[this.runs.length - 1];
    if (!run || !this.styles) return;
    run.styleToggle = this.styles.characterToggle(id);
    this.refreshRun(run);
  }

  /** Direct formatting wins; else the paragraph's state, flipped by a character style that toggles it. */
  private refreshRun(run: RunState): void {
    const base = this.paragraphs[this.paragraphs.length - 1]?.styleHidden ?? false;
    const hidden = run.direct ?? (base !== run.styleToggle);
    if (hidden === run.hidden) return;
    run.hidden = hidden;
    this.hiddenRuns += hidden ? 1 : -1;
  }

  private setParagraphStyle(id: string | undefined): void {
    const p = this.paragraphs[this.paragraphs.length - 1];
    if (p && this.styles) p.styleHidden = this.styles.defaultHidden !== this.styles.paragraphToggle(id);
  }

  private setMarkHidden(on: boolean): void {
    const p = this.paragraphs[this.paragraphs.length - 1];
    if (p) p.markHidden = on;
  }

  /** Hidden text is not read, but where it sits is kept: the cell or body paragraph it hides in. */
  private noteHidden(p: Paragraph, s: string): void {
    let owner: Paragraph | undefined = p;
    // A text box's paragraphs belong to the paragraph that anchors it.
    while (owner && owner.container.kind === "textbox") owner = owner.container.anchor;
    if (!owner) return;
    const c = owner.container;
    if (c.kind === "cell") {
      const before = c.cell.hidden ?? "";
      if (before.length < MAX_HIDDEN_QUOTE) c.cell.hidden = before + s.slice(0, MAX_HIDDEN_QUOTE);
    } else if (c.kind === "body") {
      const before = this.hiddenInBody.get(owner.index) ?? "";
      if (before.length < MAX_HIDDEN_QUOTE) this.hiddenInBody.set(owner.index, before + s.slice(0, MAX_HIDDEN_QUOTE));
    }
  }

  // --- paragraphs -------------------------------------------------------------------------

  private openParagraph(): void {
    if (++this.paragraphCount > MAX_PARAGRAPHS) throw new PerfgoalError("PG-E-TOO-LARGE", { zh: `段落超过 ${MAX_PARAGRAPHS} 个`, en: `more than ${MAX_PARAGRAPHS} paragraphs` });
    const container = this.containers[this.containers.length - 1]!;
    let slot = -1;
    let index = 0;
    if (container.kind === "body") {
      index = ++this.bodyParagraphs;
      slot = this.blocks.push(undefined) - 1;
    }
    const styleHidden = this.styles ? this.styles.defaultHidden !== this.styles.paragraphToggle(undefined) : false;
    this.paragraphs.push({ text: "", container, slot, index, markDeleted: false, styleHidden, markHidden: undefined });
  }

  private markParagraphDeleted(): void {
    const p = this.paragraphs[this.paragraphs.length - 1];
    if (p) p.markDeleted = true;
  }

  private closeParagraph(): void {
    const p = this.paragraphs.pop();
    if (!p) return;
    // A field instruction never spans paragraphs in practice; an unterminated one must not
    // swallow the rest of the document.
    if (this.inInstruction > 0) {
      for (const f of this.fields) f.inResult = true;
      this.inInstruction = 0;
    }
    const c = p.container;
    const text = c.pending + p.text;
    // A hidden paragraph mark: Word shows the paragraph run on into the next one.
    if (p.markDeleted || (p.markHidden ?? p.styleHidden)) {
      // Runs on into the next paragraph of the same container.
      c.pending = text;
      if (c.kind === "body" && c.pendingIndex === 0) c.pendingIndex = p.index;
      return;
    }
    c.pending = "";
    if (c.kind === "body") c.pendingIndex = 0;
    if (c.kind === "body") {
      if (text.trim() !== "") this.blocks[p.slot] = { kind: "paragraph", text, index: p.index };
    } else if (c.kind === "cell") {
      c.cell.paragraphs.push(text);
    } else if (c.anchor && text !== "") {
      c.anchor.text += c.anchor.text === "" ? text : `\n${text}`;
    }
  }

  private closeTextbox(): void {
    const c = this.containers[this.containers.length - 1];
    if (c?.kind !== "textbox") return;
    if (c.pending && c.anchor) c.anchor.text += c.anchor.text === "" ? c.pending : `\n${c.pending}`;
    this.containers.pop();
  }

  // --- tables -----------------------------------------------------------------------------

  private currentRow(): RawRow | undefined {
    return this.overDeep > 0 ? undefined : this.tables[this.tables.length - 1]?.row;
  }

  private currentCell(): RawCell | undefined {
    return this.overDeep > 0 ? undefined : this.tables[this.tables.length - 1]?.cell;
  }

  /**
   * Body text still waiting for a paragraph mark becomes a paragraph of its own where no
   * paragraph follows: before a table, at the end of the body.
   */
  private flushBody(): void {
    const c = this.body;
    if (c.pending.trim() !== "") this.blocks.push({ kind: "paragraph", text: c.pending, index: c.pendingIndex });
    c.pending = "";
    c.pendingIndex = 0;
  }

  private openTable(): void {
    if (this.containers[this.containers.length - 1] === this.body) this.flushBody();
    if (this.overDeep > 0 || this.tables.length >= MAX_TABLE_DEPTH) {
      this.overDeep++;
      if (!this.flattenedWarned) {
        this.flattenedWarned = true;
        this.warnings.push(`表格嵌套超过 ${MAX_TABLE_DEPTH} 层，更深的表格按文字读入所在单元格`);
      }
      return;
    }
    const raw: RawTable = { index: ++this.tableCount, rows: [] };
    const slot = this.blocks.push({ kind: "table", table: raw }) - 1;
    this.tables.push({ raw, slot, row: undefined, cell: undefined });
  }

  private closeTable(): void {
    if (this.overDeep > 0) {
      this.overDeep--;
      return;
    }
    const frame = this.tables.pop();
    // A cell left open by a malformed file still owns a container: drop it with its table.
    if (frame?.cell) this.closeCell(frame);
  }

  private openRow(): void {
    if (this.overDeep > 0) return;
    const frame = this.tables[this.tables.length - 1];
    if (!frame) return;
    frame.row = { gridBefore: 0, gridAfter: 0, cells: [], deleted: false };
    frame.raw.rows.push(frame.row);
  }

  private openCell(): void {
    if (this.overDeep > 0) return;
    const frame = this.tables[this.tables.length - 1];
    if (!frame) return;
    if (++this.cellCount > MAX_RAW_CELLS) throw new PerfgoalError("PG-E-TOO-LARGE", { zh: `单元格超过 ${MAX_RAW_CELLS} 个`, en: `more than ${MAX_RAW_CELLS} cells` });
    if (!frame.row) this.openRow();
    const cell: RawCell = { paragraphs: [], gridSpan: 1, vMerge: MERGE_NONE, hMerge: MERGE_NONE, deleted: false };
    frame.row!.cells.push(cell);
    frame.cell = cell;
    this.containers.push({ kind: "cell", cell, pending: "" });
  }

  private closeCell(frame = this.overDeep > 0 ? undefined : this.tables[this.tables.length - 1]): void {
    if (!frame?.cell) return;
    const c = this.containers[this.containers.length - 1];
    if (c?.kind === "cell" && c.cell === frame.cell) {
      if (c.pending) c.cell.paragraphs.push(c.pending);
      this.containers.pop();
    }
    frame.cell = undefined;
  }

  // --- fields -----------------------------------------------------------------------------

  private fieldChar(type: string | undefined): void {
    if (type === "begin") {
      this.fields.push({ inResult: false, checkbox: undefined });
      this.inInstruction++;
    } else if (type === "separate") {
      const f = this.fields[this.fields.length - 1];
      if (f && !f.inResult) {
        f.inResult = true;
        this.inInstruction--;
      }
    } else if (type === "end") {
      const f = this.fields.pop();
      if (!f) return;
      if (!f.inResult) this.inInstruction--;
      // A legacy form check box has no result text: its state is in the field data.
      if (f.checkbox) this.append((f.checkbox.checked ?? f.checkbox.byDefault) ? "☑" : "□");
    }
  }
}
