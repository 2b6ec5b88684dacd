import { DEFAULT_GRADE_BANDS, gradeBandText, type GradeBands } from "../lint/grade.js";
import type { SeverityCounts } from "../lint/types.js";
import { GRADES, REVIEW_CONCLUSIONS, type ConclusionKey, type Grade } from "../model/terms.js";

/** The suggested conclusion of a form's 审核意见 and why. */
export interface Conclusion {
  key: ConclusionKey;
  /** 通过 / 修改后通过 / 退回. */
  text: string;
  reason: string;
}

/** What the conclusion is drawn from: the grade (under the run's bands) and which rules reported. */
export interface ConcludedForm {
  grade: Grade;
  counts: SeverityCounts;
  findings: readonly { ruleId: string }[];
}

/** The rule that says a form was read only in part: then the review covers only what was read. */
const READ_IN_PART_RULE = "form-read-completely";

/**
 * Conclusions follow the grade, so they move with the bands set under `grade` in the config:
 * 优 → 通过, 良 and 中 → 修改后通过, 差 → 退回.
 */
export const CONCLUSION_BY_GRADE: Record<Grade, ConclusionKey> = {
  [GRADES.excellent]: "pass",
  [GRADES.good]: "revise",
  [GRADES.fair]: "revise",
  [GRADES.poor]: "reject",
};

/**
 * The conclusion of one form. A form read only in part is 退回 whatever its grade: its findings
 * cover only what was read, so no pass can be given with confidence.
 */
export function conclusionOf(form: ConcludedForm, bands: GradeBands = DEFAULT_GRADE_BANDS): Conclusion {
  if (form.findings.some((f) => f.ruleId === READ_IN_PART_RULE)) {
    return make("reject", "表单只读取了一部分，审核只涵盖已读的部分，无法给出通过意见；请核对原件，报送完整的申报表后重新审核");
  }
  const key = CONCLUSION_BY_GRADE[form.grade];
  const band = (b: keyof GradeBands) => gradeBandText(bands[b], "zh");
  const found = form.counts.error + form.counts.warning + form.counts.info > 0;
  switch (form.grade) {
    case GRADES.excellent:
      return make(key, `评级为优（${band("excellent")}）${found ? "；所列问题请在定稿时一并完善" : "，未发现问题"}`);
    case GRADES.good:
      return make(key, `评级为良（${band("good")}，未达到优的“${band("excellent")}”）；请按所列问题修改，修改后通过`);
    case GRADES.fair:
      return make(key, `评级为中（${band("fair")}，未达到良的“${band("good")}”）；请改正所列错误，修改后通过`);
    default:
      return make(key, `评级为差（超出中的“${band("fair")}”）；问题较多，请修改后重新报送审核`);
  }
}

function make(key: ConclusionKey, reason: string): Conclusion {
  return { key, text: REVIEW_CONCLUSIONS[key], reason };
}
