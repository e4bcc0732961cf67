import type { AccessReason } from "@tobira/protocol";
import { formatReason } from "../i18n/access-labels";
import { useI18n } from "../i18n/i18n";

/** Why someone may pass a door: each group rule or approved grant that applies, one per line. */
export function AccessReasons({ reasons }: { reasons: readonly AccessReason[] }) {
  const { t, language } = useI18n();
  return (
    <ul className="plain-list">
      {reasons.map((reason) => (
        <li key={reason.kind === "group" ? `g${reason.groupId}-${reason.scheduleId}` : `r${reason.grantId}`}>
          {formatReason(reason, t, language)}
        </li>
      ))}
    </ul>
  );
}
