/**
 * A template split once into literal text and placeholder names: every finding fills two
 * messages, and a batch fills the same few dozen templates hundreds of thousands of times.
 * Even indexes hold text, odd ones names.
 */
const compiled = new Map<string, string[]>();
const MAX_COMPILED = 2048;

function compile(template: string): string[] {
  let parts = compiled.get(template);
  if (parts === undefined) {
    parts = template.split(/\{(\w+)\}/);
    if (compiled.size >= MAX_COMPILED) compiled.clear();
    compiled.set(template, parts);
  }
  return parts;
}

/** Fill `{name}` placeholders from data; an unknown name stays as written so the gap is visible. */
export function fillMessage(template: string, data: Record<string, string | number> = {}): string {
  const parts = compile(template);
  if (parts.length === 1) return template;
  let out = parts[0]!;
  for (let i = 1; i < parts.length; i += 2) {
    const name = parts[i]!;
    const v = Object.hasOwn(data, name) ? data[name] : undefined;
    out += (v === undefined ? `{${name}}` : String(v)) + parts[i + 1]!;
  }
  return out;
}
