/** 审核意见: the documents a reviewer sends back, one per submission, and the per-department summary. */
export { conclusionOf, CONCLUSION_BY_GRADE, type Conclusion } from "./conclusion.js";
export { feedbackDocument, groupByRule, findingLine, type FeedbackFinding, type FeedbackForm, type RuleTitles } from "./form-document.js";
export { summaryDocument, byDepartment, type SummaryForm, type SummaryUnreadable } from "./summary-document.js";
export { FeedbackWriter, FEEDBACK_EXTENSION, SUMMARY_FILE, type FeedbackSetup, type IncomingResult } from "./writer.js";
