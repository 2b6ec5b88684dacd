import { remembering } from "../util/remember.js";

/**
 * A template split once into literal text and placeholder names: every finding fills two
 * messages, and a batch fills the same few dozen templates hundreds of thousands of times.
 * Even indexes hold text, odd ones names.
 */
const compile = remembering((template) => template.split(/\{(\w+)\}/), { max: 2048 });

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
