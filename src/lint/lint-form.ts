import type { Form } from "../model/form.js";
import type { ReadingNote } from "../model/reading-notes.js";
import { formatLocation, locate, type SourceMap } from "../model/location.js";
import type { Fix, Rule, RuleMessage, RuleReport, Severity } from "../rules/types.js";
import { resolveEra } from "./era.js";
import { countSeverities, DEFAULT_GRADE_BANDS, gradeCounts, gradeOf } from "./grade.js";
import { fillMessage } from "./message.js";
import { sortFindings } from "./order.js";
import type { Finding, FormResult, Lang, LintOptions, RuleSetting } from "./types.js";

/** Code of the finding that stands for a rule that failed. */
export const INTERNAL_CODE = "PG000";

const RULE_FAILED: RuleMessage = {
  zh: "规则 {rule} 运行出错，已跳过：{error}",
  en: "rule {rule} failed and was skipped: {error}",
};
const UNKNOWN_MESSAGE: RuleMessage = {
  zh: "规则 {rule} 报告了未定义的消息 {messageId}",
  en: "rule {rule} reported an undefined message {messageId}",
};

/**
 * Run every rule over one form. Rules only report `{messageId, path, data}`; this adds the rule id,
 * code, severity (config first, then the report's own, then the rule's default), the message and
 * the location. A rule that throws becomes one PG000 finding; the other rules still run. `notes`:
 * what the reader repaired to read the form, for the rule that reports them.
 */
export function lintForm(form: Form, sourceMap: SourceMap | undefined, options: LintOptions, notes: readonly ReadingNote[] = []): FormResult {
  const config = options.config ?? {};
  const lang: Lang = options.lang ?? "zh";
  const { era, source } = resolveEra(form, config);
  const findings: Finding[] = [];

  for (const rule of options.rules) {
    const setting: RuleSetting = config.rules?.[rule.meta.id] ?? {};
    if (setting.severity === "off") continue;
    const reports: RuleReport[] = [];
    try {
      rule.check(form, {
        era,
        options: { ...rule.meta.defaultOptions, ...setting.options },
        ...(config.profile !== undefined ? { profile: config.profile } : {}),
        notes,
        report: (r) => void reports.push(r),
      });
    } catch (e) {
      // What the rule reported before failing is not trusted: one internal finding instead.
      findings.push(internalFinding(rule, RULE_FAILED, "ruleFailed", { rule: rule.meta.id, error: errorText(e) }, sourceMap, lang));
      continue;
    }
    for (const r of reports) findings.push(toFinding(rule, r, setting, sourceMap, lang));
  }

  const counts = countSeverities(findings);
  return {
    file: options.file ?? form.source?.file ?? "",
    ...(options.formIndex !== undefined ? { formIndex: options.formIndex } : {}),
    ...(form.project.name ? { project: form.project.name } : {}),
    findings: sortFindings(findings),
    counts,
    grade: gradeOf(gradeCounts(findings), config.grade ?? DEFAULT_GRADE_BANDS),
    era,
    eraSource: source,
  };
}

function toFinding(rule: Rule, r: RuleReport, setting: RuleSetting, map: SourceMap | undefined, lang: Lang): Finding {
  const template = rule.meta.messages[r.messageId];
  if (!template) {
    return internalFinding(rule, UNKNOWN_MESSAGE, "unknownMessage", { rule: rule.meta.id, messageId: r.messageId }, map, lang, r.path);
  }
  const severity: Severity = (setting.severity as Severity | undefined) ?? r.severity ?? rule.meta.severity;
  const finding = build(rule.meta.id, rule.meta.code, severity, r.messageId, template, r.data, r.path, map, lang);
  return r.fix && r.fix.edits.length > 0 ? withFix(finding, r.fix) : finding;
}

function withFix(finding: Finding, fix: Fix): Finding {
  return { ...finding, fixable: true, fix: { edits: fix.edits.map((e) => ({ ...e })) } };
}

function internalFinding(
  rule: Rule,
  template: RuleMessage,
  messageId: string,
  data: Record<string, string>,
  map: SourceMap | undefined,
  lang: Lang,
  path = "",
): Finding {
  return build(rule.meta.id, INTERNAL_CODE, "error", messageId, template, data, path, map, lang);
}

function build(
  ruleId: string,
  code: string,
  severity: Severity,
  messageId: string,
  template: RuleMessage,
  data: Record<string, string | number> | undefined,
  path: string,
  map: SourceMap | undefined,
  lang: Lang,
): Finding {
  const messageZh = fillMessage(template.zh, data);
  const messageEn = fillMessage(template.en, data);
  const location = path ? locate(map, path) : undefined;
  return {
    ruleId,
    code,
    severity,
    messageId,
    message: lang === "en" ? messageEn : messageZh,
    messageZh,
    messageEn,
    ...(data && Object.keys(data).length > 0 ? { data } : {}),
    path,
    ...(location ? { location } : {}),
    locationText: formatLocation(location, lang),
  };
}

function errorText(e: unknown): string {
  const text = e instanceof Error ? e.message : String(e);
  return text.split("\n")[0] ?? "";
}
