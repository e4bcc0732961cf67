import { type RequestDto, requestKindNames, requestStatuses } from "@tobira/protocol";
import type { MessageKey } from "../../i18n/ja";

export type RequestKind = (typeof requestKindNames)[number];
export type RequestStatus = RequestDto["status"];
export type RouteStep = RequestDto["route"][number];
export type HistoryAction = RequestDto["history"][number]["action"];

// Each template below only type-checks while both dictionaries hold a key for every value.

export function kindKey(kind: RequestKind): MessageKey {
  return `request.kind.${kind}`;
}

/** The form's title, as the paper form is headed (時間外勤務命令簿 …). */
export function formTitleKey(kind: RequestKind): MessageKey {
  return `request.formTitle.${kind}`;
}

/** A status label; null for a status this screen does not know. */
export function statusKey(status: string): MessageKey | null {
  const known = requestStatuses.find((candidate) => candidate === status);
  return known === undefined ? null : `request.status.${known}`;
}

/** The badge's look: waiting and cancelling stand out, settled ones stay quiet. */
export function statusTone(status: RequestStatus): "waiting" | "returned" | "done" | "closed" {
  switch (status) {
    case "pending":
    case "cancelPending":
      return "waiting";
    case "returned":
      return "returned";
    case "approved":
      return "done";
    case "withdrawn":
    case "cancelled":
      return "closed";
  }
}

export function stepKey(step: RouteStep): MessageKey {
  return `request.step.${step}`;
}

export function historyActionKey(action: HistoryAction): MessageKey {
  return `request.history.${action}`;
}

export function isRequestKind(value: string | null): value is RequestKind {
  return requestKindNames.some((kind) => kind === value);
}
