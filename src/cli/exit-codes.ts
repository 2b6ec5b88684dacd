/** perfgoal's exit codes, listed in every command's help. */
export const EXIT = {
  /** No errors (and warnings within --max-warnings). */
  ok: 0,
  /** Findings of severity error, or unreadable input. */
  findings: 1,
  /** Usage, config or perfgoal's own failure (also: an input path that does not exist). */
  usage: 2,
} as const;

export const EXIT_HELP_ZH = `
退出码 / exit codes:
  0  无错误 / no errors
  1  存在错误级问题或无法读取的输入 / errors found, or unreadable input
  2  用法、配置或内部错误，输入路径不存在 / usage, config or internal failure, missing input path
`;
