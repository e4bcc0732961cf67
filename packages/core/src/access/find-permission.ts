import { selectWeakerAssurance } from "./assurance";
import type { LocalMoment } from "./local-moment";
import type { AssuranceLevel, Door, GroupMembership } from "./policy";
import { isScheduleOpenAt } from "./schedule";
import type { IndexedGrant, IndexedHolder, IndexedRule, SnapshotIndex } from "./snapshot-index";

/** Whether the holder may pass the door now, and if so the weakest assurance an open rule asks. */
export type Permission =
  | { open: true; requiredAssurance: AssuranceLevel }
  | { open: false; reason: "outside_schedule" | "no_permission"; message: string };

function isMembershipActive(membership: GroupMembership, date: string): boolean {
  // 'YYYY-MM-DD' strings order as dates; both ends are included.
  return (
    (membership.from === null || membership.from <= date) && (membership.to === null || date <= membership.to)
  );
}

function describeLapsedMembership(
  membership: GroupMembership,
  rules: readonly IndexedRule[],
  date: string,
): string {
  const groupName = rules[0]?.group.name ?? membership.groupId;
  return membership.from !== null && date < membership.from
    ? `membership of ${groupName} starts ${membership.from}`
    : `membership of ${groupName} ended ${membership.to}`;
}

function describeLapsedGrant(grant: IndexedGrant, epochMs: number): string {
  return epochMs < grant.fromMs
    ? `temporary grant starts ${grant.grant.from}`
    : `temporary grant ended ${grant.grant.to}`;
}

function weaken(current: AssuranceLevel | null, candidate: AssuranceLevel): AssuranceLevel {
  return current === null ? candidate : selectWeakerAssurance(current, candidate);
}

/**
 * Looks through the holder's memberships active on the local date (their groups' rules for this door)
 * and temporary grants for this door. The person needs to meet only one rule that is open now, so the
 * weakest open one sets the assurance; a rule for the door with no open schedule means outside the
 * schedule rather than no permission.
 */
export function findPermission(
  index: SnapshotIndex,
  holder: IndexedHolder,
  door: Door,
  moment: LocalMoment,
): Permission {
  let required: AssuranceLevel | null = null;
  let closedScheduleName: string | null = null;
  let lapse: string | null = null;
  const rulesByGroup = index.rulesByDoor.get(door.id);
  if (rulesByGroup !== undefined) {
    for (const membership of holder.holder.groups) {
      const rules = rulesByGroup.get(membership.groupId);
      if (rules === undefined) continue;
      if (!isMembershipActive(membership, moment.date)) {
        lapse ??= describeLapsedMembership(membership, rules, moment.date);
        continue;
      }
      for (const { rule } of rules) {
        const schedule = index.schedules.get(rule.scheduleId);
        if (schedule !== undefined && isScheduleOpenAt(schedule, moment)) {
          required = weaken(required, rule.minimumAssurance);
        } else {
          closedScheduleName ??= schedule?.name ?? `${rule.scheduleId} (missing)`;
        }
      }
    }
  }
  for (const grant of holder.grants) {
    if (grant.grant.doorId !== door.id) continue;
    if (grant.fromMs <= moment.epochMs && moment.epochMs < grant.toMs) {
      required = weaken(required, grant.grant.minimumAssurance);
    } else {
      lapse ??= describeLapsedGrant(grant, moment.epochMs);
    }
  }
  if (required !== null) return { open: true, requiredAssurance: required };
  if (closedScheduleName !== null) {
    return {
      open: false,
      reason: "outside_schedule",
      message: `outside the schedule ${closedScheduleName} of ${door.name}`,
    };
  }
  const detail = lapse === null ? "" : `: ${lapse}`;
  return { open: false, reason: "no_permission", message: `no permission for ${door.name}${detail}` };
}
