import { z } from "zod";

/** What a rule can be set to; `warn` is accepted for those used to ESLint. */
export const RULE_SEVERITY_SETTINGS = ["off", "info", "warning", "warn", "error"] as const;
export const RuleSeveritySetting = z.enum(RULE_SEVERITY_SETTINGS);
export type RuleSeveritySetting = z.infer<typeof RuleSeveritySetting>;

/** A rule entry: a severity, or `[severity, {options}]`. */
export const RuleEntry = z
  .union([
    RuleSeveritySetting,
    z.tuple([RuleSeveritySetting]),
    z.tuple([RuleSeveritySetting, z.record(z.string(), z.unknown()).describe("rule options (see docs/rules/<id>.md)")]),
  ])
  .describe("off | info | warning | error, or [severity, {options}]");
export type RuleEntry = z.infer<typeof RuleEntry>;

const GradeBandSetting = z
  .object({
    maxErrors: z.number().int().min(0).optional().describe("most kinds of error for this grade (absent: any)"),
    maxWarnings: z.number().int().min(0).optional().describe("most kinds of warning for this grade (absent: any)"),
  })
  .strict();

/** 优/良/中 limits; each band given replaces that band's default as a whole. */
export const GradeSetting = z
  .object({
    excellent: GradeBandSetting.optional().describe("优 (default: maxErrors 0, maxWarnings 3)"),
    good: GradeBandSetting.optional().describe("良 (default: maxErrors 0)"),
    fair: GradeBandSetting.optional().describe("中 (default: maxErrors 2)"),
  })
  .strict()
  .describe("limits of the advisory grades 优/良/中 (otherwise 差), counting each kind of problem once");

/** perfgoal.config.yaml: everything is optional; unknown keys are errors. */
export const PerfgoalConfig = z
  .object({
    $schema: z.string().optional().describe("JSON Schema of this file, for editors"),
    lang: z.enum(["zh", "en"]).optional().describe("language of messages: zh (default) or en"),
    era: z
      .enum(["A", "B"])
      .optional()
      .describe("taxonomy era used when a form does not show its own: A (88号, 成本 under 产出, default) or B (101号, 成本 as 一级)"),
    detectEra: z.boolean().optional().describe("false: always use `era`, without looking at the form (default true)"),
    profile: z.string().min(1).optional().describe("review profile, e.g. central-2021 or xianjie"),
    rules: z.record(z.string(), RuleEntry).optional().describe("per rule (id or code): severity, or [severity, {options}]"),
    maxWarnings: z.number().int().min(0).optional().describe("more warnings than this make `perfgoal validate` exit 1"),
    grade: GradeSetting.optional(),
  })
  .strict()
  .meta({ title: "perfgoal config", description: "perfgoal.config.yaml: 审核规则级别、选项与口径" });
export type PerfgoalConfig = z.infer<typeof PerfgoalConfig>;
