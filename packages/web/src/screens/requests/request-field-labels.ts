import type { Translate } from "../../i18n/i18n";
import type { MessageKey } from "../../i18n/ja";
import type { RequestField } from "./request-draft";
import type { RequestKind } from "./request-labels";

const labelKeys: Record<RequestField, MessageKey> = {
  date: "request.field.date",
  start: "request.field.start",
  end: "request.field.end",
  reason: "request.field.reason",
  orderId: "request.field.orderId",
  "compensation.kind": "request.field.compensationKind",
  "compensation.date": "request.field.compensationDate",
  leaveType: "request.field.leaveType",
  unit: "request.field.unit",
  to: "request.field.to",
  evidence: "request.field.evidence",
  eventId: "request.field.eventId",
  relation: "request.field.relation",
  dependants: "request.field.dependants",
  clockIn: "request.field.clockIn",
  clockOut: "request.field.clockOut",
  fromMonth: "request.field.fromMonth",
};

/** The control's id for a payload field: "compensation.date" → "request-compensation-date". */
export function requestFieldId(field: RequestField): string {
  return `request-${field.replace(".", "-")}`;
}

export function fieldLabel(field: RequestField, kind: RequestKind, t: Translate): string {
  if (field === "reason" && (kind === "overtimeOrder" || kind === "overtimeResult"))
    return t("request.field.work");
  if (field === "date" && kind === "leave") return t("request.field.leaveFrom");
  if (field === "date" && kind === "compensatoryTime") return t("request.field.restDate");
  if (field === "start" && kind === "leave") return t("request.field.leaveStart");
  if (field === "end" && kind === "leave") return t("request.field.leaveEnd");
  return t(labelKeys[field]);
}
