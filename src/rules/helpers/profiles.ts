/**
 * The review profiles (`--profile`, `profile:` in the config): each makes some rules stricter for
 * one kind of form. A name not listed here is refused, never silently reviewed as no profile.
 */
export const PROFILES = {
  /** The 2021 central taxonomy is mandatory (its 成本指标 tier an error, not a warning). */
  central2021: "central-2021",
  /** Ningxia's forms print 必填 on every 二级 category. */
  ningxia: "ningxia",
  /** 衔接资金 / 扶贫 projects: the required indicators must be kept. */
  xianjie: "xianjie",
} as const;

export const PROFILE_NAMES: readonly string[] = Object.values(PROFILES);
