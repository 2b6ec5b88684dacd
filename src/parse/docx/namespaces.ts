/**
 * XML namespaces and Markup Compatibility (ECMA-376 Part 3) for the document walk: which URI a
 * prefix means at the current element, which namespaces are ignorable there (`mc:Ignorable`,
 * `mc:ProcessContent`), and whether an `mc:Choice` requires only what perfgoal understands.
 * Declarations are scoped to the element that makes them and its subtree. Every binding is kept
 * as a stack per prefix (or per URI), so a lookup costs the same at any depth.
 */
import type { XmlAttributes } from "./xml-scan.js";

export const W_NAMESPACES: ReadonlySet<string> = new Set(["http://schemas.openxmlformats.org/wordprocessingml/2006/main", "http://purl.oclc.org/ooxml/wordprocessingml/main"]);
export const MC_NS = "http://schemas.openxmlformats.org/markup-compatibility/2006";

/**
 * The namespaces whose elements the walk interprets. Anything else (DrawingML, VML, Word 2010+
 * extensions …) is at most walked through for the WordprocessingML it wraps, which is not
 * understanding it: a Choice requiring it is passed over for the next Choice or the Fallback.
 */
const UNDERSTOOD: ReadonlySet<string> = new Set([...W_NAMESPACES, MC_NS]);

/** Used when a file leaves a prefix undeclared: the conventional meaning of the prefix. */
const CONVENTIONAL: Record<string, string> = { w: "http://schemas.openxmlformats.org/wordprocessingml/2006/main", mc: MC_NS };

/** What one element declared, to be undone when it closes. */
interface Frame {
  prefixes: string[];
  ignorable: string[];
  processContent: string[];
}

export class NamespaceScopes {
  private readonly bound = new Map<string, string[]>();
  private readonly ignorable = new Map<string, number>();
  /** `uri local` (or `uri *`) of ignorable elements whose content is still read. */
  private readonly processContent = new Map<string, number>();
  private readonly frames: Frame[] = [];
  /** Changes whenever a binding does: caches of resolved names are only valid for one generation. */
  generation = 0;

  /**
   * Take the declarations of an element that opens (`xmlns`, `xmlns:p`, `mc:Ignorable`,
   * `mc:ProcessContent`). Returns whether it declared any: then `leave` must follow its close.
   */
  enter(attrs: XmlAttributes): boolean {
    let frame: Frame | undefined;
    let ignorable: string | undefined;
    let processContent: string | undefined;
    for (let i = 0; i < attrs.count; i++) {
      const name = attrs.nameAt(i);
      if (name === "xmlns" || name.startsWith("xmlns:")) {
        frame ??= { prefixes: [], ignorable: [], processContent: [] };
        const prefix = name.length === 5 ? "" : name.slice(6);
        push(this.bound, prefix, attrs.valueAt(i));
        frame.prefixes.push(prefix);
      } else if (name.endsWith(":Ignorable") || name.endsWith(":ProcessContent")) {
        // Resolved once this element's own declarations are in: they may come after it.
        if (name.endsWith(":Ignorable")) ignorable = name;
        else processContent = name;
      }
    }
    if (ignorable !== undefined && this.isMc(ignorable)) {
      for (const prefix of words(attrs.get(ignorable))) {
        const uri = this.resolve(prefix);
        if (uri === undefined || UNDERSTOOD.has(uri)) continue;
        frame ??= { prefixes: [], ignorable: [], processContent: [] };
        this.ignorable.set(uri, (this.ignorable.get(uri) ?? 0) + 1);
        frame.ignorable.push(uri);
      }
    }
    if (processContent !== undefined && this.isMc(processContent)) {
      for (const qname of words(attrs.get(processContent))) {
        const colon = qname.indexOf(":");
        const uri = colon > 0 ? this.resolve(qname.slice(0, colon)) : undefined;
        if (uri === undefined) continue;
        frame ??= { prefixes: [], ignorable: [], processContent: [] };
        const key = `${uri} ${qname.slice(colon + 1)}`;
        this.processContent.set(key, (this.processContent.get(key) ?? 0) + 1);
        frame.processContent.push(key);
      }
    }
    if (!frame) return false;
    this.frames.push(frame);
    this.generation++;
    return true;
  }

  /** Undo the declarations of the innermost element that made some. */
  leave(): void {
    const frame = this.frames.pop();
    if (!frame) return;
    for (const prefix of frame.prefixes) this.bound.get(prefix)!.pop();
    for (const uri of frame.ignorable) decrement(this.ignorable, uri);
    for (const key of frame.processContent) decrement(this.processContent, key);
    this.generation++;
  }

  /** The URI `prefix` means here ("" for the default namespace), or undefined when unbound. */
  resolve(prefix: string): string | undefined {
    const stack = this.bound.get(prefix);
    if (stack && stack.length > 0) return stack[stack.length - 1]! || undefined;
    return CONVENTIONAL[prefix];
  }

  isW(uri: string | undefined): boolean {
    return uri !== undefined && W_NAMESPACES.has(uri);
  }

  /**
   * How an element in `uri` that perfgoal does not understand is treated: `ignore` (it and its
   * content, as an ignorable namespace asks), `unwrap` (it is ignored, its content read:
   * `mc:ProcessContent`), or `walk` (not ignorable: walked through for what it wraps).
   */
  foreign(uri: string | undefined, local: string): "ignore" | "unwrap" | "walk" {
    if (uri === undefined || !this.ignorable.has(uri)) return "walk";
    return this.processContent.has(`${uri} ${local}`) || this.processContent.has(`${uri} *`) ? "unwrap" : "ignore";
  }

  /** Whether every prefix an `mc:Choice` lists in `Requires` names a namespace perfgoal understands. */
  understands(requires: string | undefined): boolean {
    const prefixes = words(requires);
    if (prefixes.length === 0) return false;
    return prefixes.every((p) => {
      const uri = this.resolve(p);
      return uri !== undefined && UNDERSTOOD.has(uri);
    });
  }

  private isMc(qname: string): boolean {
    return this.resolve(qname.slice(0, qname.indexOf(":"))) === MC_NS;
  }
}

function words(v: string | undefined): string[] {
  return v ? v.split(" ").filter((w) => w !== "") : [];
}

function push(map: Map<string, string[]>, key: string, value: string): void {
  const stack = map.get(key);
  if (stack) stack.push(value);
  else map.set(key, [value]);
}

function decrement(map: Map<string, number>, key: string): void {
  const n = (map.get(key) ?? 1) - 1;
  if (n === 0) map.delete(key);
  else map.set(key, n);
}
