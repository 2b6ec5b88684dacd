/**
 * What the styles part says about hidden text: which paragraph and character styles turn
 * `w:vanish` on. Only that property is read. `w:vanish` is a toggle property (ECMA-376 §17.7.3):
 * within the style hierarchy each `true` flips the state inherited so far and `false` leaves it,
 * over the document defaults; direct formatting on a run then sets it absolutely.
 */
import { NamespaceScopes } from "./namespaces.js";
import { scanXml, type XmlAttributes } from "./xml-scan.js";

interface StyleEntry {
  basedOn: string | undefined;
  /** The style's own `w:rPr/w:vanish` is on. */
  vanish: boolean;
}

export class HiddenStyles {
  /** Document defaults (`w:docDefaults/w:rPrDefault/w:rPr/w:vanish`). */
  defaultHidden = false;
  defaultParagraphStyle: string | undefined;
  readonly paragraph = new Map<string, StyleEntry>();
  readonly character = new Map<string, StyleEntry>();
  private readonly memo = new Map<string, boolean>();

  /** Whether no style and no default hides anything: the walk then needs no style at all. */
  get none(): boolean {
    if (this.defaultHidden) return false;
    for (const s of this.paragraph.values()) if (s.vanish) return false;
    for (const s of this.character.values()) if (s.vanish) return false;
    return true;
  }

  /** The flip a paragraph style contributes (its chain through `w:basedOn`); no id: the default style. */
  paragraphToggle(id: string | undefined): boolean {
    return this.toggle(this.paragraph, "p", id ?? this.defaultParagraphStyle);
  }

  characterToggle(id: string | undefined): boolean {
    return this.toggle(this.character, "c", id);
  }

  /** Parity of the `vanish` settings along the chain; a chain that loops is followed once round. */
  private toggle(styles: Map<string, StyleEntry>, kind: string, id: string | undefined): boolean {
    if (id === undefined) return false;
    const key = `${kind}${id}`;
    const known = this.memo.get(key);
    if (known !== undefined) return known;
    let on = false;
    const seen = new Set<string>();
    for (let at: string | undefined = id; at !== undefined && !seen.has(at); at = styles.get(at)?.basedOn) {
      seen.add(at);
      if (styles.get(at)?.vanish) on = !on;
    }
    this.memo.set(key, on);
    return on;
  }
}

/** Read `word/styles.xml` (its bytes) for hidden-text styles. Throws XmlScanError on bad XML. */
export function readHiddenStyles(xml: Uint8Array): HiddenStyles {
  const out = new HiddenStyles();
  const scopes = new NamespaceScopes();
  /** Per open element: its local name when WordprocessingML, and whether it declared namespaces. */
  const open: { local: string; scoped: boolean }[] = [];
  let style: (StyleEntry & { id: string | undefined; type: string | undefined; isDefault: boolean }) | undefined;
  const wAttr = (attrs: XmlAttributes, local: string): string | undefined => {
    for (let i = 0; i < attrs.count; i++) {
      const name = attrs.nameAt(i);
      const colon = name.indexOf(":");
      if (name.slice(colon + 1) === local && (colon < 0 || scopes.isW(scopes.resolve(name.slice(0, colon))))) return attrs.valueAt(i);
    }
    return undefined;
  };
  const path = (...names: string[]) => names.every((n, k) => open[open.length - names.length + k]?.local === n);
  scanXml(xml, {
    open(name, attrs) {
      const scoped = scopes.enter(attrs);
      const colon = name.indexOf(":");
      const local = scopes.isW(scopes.resolve(colon < 0 ? "" : name.slice(0, colon))) ? name.slice(colon + 1) : "";
      open.push({ local, scoped });
      if (local === "style" && path("styles", "style")) {
        style = { id: wAttr(attrs, "styleId"), type: wAttr(attrs, "type"), isDefault: isOn(wAttr(attrs, "default"), false), basedOn: undefined, vanish: false };
      } else if (local === "basedOn" && style && path("style", "basedOn")) {
        style.basedOn = wAttr(attrs, "val");
      } else if (local === "vanish" && path("rPr", "vanish")) {
        const on = isOn(wAttr(attrs, "val"), true);
        if (style && path("style", "rPr", "vanish")) style.vanish = on;
        else if (path("docDefaults", "rPrDefault", "rPr", "vanish")) out.defaultHidden = on;
      }
    },
    close() {
      const el = open.pop();
      if (el?.scoped) scopes.leave();
      if (el?.local === "style" && style) {
        if (style.id !== undefined) {
          const entry = { basedOn: style.basedOn, vanish: style.vanish };
          if (style.type === "character") out.character.set(style.id, entry);
          else if (style.type === "paragraph" || style.type === undefined) {
            out.paragraph.set(style.id, entry);
            if (style.isDefault && out.defaultParagraphStyle === undefined) out.defaultParagraphStyle = style.id;
          }
        }
        style = undefined;
      }
    },
    wantsText: () => false,
    text() {},
  });
  return out;
}

function isOn(v: string | undefined, absent: boolean): boolean {
  return v === undefined ? absent : v === "1" || v === "true" || v === "on";
}
