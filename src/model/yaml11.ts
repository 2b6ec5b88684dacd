/**
 * Plain scalars a YAML 1.1 reader (PyYAML's safe_load, Ruby's Psych, old tooling) takes for
 * something other than a string, though YAML 1.2 reads them as text: booleans (yes/no/on/off/y/n),
 * sexagesimal numbers (1:15 → 75), underscores in numbers (1_000), octal (017), dates and times,
 * `=` (the value type) and `<<` (the merge key), and the 1.2 ones as well (null, ~, .inf, 0x1F).
 * perfgoal quotes them when it writes YAML, so every tool reads the same data.
 */
const BOOL = /^(?:y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF)$/;
const NULL = /^(?:~|null|Null|NULL)$/;
const INT = /^[-+]?(?:0b[01_]+|0[0-7_]+|(?:0|[1-9][0-9_]*)|0x[0-9a-fA-F_]+|[1-9][0-9_]*(?::[0-5]?[0-9])+)$/;
const FLOAT = /^(?:[-+]?(?:[0-9][0-9_]*)?\.[0-9.]*(?:[eE][-+]?[0-9]+)?|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN)|[-+]?[0-9][0-9_]*[eE][-+]?[0-9]+)$/;
const TIMESTAMP = /^[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}(?:(?:[Tt]|[ \t]+)[0-9]{1,2}:[0-9]{2}:[0-9]{2}(?:\.[0-9]*)?(?:[ \t]*Z|[ \t]*[-+][0-9]{1,2}(?::[0-9]{2})?)?)?$/;
const SPECIAL = /^(?:=|<<)$/;

/** Whether a string written plain would be read as something else by a YAML 1.1 reader. */
export function ambiguousInYaml11(text: string): boolean {
  // Every 1.1 type is spelt in ASCII: a string with Chinese in it is always a string.
  if (text.length > 64 || /[^\x20-\x7e]/.test(text)) return false;
  const t = text.trim();
  return t !== text || BOOL.test(t) || NULL.test(t) || INT.test(t) || FLOAT.test(t) || TIMESTAMP.test(t) || SPECIAL.test(t);
}
