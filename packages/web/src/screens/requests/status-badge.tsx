import type { CSSProperties } from "react";
import { useI18n } from "../../i18n/i18n";
import { type RequestStatus, statusKey, statusTone } from "./request-labels";

const toneStyles: Record<ReturnType<typeof statusTone>, CSSProperties> = {
  waiting: { background: "#fff4ce", fontWeight: "bold" },
  returned: { color: "var(--error)", background: "var(--error-bg)", fontWeight: "bold" },
  done: { color: "var(--ok)", background: "var(--ok-bg)" },
  closed: {},
};

/** 承認待ち, 差戻し, 承認済み …: the request's state in a word. */
export function StatusBadge({ status }: { status: RequestStatus }) {
  const { t } = useI18n();
  const key = statusKey(status);
  return (
    <span className="badge" style={toneStyles[statusTone(status)]}>
      {key === null ? status : t(key)}
    </span>
  );
}
