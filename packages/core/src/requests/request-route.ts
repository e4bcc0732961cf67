import type { RequestKind, RouteStep } from "./request-types";

/** A section's approval routes: data a town sets per section, with the section head as the default. */
export interface SectionRouteRules {
  /** A whole route per kind, replacing the default (e.g. leave to HR as well in a small town). */
  routes?: Partial<Record<RequestKind, readonly RouteStep[]>>;
  /**
   * Overtime orders and results go to HR too once the person's month, this request included, reaches
   * this many minutes (e.g. 45 h, the ordinary cap); null = never.
   */
  hrForOvertimeFromMinutes: number | null;
  /** 休日勤務 goes to HR too. */
  hrForHolidayWork: boolean;
}

export const defaultSectionRouteRules: SectionRouteRules = {
  hrForOvertimeFromMinutes: null,
  hrForHolidayWork: false,
};

const sectionHeadOnly: readonly RouteStep[] = ["sectionHead"];
const sectionHeadThenHr: readonly RouteStep[] = ["sectionHead", "hr"];

/**
 * The steps a request walks. `monthOvertimeMinutes` is the person's overtime in the request's month with
 * this request counted, for the HR threshold; other kinds ignore it.
 */
export function resolveRoute(
  kind: RequestKind,
  sectionRules: SectionRouteRules = defaultSectionRouteRules,
  monthOvertimeMinutes = 0,
): readonly RouteStep[] {
  const configured = sectionRules.routes?.[kind];
  if (configured !== undefined && configured.length > 0) return configured;
  if (kind === "holidayWork" && sectionRules.hrForHolidayWork) return sectionHeadThenHr;
  const threshold = sectionRules.hrForOvertimeFromMinutes;
  const isOvertime = kind === "overtimeOrder" || kind === "overtimeResult";
  if (isOvertime && threshold !== null && monthOvertimeMinutes >= threshold) return sectionHeadThenHr;
  return sectionHeadOnly;
}
