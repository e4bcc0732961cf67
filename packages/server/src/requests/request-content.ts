import type { Relation, RequestContent } from "@tobira/core";
import type { RequestContentDto } from "@tobira/protocol";
import { minutesFromWorkTime, workTimeFromMinutes } from "../attendance-rules/work-time";

/*
 * The API writes times as a timesheet does ("25:30") and ids as numbers; core and the store keep minutes
 * of the work day and ids as text. These two functions are the only place the shapes meet.
 */

const minutes = minutesFromWorkTime;
// 忌引's relations as core knows them; any other text is left out, so validation asks for a known one.
const relations = [
  "spouse",
  "parent",
  "child",
  "grandparent",
  "sibling",
  "grandchild",
  "parentInLaw",
] as const satisfies readonly Relation[];
const time = workTimeFromMinutes;

/** The API's content in core's shape; optional fields the API left out stay absent. */
export function toCoreContent(content: RequestContentDto): RequestContent {
  switch (content.kind) {
    case "overtimeOrder": {
      const { date, start, end, reason } = content.payload;
      return { kind: "overtimeOrder", payload: { date, start: minutes(start), end: minutes(end), reason } };
    }
    case "overtimeResult": {
      const { date, start, end, reason, orderId } = content.payload;
      return {
        kind: "overtimeResult",
        payload: { date, start: minutes(start), end: minutes(end), reason, orderId: String(orderId) },
      };
    }
    case "holidayWork": {
      const { date, start, end, reason, compensation } = content.payload;
      return {
        kind: "holidayWork",
        payload: { date, start: minutes(start), end: minutes(end), reason, compensation },
      };
    }
    case "leave": {
      const { leaveType, unit, date, to, start, end, reason, evidence, eventId, relation, dependants } =
        content.payload;
      const known = relations.find((candidate) => candidate === relation);
      return {
        kind: "leave",
        payload: {
          leaveType,
          unit,
          date,
          reason,
          ...(to === undefined ? {} : { to }),
          ...(start === undefined ? {} : { start: minutes(start) }),
          ...(end === undefined ? {} : { end: minutes(end) }),
          ...(evidence === undefined ? {} : { evidence }),
          ...(eventId === undefined ? {} : { eventId }),
          ...(known === undefined ? {} : { relation: known }),
          ...(dependants === undefined ? {} : { dependants }),
        },
      };
    }
    case "punchCorrection": {
      const { date, clockIn, clockOut, reason } = content.payload;
      return {
        kind: "punchCorrection",
        payload: {
          date,
          clockIn: clockIn === null ? null : minutes(clockIn),
          clockOut: clockOut === null ? null : minutes(clockOut),
          reason,
        },
      };
    }
    case "compensatoryTime": {
      const { date, start, end, fromMonth } = content.payload;
      return {
        kind: "compensatoryTime",
        payload: { date, start: minutes(start), end: minutes(end), fromMonth },
      };
    }
  }
}

export function toContentDto(content: RequestContent): RequestContentDto {
  switch (content.kind) {
    case "overtimeOrder": {
      const { date, start, end, reason } = content.payload;
      return { kind: "overtimeOrder", payload: { date, start: time(start), end: time(end), reason } };
    }
    case "overtimeResult": {
      const { date, start, end, reason, orderId } = content.payload;
      return {
        kind: "overtimeResult",
        payload: { date, start: time(start), end: time(end), reason, orderId: Number(orderId) },
      };
    }
    case "holidayWork": {
      const { date, start, end, reason, compensation } = content.payload;
      return {
        kind: "holidayWork",
        payload: { date, start: time(start), end: time(end), reason, compensation },
      };
    }
    case "leave": {
      const { start, end, ...rest } = content.payload;
      return {
        kind: "leave",
        payload: {
          ...rest,
          ...(start === undefined ? {} : { start: time(start) }),
          ...(end === undefined ? {} : { end: time(end) }),
        },
      };
    }
    case "punchCorrection": {
      const { date, clockIn, clockOut, reason } = content.payload;
      return {
        kind: "punchCorrection",
        payload: {
          date,
          clockIn: clockIn === null ? null : time(clockIn),
          clockOut: clockOut === null ? null : time(clockOut),
          reason,
        },
      };
    }
    case "compensatoryTime": {
      const { date, start, end, fromMonth } = content.payload;
      return { kind: "compensatoryTime", payload: { date, start: time(start), end: time(end), fromMonth } };
    }
  }
}
