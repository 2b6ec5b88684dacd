import { lstatSync } from "node:fs";
import path from "node:path";
import type { InputFile } from "../batch/expand.js";
import { planOutputs } from "../batch/out-dir.js";
import type { FormFacts } from "../batch/review.js";
import { OutputClaims, sameOutput, writeFileAtomic } from "../cli/io.js";
import { DEFAULT_GRADE_BANDS, type GradeBands } from "../lint/grade.js";
import type { FatalResult, Finding, ReportFinding, ReportFormResult } from "../lint/types.js";
import { formatLocation } from "../model/location.js";
import { packageDocx } from "../render/package.js";
import { conclusionOf } from "./conclusion.js";
import { feedbackDocument, type FeedbackFinding, type FeedbackForm, type RuleTitles } from "./form-document.js";
import { summaryDocument, type SummaryForm, type SummaryUnreadable } from "./summary-document.js";

/** `来件/a.docx` → `审核意见/a.审核意见.docx`. */
export const FEEDBACK_EXTENSION = ".审核意见.docx";
export const SUMMARY_FILE = "部门审核意见汇总.docx";

/** A finding as a worker sends it: the run's language only, or (full results) with its Chinese text and raw place. */
export type IncomingFinding = ReportFinding & Partial<Pick<Finding, "messageZh" | "location">>;
export type IncomingResult = Omit<ReportFormResult, "findings"> & { findings: readonly IncomingFinding[] };

/** The 审核意见 are Chinese documents whatever language the terminal speaks. */
function chineseFinding(f: IncomingFinding): FeedbackFinding {
  const full = f.messageZh !== undefined;
  return { ruleId: f.ruleId, severity: f.severity, message: full ? f.messageZh! : f.message, location: full ? formatLocation(f.location, "zh") : f.locationText };
}

export interface FeedbackSetup {
  /** Absolute folder the documents go to. */
  dir: string;
  files: readonly InputFile[];
  cwd: string;
  /** What standard input is called (--stdin-filename), when it is read. */
  stdinName?: string;
  force: boolean;
  /** Absolute paths of every input: never written. */
  inputs: readonly string[];
  titles: RuleTitles;
  bands?: GradeBands;
}

/**
 * Writes each submission's 审核意见 as its review arrives (atomically, mirroring the input
 * folders under the feedback folder), keeps one small record per form, and at the end writes
 * the 部门审核意见汇总 from those records.
 */
export class FeedbackWriter {
  /** Target per input, by the input's index. */
  readonly targets: string[];
  readonly stdinTarget: string | undefined;
  readonly summaryTarget: string;
  /** Documents written so far. */
  written = 0;
  private readonly forms: SummaryForm[] = [];
  private readonly unreadable: SummaryUnreadable[] = [];
  private readonly claims = new OutputClaims();

  constructor(private readonly setup: FeedbackSetup) {
    this.targets = planOutputs(setup.files, setup.dir, FEEDBACK_EXTENSION, setup.cwd).map((p) => p.target);
    this.stdinTarget =
      setup.stdinName !== undefined ? path.join(setup.dir, path.basename(setup.stdinName === "-" ? "stdin" : setup.stdinName).replace(/\.[^.]*$/, "") + FEEDBACK_EXTENSION) : undefined;
    this.summaryTarget = path.join(setup.dir, SUMMARY_FILE);
  }

  private all(): string[] {
    return [...this.targets, ...(this.stdinTarget ? [this.stdinTarget] : []), this.summaryTarget];
  }

  /** The outputs already there (refused without --force before anything is read). */
  existing(): string[] {
    return this.all().filter((t) => lstatSync(t, { throwIfNoEntry: false }) !== undefined);
  }

  /** Whether `abs` (another output of the run: -o, --summary) is one of these documents. */
  owns(abs: string): boolean {
    return this.all().some((t) => sameOutput(t, abs));
  }

  /** One submission's forms: its document written, its forms recorded for the summary. Throws a PerfgoalError when the write fails. */
  async addFile(name: string, index: number | "stdin", results: readonly IncomingResult[], facts: readonly (FormFacts | undefined)[] = []): Promise<string | undefined> {
    if (results.length === 0) return undefined;
    const forms: FeedbackForm[] = results.map((r, i) => {
      const f = facts[i];
      const conclusion = conclusionOf(r, this.setup.bands ?? DEFAULT_GRADE_BANDS);
      const form: FeedbackForm = {
        file: name,
        ...(r.formIndex !== undefined ? { formIndex: r.formIndex } : {}),
        ...(f?.department ? { department: f.department } : {}),
        ...(r.project ? { project: r.project } : {}),
        ...(f?.fundingTotal ? { fundingTotal: f.fundingTotal } : {}),
        conclusion,
        counts: r.counts,
        findings: r.findings.map(chineseFinding),
      };
      this.forms.push({
        file: name,
        ...(form.formIndex !== undefined ? { formIndex: form.formIndex } : {}),
        ...(form.department ? { department: form.department } : {}),
        ...(form.project ? { project: form.project } : {}),
        ...(form.fundingTotal ? { fundingTotal: form.fundingTotal } : {}),
        conclusion: conclusion.key,
        counts: r.counts,
      });
      return form;
    });
    const target = index === "stdin" ? this.stdinTarget! : this.targets[index]!;
    const input = index === "stdin" ? undefined : this.setup.inputs[index];
    await writeFileAtomic(target, packageDocx(feedbackDocument(forms, this.setup.titles)), {
      force: this.setup.force,
      inputs: input ? [input] : this.setup.inputs,
      claims: this.claims,
      owner: name,
    });
    this.written++;
    return target;
  }

  /** A file that could not be read: no document, a line in the summary. */
  addUnreadable(result: FatalResult): void {
    this.unreadable.push({ file: result.file, code: result.fatal.code, reason: result.fatal.messageZh });
  }

  /** The 部门审核意见汇总, from every form and unreadable file recorded. */
  async finish(): Promise<string> {
    await writeFileAtomic(this.summaryTarget, packageDocx(summaryDocument(this.forms, this.unreadable)), {
      force: this.setup.force,
      inputs: this.setup.inputs,
      claims: this.claims,
      owner: SUMMARY_FILE,
    });
    this.written++;
    return this.summaryTarget;
  }
}
