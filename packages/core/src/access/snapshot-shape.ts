import { isLocalDate, type TownDay } from "../calendar/index";
import { isAssuranceLevel } from "./assurance";
import type {
  AccessGroup,
  AccessRule,
  AccessSnapshot,
  Area,
  Credential,
  Door,
  DoorMode,
  GroupMembership,
  Holder,
  Schedule,
  SnapshotChange,
  SnapshotDelta,
  TemporaryGrant,
  TimeWindow,
} from "./policy";

// Checks a decoded payload against the snapshot's types, so a signed but foreign or older-format payload
// is reported as malformed instead of failing later inside decide().

type Guard<T> = (value: unknown) => value is T;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function isArrayOf<T>(value: unknown, guard: Guard<T>): value is T[] {
  return Array.isArray(value) && value.every((item) => guard(item));
}

function isOneOf<T extends string>(value: unknown, options: readonly T[]): value is T {
  return options.some((option) => option === value);
}

function isString(value: unknown): value is string {
  return typeof value === "string";
}

function isNullableString(value: unknown): value is string | null {
  return value === null || typeof value === "string";
}

function isNullableLocalDate(value: unknown): value is string | null {
  return value === null || isLocalDate(value);
}

function isFiniteNumber(value: unknown): value is number {
  return typeof value === "number" && Number.isFinite(value);
}

function isVersion(value: unknown): value is number {
  return typeof value === "number" && Number.isSafeInteger(value) && value >= 0;
}

const doorModes: readonly DoorMode[] = ["locked", "unlocked", "secured", "lockdown"];
const credentialStatuses: readonly Credential["status"][] = ["active", "suspended", "revoked"];
const credentialKinds: readonly Credential["kind"][] = ["jpki", "staffCard", "uid"];
const scheduleDayTypes = ["workday", "weeklyRest", "holiday"] as const;

function isTownDay(value: unknown): value is TownDay {
  return (
    isRecord(value) &&
    isLocalDate(value.date) &&
    isOneOf(value.kind, ["holiday", "workday"]) &&
    isString(value.name)
  );
}

function isTimeWindow(value: unknown): value is TimeWindow {
  return isRecord(value) && isFiniteNumber(value.start) && isFiniteNumber(value.end);
}

function isScheduleWindows(value: unknown): value is Schedule["windows"] {
  if (!isRecord(value)) return false;
  return scheduleDayTypes.every(
    (dayType) => value[dayType] === undefined || isArrayOf(value[dayType], isTimeWindow),
  );
}

function isSpecialDay(value: unknown): value is Schedule["specialDays"][number] {
  return isRecord(value) && isLocalDate(value.date) && isArrayOf(value.windows, isTimeWindow);
}

function isSchedule(value: unknown): value is Schedule {
  return (
    isRecord(value) &&
    isString(value.id) &&
    isString(value.name) &&
    isScheduleWindows(value.windows) &&
    isArrayOf(value.specialDays, isSpecialDay)
  );
}

function isDoorModeEntry(value: unknown): value is Door["modes"][number] {
  return isRecord(value) && isString(value.scheduleId) && isOneOf(value.mode, doorModes);
}

function isDoor(value: unknown): value is Door {
  return (
    isRecord(value) &&
    isString(value.id) &&
    isString(value.name) &&
    isString(value.toArea) &&
    isString(value.fromArea) &&
    isArrayOf(value.modes, isDoorModeEntry) &&
    isOneOf(value.defaultMode, doorModes) &&
    typeof value.heldOpenSeconds === "number" &&
    Number.isInteger(value.heldOpenSeconds) &&
    value.heldOpenSeconds > 0 &&
    typeof value.unlockSeconds === "number" &&
    Number.isInteger(value.unlockSeconds) &&
    value.unlockSeconds > 0
  );
}

function isArea(value: unknown): value is Area {
  return (
    isRecord(value) &&
    isString(value.id) &&
    isString(value.name) &&
    isNullableString(value.parentId) &&
    typeof value.antiPassback === "boolean" &&
    typeof value.twoPersonRule === "boolean"
  );
}

function isCredential(value: unknown): value is Credential {
  return (
    isRecord(value) &&
    isString(value.key) &&
    isOneOf(value.kind, credentialKinds) &&
    isString(value.holderId) &&
    isOneOf(value.status, credentialStatuses) &&
    isNullableString(value.validFrom) &&
    isNullableString(value.validTo) &&
    isNullableString(value.publicKey)
  );
}

function isAccessRule(value: unknown): value is AccessRule {
  return (
    isRecord(value) &&
    isString(value.doorId) &&
    isString(value.scheduleId) &&
    isAssuranceLevel(value.minimumAssurance)
  );
}

function isAccessGroup(value: unknown): value is AccessGroup {
  return (
    isRecord(value) && isString(value.id) && isString(value.name) && isArrayOf(value.rules, isAccessRule)
  );
}

function isGroupMembership(value: unknown): value is GroupMembership {
  return (
    isRecord(value) &&
    isString(value.groupId) &&
    isNullableLocalDate(value.from) &&
    isNullableLocalDate(value.to)
  );
}

function isTemporaryGrant(value: unknown): value is TemporaryGrant {
  return (
    isRecord(value) &&
    isString(value.doorId) &&
    isString(value.from) &&
    isString(value.to) &&
    isAssuranceLevel(value.minimumAssurance)
  );
}

function isHolder(value: unknown): value is Holder {
  return (
    isRecord(value) &&
    isString(value.id) &&
    isArrayOf(value.groups, isGroupMembership) &&
    isArrayOf(value.grants, isTemporaryGrant)
  );
}

export function isAccessSnapshot(value: unknown): value is AccessSnapshot {
  return (
    isRecord(value) &&
    isVersion(value.version) &&
    isString(value.issuedAt) &&
    isArrayOf(value.townDays, isTownDay) &&
    isFiniteNumber(value.twoPersonSeconds) &&
    isArrayOf(value.areas, isArea) &&
    isArrayOf(value.doors, isDoor) &&
    isArrayOf(value.schedules, isSchedule) &&
    isArrayOf(value.groups, isAccessGroup) &&
    isArrayOf(value.holders, isHolder) &&
    isArrayOf(value.credentials, isCredential)
  );
}

function isSnapshotChange(value: unknown): value is SnapshotChange {
  if (!isRecord(value)) return false;
  switch (value.type) {
    case "credentialStatus":
      return isString(value.key) && isOneOf(value.status, credentialStatuses);
    case "credentialUpsert":
      return isCredential(value.credential);
    case "holderUpsert":
      return isHolder(value.holder);
    case "doorMode":
      return isString(value.doorId) && isOneOf(value.defaultMode, doorModes);
    default:
      return false;
  }
}

export function isSnapshotDelta(value: unknown): value is SnapshotDelta {
  return (
    isRecord(value) &&
    isVersion(value.baseVersion) &&
    isVersion(value.version) &&
    isString(value.issuedAt) &&
    isArrayOf(value.changes, isSnapshotChange)
  );
}
