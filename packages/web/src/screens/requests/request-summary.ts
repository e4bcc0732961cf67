import type { RequestContentDto } from "@tobira/protocol";
import { formatLocalDate } from "../../i18n/format";
import type { Language, Translate } from "../../i18n/i18n";
import { formatMonth } from "../attendance/month-days";
import { isLeaveTypeCode } from "./leave-types";

/** "年次有給休暇" for a known code; the code itself for a town's own type. */
export function leaveTypeLabel(code: string, t: Translate): string {
  return isLeaveTypeCode(code) ? t(`request.leaveType.${code}`) : code;
}

/** A request's content in one line for lists: the day, the times and what it is about. */
export function summariseContent(content: RequestContentDto, t: Translate, language: Language): string {
  const day = formatLocalDate(content.payload.date, language);
  switch (content.kind) {
    case "overtimeOrder":
    case "overtimeResult":
      return `${day} ${content.payload.start}–${content.payload.end}`;
    case "holidayWork": {
      const { start, end, compensation } = content.payload;
      const given =
        compensation.kind === "payment"
          ? t("request.compensation.payment")
          : `${t(`request.compensation.${compensation.kind}`)} ${formatLocalDate(compensation.date, language)}`;
      return `${day} ${start}–${end}（${given}）`;
    }
    case "leave": {
      const { leaveType, unit, to, start, end } = content.payload;
      const span =
        unit === "day"
          ? to === undefined || to === content.payload.date
            ? day
            : `${day}–${formatLocalDate(to, language)}`
          : `${day} ${start ?? ""}–${end ?? ""}`;
      return `${leaveTypeLabel(leaveType, t)} ${span}（${t(`request.unit.${unit}`)}）`;
    }
    case "punchCorrection": {
      const { clockIn, clockOut } = content.payload;
      return `${day} ${t("request.field.clockIn")} ${clockIn ?? "—"} / ${t("request.field.clockOut")} ${clockOut ?? "—"}`;
    }
    case "compensatoryTime": {
      const { start, end, fromMonth } = content.payload;
      return `${day} ${start}–${end}（${t("request.fromMonthShort", { month: formatMonth(fromMonth, language) })}）`;
    }
  }
}

export interface ContentFact {
  label: string;
  value: string;
}

/** A request's content as labelled lines for its detail, in the order of the paper form. */
export function contentFacts(content: RequestContentDto, t: Translate, language: Language): ContentFact[] {
  const date = (value: string) => formatLocalDate(value, language);
  const fact = (label: string, value: string): ContentFact => ({ label, value: value === "" ? "—" : value });
  switch (content.kind) {
    case "overtimeOrder":
    case "overtimeResult": {
      const { payload } = content;
      return [
        ...(content.kind === "overtimeResult"
          ? [fact(t("request.field.orderId"), t("request.number", { id: content.payload.orderId }))]
          : []),
        fact(t("request.field.date"), date(payload.date)),
        fact(t("request.field.hours"), `${payload.start}–${payload.end}`),
        fact(t("request.field.work"), payload.reason),
      ];
    }
    case "holidayWork": {
      const { payload } = content;
      const { compensation } = payload;
      return [
        fact(t("request.field.date"), date(payload.date)),
        fact(t("request.field.hours"), `${payload.start}–${payload.end}`),
        fact(t("request.field.reason"), payload.reason),
        fact(
          t("request.field.compensationKind"),
          compensation.kind === "payment"
            ? t("request.compensation.payment")
            : `${t(`request.compensation.${compensation.kind}`)} ${date(compensation.date)}`,
        ),
      ];
    }
    case "leave": {
      const { payload } = content;
      return [
        fact(t("request.field.leaveType"), leaveTypeLabel(payload.leaveType, t)),
        fact(t("request.field.unit"), t(`request.unit.${payload.unit}`)),
        fact(
          t("request.field.leaveFrom"),
          payload.unit === "day" && payload.to !== undefined && payload.to !== payload.date
            ? `${date(payload.date)}–${date(payload.to)}`
            : date(payload.date),
        ),
        ...(payload.unit === "day"
          ? []
          : [fact(t("request.field.hours"), `${payload.start ?? ""}–${payload.end ?? ""}`)]),
        fact(t("request.field.reason"), payload.reason),
        ...(payload.evidence === undefined
          ? []
          : [fact(t("request.field.evidence"), payload.evidence ? t("request.yes") : t("request.no"))]),
      ];
    }
    case "punchCorrection": {
      const { payload } = content;
      return [
        fact(t("request.field.date"), date(payload.date)),
        fact(t("request.field.clockIn"), payload.clockIn ?? ""),
        fact(t("request.field.clockOut"), payload.clockOut ?? ""),
        fact(t("request.field.reason"), payload.reason),
      ];
    }
    case "compensatoryTime": {
      const { payload } = content;
      return [
        fact(t("request.field.fromMonth"), formatMonth(payload.fromMonth, language)),
        fact(t("request.field.restDate"), date(payload.date)),
        fact(t("request.field.hours"), `${payload.start}–${payload.end}`),
      ];
    }
  }
}
