import { createDayCalendar, type DayCalendar, parseInstantMs } from "./local-moment";
import type {
  AccessGroup,
  AccessRule,
  AccessSnapshot,
  Area,
  Credential,
  Door,
  Holder,
  Schedule,
  TemporaryGrant,
} from "./policy";

export interface IndexedCredential {
  credential: Credential;
  /** The card's holder, looked up once; undefined when the snapshot lacks them. */
  holder: IndexedHolder | undefined;
  /** Epoch ms; an unreadable bound never lets the card through (+∞ from, −∞ to). */
  validFromMs: number;
  validToMs: number;
}

/** A temporary grant with its period [from, to) in epoch ms; an unreadable period covers nothing. */
export interface IndexedGrant {
  grant: TemporaryGrant;
  fromMs: number;
  toMs: number;
}

export interface IndexedHolder {
  holder: Holder;
  grants: readonly IndexedGrant[];
}

/** The group a rule came from, so a denial can name it. */
export interface IndexedRule {
  rule: AccessRule;
  group: AccessGroup;
}

/**
 * A snapshot with the lookups `decide` needs, built once per snapshot. Ids are expected to be unique;
 * where one repeats, the last entry wins.
 */
export interface SnapshotIndex {
  snapshot: AccessSnapshot;
  /** The snapshot's town days, each date classified once. */
  calendar: DayCalendar;
  doors: ReadonlyMap<string, Door>;
  areas: ReadonlyMap<string, Area>;
  schedules: ReadonlyMap<string, Schedule>;
  credentials: ReadonlyMap<string, IndexedCredential>;
  holders: ReadonlyMap<string, IndexedHolder>;
  /** door id → group id → the group's rules for that door. */
  rulesByDoor: ReadonlyMap<string, ReadonlyMap<string, readonly IndexedRule[]>>;
}

function readBoundMs(instant: string | null, whenMissing: number, whenUnreadable: number): number {
  if (instant === null) return whenMissing;
  return parseInstantMs(instant) ?? whenUnreadable;
}

function indexCredential(
  credential: Credential,
  holders: ReadonlyMap<string, IndexedHolder>,
): IndexedCredential {
  return {
    credential,
    holder: holders.get(credential.holderId),
    validFromMs: readBoundMs(credential.validFrom, Number.NEGATIVE_INFINITY, Number.POSITIVE_INFINITY),
    validToMs: readBoundMs(credential.validTo, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY),
  };
}

function indexHolder(holder: Holder): IndexedHolder {
  const grants = holder.grants.map((grant) => ({
    grant,
    fromMs: parseInstantMs(grant.from) ?? Number.POSITIVE_INFINITY,
    toMs: parseInstantMs(grant.to) ?? Number.NEGATIVE_INFINITY,
  }));
  return { holder, grants };
}

function indexRulesByDoor(groups: Iterable<AccessGroup>): Map<string, Map<string, IndexedRule[]>> {
  const rulesByDoor = new Map<string, Map<string, IndexedRule[]>>();
  for (const group of groups) {
    for (const rule of group.rules) {
      let rulesByGroup = rulesByDoor.get(rule.doorId);
      if (rulesByGroup === undefined) {
        rulesByGroup = new Map();
        rulesByDoor.set(rule.doorId, rulesByGroup);
      }
      const rules = rulesByGroup.get(group.id);
      if (rules === undefined) rulesByGroup.set(group.id, [{ rule, group }]);
      else rules.push({ rule, group });
    }
  }
  return rulesByDoor;
}

function indexById<T extends { id: string }>(items: readonly T[]): Map<string, T> {
  return new Map(items.map((item) => [item.id, item]));
}

/** Builds the lookups `decide` runs on; the snapshot itself is kept, not copied. */
export function indexSnapshot(snapshot: AccessSnapshot): SnapshotIndex {
  const groups = indexById(snapshot.groups);
  const holders = new Map(snapshot.holders.map((holder) => [holder.id, indexHolder(holder)]));
  const credentials = new Map(
    snapshot.credentials.map((credential) => [credential.key, indexCredential(credential, holders)]),
  );
  return {
    snapshot,
    calendar: createDayCalendar(snapshot.townDays),
    doors: indexById(snapshot.doors),
    areas: indexById(snapshot.areas),
    schedules: indexById(snapshot.schedules),
    credentials,
    holders,
    rulesByDoor: indexRulesByDoor(groups.values()),
  };
}
