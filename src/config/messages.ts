import type { Lang } from "../lint/types.js";

/** Config error texts: zh and en side by side, `{x}` filled by `say`. */
const TEXT = {
  line: { zh: "（第{line}行）", en: " (line {line})" },
  root: { zh: "（根）", en: "(root)" },
  notFound: { zh: "配置文件不存在", en: "config file not found" },
  unreadable: { zh: "无法读取配置文件", en: "cannot read the config file" },
  ruleEntry: { zh: "应为 off、info、warning、error 之一，或 [级别, {选项}]", en: "must be off, info, warning or error, or [severity, {options}]" },
  unknownRule: { zh: "未知规则 {rule}（用 perfgoal rules 查看全部规则）", en: "unknown rule {rule} (perfgoal rules lists them all)" },
  unknownRuleNear: { zh: "未知规则 {rule}，是否应为 {suggestion}？", en: "unknown rule {rule}: did you mean {suggestion}?" },
  duplicateRule: { zh: "规则 {rule} 重复配置（编号与名称指向同一规则）", en: "rule {rule} is configured twice (by id and by code)" },
  noOptions: { zh: "规则 {rule} 没有可配置的选项", en: "rule {rule} takes no options" },
  unknownOption: { zh: "规则 {rule} 没有选项 {option}（可用：{known}）", en: "rule {rule} has no option {option} (known: {known})" },
  optionType: { zh: "选项 {option} 应为{type}", en: "option {option} must be {type}" },
  more: { zh: "；另有 {n} 处", en: "; {n} more" },
} as const;

const TYPE_NAMES: Record<string, { zh: string; en: string }> = {
  number: { zh: "数字", en: "a number" },
  string: { zh: "文本", en: "a string" },
  boolean: { zh: "true 或 false", en: "true or false" },
  array: { zh: "列表", en: "a list" },
  object: { zh: "键值对", en: "a mapping" },
};

export function say(key: keyof typeof TEXT, lang: Lang, data: Record<string, string | number> = {}): string {
  return TEXT[key][lang].replace(/\{(\w+)\}/g, (w, k: string) => (data[k] === undefined ? w : String(data[k])));
}

export function typeName(type: string, lang: Lang): string {
  return TYPE_NAMES[type]?.[lang] ?? type;
}
