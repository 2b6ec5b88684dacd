/**
 * Small glob support for inputs the shell did not expand (quoted patterns, Windows shells):
 * `*` and `?` within one path segment, `**` for any number of folders, `{a,b}` alternatives.
 * Like the shell, `*` and `?` never match a leading dot.
 */

const GLOB_CHARS = /[*?{]/;

export function hasGlob(pattern: string): boolean {
  return GLOB_CHARS.test(pattern);
}

/** Expand `{a,b}` groups (nested allowed) into plain patterns. */
export function expandBraces(pattern: string): string[] {
  const open = findTopLevelBrace(pattern);
  if (!open) return [pattern];
  const { start, end, parts } = open;
  const head = pattern.slice(0, start);
  const tail = pattern.slice(end + 1);
  const out: string[] = [];
  for (const part of parts) for (const expanded of expandBraces(head + part + tail)) out.push(expanded);
  return out;
}

function findTopLevelBrace(p: string): { start: number; end: number; parts: string[] } | undefined {
  for (let start = p.indexOf("{"); start >= 0; start = p.indexOf("{", start + 1)) {
    let depth = 0;
    const parts: string[] = [];
    let partStart = start + 1;
    for (let i = start; i < p.length; i++) {
      const ch = p[i];
      if (ch === "{") depth++;
      else if (ch === "}") {
        depth--;
        if (depth === 0) {
          parts.push(p.slice(partStart, i));
          // `{a}` without a comma is literal text, as in the shell.
          if (parts.length > 1) return { start, end: i, parts };
          break;
        }
      } else if (ch === "," && depth === 1) {
        parts.push(p.slice(partStart, i));
        partStart = i + 1;
      }
    }
  }
  return undefined;
}

/** Split a brace-free pattern into its literal base folder and the glob part below it. */
export function splitGlobBase(pattern: string): { base: string; rest: string[] } {
  const segments = pattern.split(/[\\/]+/);
  const baseSegments: string[] = [];
  let i = 0;
  for (; i < segments.length - 1; i++) {
    if (hasGlob(segments[i]!)) break;
    baseSegments.push(segments[i]!);
  }
  const absolute = /^[\\/]/.test(pattern);
  let base = baseSegments.join("/");
  if (absolute && !base.startsWith("/")) base = `/${base}`;
  return { base: base === "" ? (absolute ? "/" : ".") : base, rest: segments.slice(i) };
}

function escapeRegex(s: string): string {
  return s.replace(/[.+^$()|[\]\\]/g, "\\$&");
}

/** One path segment pattern → regex source. */
function segmentSource(seg: string): string {
  let out = "";
  for (const ch of seg) {
    if (ch === "*") out += "[^/]*";
    else if (ch === "?") out += "[^/]";
    else out += escapeRegex(ch);
  }
  // No leading-dot matches for wildcards at the start of a segment.
  return seg.startsWith("*") || seg.startsWith("?") ? `(?!\\.)${out}` : out;
}

/** Compile the glob part (segments below the base) into a matcher of `/`-separated relative paths. */
export function compileGlob(rest: readonly string[]): (relative: string) => boolean {
  let src = "";
  rest.forEach((seg, i) => {
    const last = i === rest.length - 1;
    if (seg === "**") {
      // Zero or more folders, none of them hidden.
      src += last ? "(?:(?!\\.)[^/]*(?:/(?!\\.)[^/]*)*)?" : "(?:(?!\\.)[^/]*/)*";
    } else src += segmentSource(seg) + (last ? "" : "/");
  });
  const re = new RegExp(`^${src}$`);
  return (relative) => re.test(relative);
}

/** Whether a folder (relative to the base) may still contain matches: used to prune the walk. */
export function couldContainMatches(rest: readonly string[]): (relativeDir: string) => boolean {
  const globstar = rest.indexOf("**");
  const fixedDepth = globstar < 0 ? rest.length - 1 : globstar;
  const prefixes = rest.slice(0, fixedDepth).map((seg) => new RegExp(`^${segmentSource(seg)}$`));
  return (relativeDir) => {
    if (relativeDir === "") return true;
    const parts = relativeDir.split("/");
    if (globstar < 0 && parts.length > fixedDepth) return false;
    for (let i = 0; i < Math.min(parts.length, prefixes.length); i++) if (!prefixes[i]!.test(parts[i]!)) return false;
    return true;
  };
}
