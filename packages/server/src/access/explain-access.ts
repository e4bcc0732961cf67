import {
  type AssuranceLevel,
  type Door,
  type DoorMode,
  decide,
  findDoorModeAt,
  type Holder,
  isScheduleOpenAt,
} from "@tobira/core";
import type { AccessReason } from "@tobira/protocol";
import { type AccessQuestionContext, probeCredentialKey } from "./access-question-context";

export interface AccessExplanation {
  doorMode: DoorMode;
  canEnter: boolean;
  requiredAssurance: AssuranceLevel | null;
  refusal: string | null;
  reasons: AccessReason[];
}

/**
 * Why a holder may (or may not) pass a door at the context's instant. The verdict is core's decide()
 * on the compiled snapshot, exactly as a reader would reach it; the reasons list the group rules
 * (memberships in force that day) and approved grants that name the door, each marked open or not.
 */
export function explainAccess(
  context: AccessQuestionContext,
  holder: Holder,
  staffId: number,
  door: Door,
): AccessExplanation {
  const { index, moment } = context;
  const decision = decide(
    index,
    { credentialKey: probeCredentialKey(holder.id), assurance: "cardPin" },
    door.id,
    context.at,
  );
  // Whether a second person is there is the agent's to know; the right to enter is what is asked.
  const canEnter = decision.granted || decision.reason === "two_person_pending";
  return {
    doorMode: findDoorModeAt(door, index.schedules, moment),
    canEnter,
    requiredAssurance: decision.requiredAssurance,
    refusal: canEnter ? null : decision.reason,
    reasons: [...groupReasons(context, holder, door), ...grantReasons(context, holder, staffId, door)],
  };
}

function groupReasons(context: AccessQuestionContext, holder: Holder, door: Door): AccessReason[] {
  const { index, moment, groups } = context;
  return holder.groups.flatMap((membership) => {
    // Inclusive dates, as decide() reads a membership.
    const inForce =
      (membership.from === null || membership.from <= moment.date) &&
      (membership.to === null || moment.date <= membership.to);
    const group = groups.get(membership.groupId);
    if (!inForce || !group) return [];
    return group.rules
      .filter((rule) => rule.doorId === door.id)
      .map((rule) => {
        const schedule = index.schedules.get(rule.scheduleId);
        return {
          kind: "group" as const,
          groupId: Number(group.id),
          groupName: group.name,
          scheduleId: Number(rule.scheduleId),
          scheduleName: schedule?.name ?? "",
          minimumAssurance: rule.minimumAssurance,
          open: schedule !== undefined && isScheduleOpenAt(schedule, moment),
        };
      });
  });
}

function grantReasons(
  context: AccessQuestionContext,
  holder: Holder,
  staffId: number,
  door: Door,
): AccessReason[] {
  const atMs = context.moment.epochMs;
  return (
    (context.grantsByStaff.get(staffId) ?? [])
      .filter((grant) => String(grant.doorId) === door.id)
      // Only grants the snapshot carries for this holder (a leaver's are left out of it).
      .filter((grant) =>
        holder.grants.some((g) => g.doorId === door.id && g.from === grant.from && g.to === grant.to),
      )
      .map((grant) => ({
        kind: "grant" as const,
        grantId: grant.id,
        from: grant.from,
        to: grant.to,
        minimumAssurance: grant.minimumAssurance,
        // [from, to), as decide() reads a grant.
        open: Date.parse(grant.from) <= atMs && atMs < Date.parse(grant.to),
      }))
  );
}
