import type { Relation } from "../attendance/leave/leave-types";
import type { LocalDate } from "../calendar/index";

/*
 * 庶務事務: what staff ask for and section heads approve. Times are minutes of the work day (after the local
 * midnight of the day the work day is named after; past 1440 after midnight), dates are LocalDates.
 */

/** 時間外勤務命令 (事前命令): ordered in advance by or for the section head. */
export interface OvertimeOrderPayload {
  date: LocalDate;
  start: number;
  end: number;
  reason: string;
}

/** 時間外勤務実績: what was worked under an approved order. */
export interface OvertimeResultPayload {
  date: LocalDate;
  start: number;
  end: number;
  reason: string;
  orderId: string;
}

/** 振替 (a 週休日 moved to a workday), 代休日 (a day off for work on a 休日), or 休日勤務手当. */
export type HolidayWorkCompensation =
  | { kind: "restDaySwap"; date: LocalDate }
  | { kind: "compensatoryDay"; date: LocalDate }
  | { kind: "payment" };

/** 休日勤務: work on a 週休日 or 休日, with how it is made up. */
export interface HolidayWorkPayload {
  date: LocalDate;
  start: number;
  end: number;
  reason: string;
  compensation: HolidayWorkCompensation;
}

export type LeaveRequestUnit = "day" | "halfDay" | "hour";

/** 休暇: a day (or a run of days to `to`), a half day, or hours of the scheduled day. */
export interface LeavePayload {
  /** A leave type's code in the table in force (annual, sick, bereavement …). */
  leaveType: string;
  unit: LeaveRequestUnit;
  date: LocalDate;
  /** Day unit only: the last day of a run of days (both included); absent for one day. */
  to?: LocalDate;
  /** Half-day and hour units: the part of the scheduled day taken. */
  start?: number;
  end?: number;
  /** Annual leave needs no reason (年休の利用目的は問わない); other types may ask for one. */
  reason: string;
  /** Evidence (診断書, 会葬礼状 …) has been handed in. */
  evidence?: boolean;
  /** Per-event special leave: the marriage, death or birth it is for. */
  eventId?: string;
  /** 忌引: the deceased's relation to the person. */
  relation?: Relation;
  /** 子の看護・短期介護: how many people are cared for. */
  dependants?: number;
}

/** 打刻修正: a number sets the punch; null leaves that punch as recorded. */
export interface PunchCorrectionPayload {
  date: LocalDate;
  clockIn: number | null;
  clockOut: number | null;
  reason: string;
}

/** 時間外勤務代休時間: rest taken for overtime beyond 60 hours in `fromMonth` ('YYYY-MM'). */
export interface CompensatoryTimePayload {
  date: LocalDate;
  start: number;
  end: number;
  fromMonth: string;
}

/** A request's kind and its payload, kept together so one never travels without the other. */
export type RequestContent =
  | { kind: "overtimeOrder"; payload: OvertimeOrderPayload }
  | { kind: "overtimeResult"; payload: OvertimeResultPayload }
  | { kind: "holidayWork"; payload: HolidayWorkPayload }
  | { kind: "leave"; payload: LeavePayload }
  | { kind: "punchCorrection"; payload: PunchCorrectionPayload }
  | { kind: "compensatoryTime"; payload: CompensatoryTimePayload };

export type RequestKind = RequestContent["kind"];

export const requestKinds = [
  "overtimeOrder",
  "overtimeResult",
  "holidayWork",
  "leave",
  "punchCorrection",
  "compensatoryTime",
] as const satisfies readonly RequestKind[];

/** Who decides a step: the applicant's 所属長, or HR (総務課 / 人事担当). */
export type RouteStep = "sectionHead" | "hr";

/**
 * Where a request stands. `step` is the index in the route of the step waiting for a decision; a
 * cancellation of an approved request walks the same route again.
 */
export type RequestState =
  | { status: "pending"; step: number }
  | { status: "returned" }
  | { status: "approved" }
  | { status: "withdrawn" }
  | { status: "cancelPending"; step: number }
  | { status: "cancelled" };

export type RequestStatus = RequestState["status"];

export type HistoryAction =
  | "submit"
  | "approve"
  | "return"
  | "resubmit"
  | "withdraw"
  | "requestCancel"
  | "approveCancel"
  | "returnCancel";

/** One transition, appended and never changed. */
export interface HistoryEntry {
  action: HistoryAction;
  actorId: string;
  /** UTC instant, ISO 8601. */
  at: string;
  reason?: string;
  /** Decisions: the route step decided. */
  step?: number;
  /** 代決: the absent approver the actor decided for. */
  actingFor?: string;
  /** Resubmit: the content before it, so nothing the approver saw is lost. */
  replaced?: RequestContent;
}

interface RequestFrame {
  id: string;
  applicantId: string;
  /** The applicant's section when the request was made; its section head decides. */
  departmentId: string;
  state: RequestState;
  route: readonly RouteStep[];
  history: readonly HistoryEntry[];
}

export type Request = RequestFrame & RequestContent;

/** Requests that hold (or will hold) facts: waiting, approved, or approved with a cancellation waiting. */
export function isActiveRequest(request: Request): boolean {
  const status = request.state.status;
  return status === "pending" || status === "approved" || status === "cancelPending";
}

/** The kind and payload alone, e.g. to keep what a resubmission replaced. */
export function readRequestContent(request: RequestContent): RequestContent {
  switch (request.kind) {
    case "overtimeOrder":
      return { kind: request.kind, payload: request.payload };
    case "overtimeResult":
      return { kind: request.kind, payload: request.payload };
    case "holidayWork":
      return { kind: request.kind, payload: request.payload };
    case "leave":
      return { kind: request.kind, payload: request.payload };
    case "punchCorrection":
      return { kind: request.kind, payload: request.payload };
    case "compensatoryTime":
      return { kind: request.kind, payload: request.payload };
  }
}
