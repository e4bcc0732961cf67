import { requestKindNames } from "@tobira/protocol";
import type { SectionRouteRules } from "../../api/request-admin";
import { formatDuration, parseDuration } from "../attendance/work-time";

export type RequestKindName = (typeof requestKindNames)[number];

/**
 * How one kind of request walks: the section head alone, the section head then HR, or (overtime only)
 * the section head with HR joining once the month's overtime reaches the section's threshold.
 */
export type RouteChoice = "byHours" | "sectionHead" | "sectionHeadThenHr";

/** The route form as typed; the threshold stays text until it is saved. */
export interface RouteRulesDraft {
  routes: Record<RequestKindName, RouteChoice>;
  overtimeToHr: boolean;
  overtimeHours: string;
}

export type OvertimeHoursProblem = "missing" | "notHours" | "outOfRange";

/** The most the server accepts for the threshold: 300 hours. */
export const maxOvertimeHours = 300;

const sectionHeadThenHr = ["sectionHead", "hr"] as const;

export function isOvertimeKind(kind: RequestKindName): boolean {
  return kind === "overtimeOrder" || kind === "overtimeResult";
}

/** The choices a kind offers; only overtime has a threshold to follow. */
export function routeChoicesFor(kind: RequestKindName): readonly RouteChoice[] {
  return isOvertimeKind(kind)
    ? ["byHours", "sectionHead", "sectionHeadThenHr"]
    : ["sectionHead", "sectionHeadThenHr"];
}

export function draftFromRules(rules: SectionRouteRules): RouteRulesDraft {
  const routes = mapKinds((kind) => choiceOf(kind, rules));
  const threshold = rules.hrForOvertimeFromMinutes;
  return {
    routes,
    overtimeToHr: threshold !== null,
    overtimeHours: threshold === null ? "" : formatHours(threshold),
  };
}

/** One value per kind; listing the kinds by name lets the compiler catch a kind added later. */
function mapKinds<T>(choose: (kind: RequestKindName) => T): Record<RequestKindName, T> {
  return {
    overtimeOrder: choose("overtimeOrder"),
    overtimeResult: choose("overtimeResult"),
    holidayWork: choose("holidayWork"),
    leave: choose("leave"),
    punchCorrection: choose("punchCorrection"),
    compensatoryTime: choose("compensatoryTime"),
  };
}

/** What the server does with a kind, as one choice (a whole route configured wins over the flags). */
function choiceOf(kind: RequestKindName, rules: SectionRouteRules): RouteChoice {
  const steps = rules.routes?.[kind];
  if (steps !== undefined) return steps.includes("hr") ? "sectionHeadThenHr" : "sectionHead";
  if (isOvertimeKind(kind)) return "byHours";
  if (kind === "holidayWork" && rules.hrForHolidayWork) return "sectionHeadThenHr";
  return "sectionHead";
}

/** 45 h as "45", 45 h 30 min as "45:30". */
export function formatHours(minutes: number): string {
  return minutes % 60 === 0 ? String(minutes / 60) : formatDuration(minutes);
}

/** Only a threshold that is switched on is checked. */
export function checkOvertimeHours(draft: RouteRulesDraft): OvertimeHoursProblem | null {
  if (!draft.overtimeToHr) return null;
  if (draft.overtimeHours.trim() === "") return "missing";
  const minutes = parseDuration(draft.overtimeHours);
  if (minutes === null) return "notHours";
  return minutes > maxOvertimeHours * 60 ? "outOfRange" : null;
}

/**
 * The body to save, or null while the threshold is wrong. Holiday work's choice is the section's
 * holiday-work flag; a kind left with the section head alone is simply not configured, except overtime,
 * where "section head alone" must be written to switch the threshold off for that kind.
 */
export function rulesFromDraft(draft: RouteRulesDraft): SectionRouteRules | null {
  if (checkOvertimeHours(draft) !== null) return null;
  const routes: NonNullable<SectionRouteRules["routes"]> = {};
  for (const kind of requestKindNames) {
    if (kind === "holidayWork") continue;
    const choice = draft.routes[kind];
    if (choice === "sectionHeadThenHr") routes[kind] = [...sectionHeadThenHr];
    if (choice === "sectionHead" && isOvertimeKind(kind)) routes[kind] = ["sectionHead"];
  }
  const minutes = draft.overtimeToHr ? parseDuration(draft.overtimeHours) : null;
  return {
    hrForOvertimeFromMinutes: minutes,
    hrForHolidayWork: draft.routes.holidayWork === "sectionHeadThenHr",
    ...(Object.keys(routes).length === 0 ? {} : { routes }),
  };
}
