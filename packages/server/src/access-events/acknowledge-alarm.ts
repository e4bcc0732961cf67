import type { AccessAlarmDto } from "@tobira/protocol";
import { appendAudit } from "../audit/audit-repository";
import type { Deps } from "../deps";
import { AppError, notFound } from "../errors";
import { findAlarm, markAlarmAcknowledged } from "./alarm-repository";

/** Someone saw the alarm and says what was done about it; the comment is required and audited. */
export async function acknowledgeAlarm(
  { db, clock }: Pick<Deps, "db" | "clock">,
  actor: string,
  id: number,
  comment: string,
): Promise<AccessAlarmDto> {
  const now = clock.now();
  return db.transaction().execute(async (trx) => {
    const alarm = await findAlarm(trx, id);
    if (!alarm) throw notFound("The alarm");
    if (alarm.acknowledgedAt !== null)
      throw new AppError(
        "conflict",
        `The alarm was already acknowledged by ${alarm.acknowledgedBy ?? "someone"} at ${alarm.acknowledgedAt}`,
      );
    await markAlarmAcknowledged(trx, id, actor, now.toISOString(), comment);
    await appendAudit(
      trx,
      {
        actor,
        action: "access.alarmAcknowledged",
        targetType: "alarm",
        targetId: id,
        details: { kind: alarm.kind, doorId: alarm.doorId, readerId: alarm.readerId, comment },
      },
      now,
    );
    const after = await findAlarm(trx, id);
    if (!after) throw notFound("The alarm");
    return after;
  });
}
