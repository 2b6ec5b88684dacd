/** The review-rule catalogue, in code order (PG001 …). */
import type { Rule } from "./types.js";
import requiredHeaderFields from "./required-header-fields.js";
import indicatorRowComplete from "./indicator-row-complete.js";
import tier1Coverage from "./tier1-coverage.js";
import eraBCostTier from "./era-b-cost-tier.js";
import coreTier2Coverage from "./core-tier2-coverage.js";
import noTemplatePlaceholders from "./no-template-placeholders.js";
import tier2UnderTier1 from "./tier2-under-tier1.js";
import indicatorFitsTier2 from "./indicator-fits-tier2.js";
import noDuplicateIndicators from "./no-duplicate-indicators.js";
import preferQuantitative from "./prefer-quantitative.js";
import gradedQualitative from "./graded-qualitative.js";
import oneTargetPerCell from "./one-target-per-cell.js";
import valueHasUnit from "./value-has-unit.js";
import comparisonDirection from "./comparison-direction.js";
import percentRange from "./percent-range.js";
import rangeLowerBound from "./range-lower-bound.js";
import valueNotTask from "./value-not-task.js";
import satisfactionTarget from "./satisfaction-target.js";
import fundingAddsUp from "./funding-adds-up.js";
import costWithinBudget from "./cost-within-budget.js";
import amountUnitConsistent from "./amount-unit-consistent.js";
import datesInPeriod from "./dates-in-period.js";
import goalsDistinct from "./goals-distinct.js";
import indicatorCount from "./indicator-count.js";
import goalMatchesIndicators from "./goal-matches-indicators.js";
import performanceStandardType from "./performance-standard-type.js";
import weightsAddUp from "./weights-add-up.js";
import coreIndicatorsKept from "./core-indicators-kept.js";
import signatureBlock from "./signature-block.js";
import headerConsistency from "./header-consistency.js";
import formReadCompletely from "./form-read-completely.js";
import yamlFieldsReadable from "./yaml-fields-readable.js";

export const allRules: Rule[] = [
  requiredHeaderFields,
  indicatorRowComplete,
  tier1Coverage,
  eraBCostTier,
  coreTier2Coverage,
  noTemplatePlaceholders,
  tier2UnderTier1,
  indicatorFitsTier2,
  noDuplicateIndicators,
  preferQuantitative,
  gradedQualitative,
  oneTargetPerCell,
  valueHasUnit,
  comparisonDirection,
  percentRange,
  rangeLowerBound,
  valueNotTask,
  satisfactionTarget,
  fundingAddsUp,
  costWithinBudget,
  amountUnitConsistent,
  datesInPeriod,
  goalsDistinct,
  indicatorCount,
  goalMatchesIndicators,
  performanceStandardType,
  weightsAddUp,
  coreIndicatorsKept,
  signatureBlock,
  headerConsistency,
  formReadCompletely,
  yamlFieldsReadable,
];

export const rulesById: ReadonlyMap<string, Rule> = new Map(allRules.map((r) => [r.meta.id, r]));
