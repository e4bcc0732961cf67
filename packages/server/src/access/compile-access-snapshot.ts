import { type AccessSnapshot, toLocalDate } from "@tobira/core";
import { listTownDays } from "../calendar/town-day-repository";
import type { Executor } from "../db/transaction";
import { listAreas } from "./area-repository";
import { compileStaffHolders } from "./compile-staff-holders";
import { listDoors } from "./door-repository";
import { listGroups } from "./group-repository";
import { listSchedules } from "./schedule-repository";
import { loadSnapshotCredentials, loadSnapshotVisitorHolders } from "./snapshot-credentials";

/** How long the second person has to present at a two-person door. */
const TWO_PERSON_SECONDS = 30;

/**
 * The access rules as readers decide from them at `at`: the whole building, every schedule and group,
 * staff with a membership that has not ended by that day (clipped to their employment), approved
 * grants that have not ended, the town's own days from that day on, and the cards. Ids become strings.
 * Run it in one transaction so the version and the rules it carries belong together.
 */
export async function compileAccessSnapshot(
  db: Executor,
  { at, version }: { at: Date; version: number },
): Promise<AccessSnapshot> {
  const today = toLocalDate(at);
  const areas = await listAreas(db);
  const doors = await listDoors(db);
  const schedules = await listSchedules(db);
  const groups = await listGroups(db);
  const townDays = await listTownDays(db, today, "9999-12-31");
  return {
    version,
    issuedAt: at.toISOString(),
    townDays,
    twoPersonSeconds: TWO_PERSON_SECONDS,
    areas: areas.map((a) => ({
      id: String(a.id),
      name: a.name,
      parentId: a.parentId === null ? null : String(a.parentId),
      antiPassback: a.antiPassback,
      twoPersonRule: a.twoPersonRule,
    })),
    doors: doors.map((d) => ({
      id: String(d.id),
      name: d.name,
      fromArea: String(d.fromAreaId),
      toArea: String(d.toAreaId),
      modes: d.modes.map((m) => ({ scheduleId: String(m.scheduleId), mode: m.mode })),
      defaultMode: d.defaultMode,
      heldOpenSeconds: d.heldOpenSeconds,
      unlockSeconds: d.unlockSeconds,
    })),
    schedules: schedules.map((s) => ({
      id: String(s.id),
      name: s.name,
      windows: s.windows,
      specialDays: s.specialDays,
    })),
    groups: groups.map((g) => ({
      id: String(g.id),
      name: g.name,
      rules: g.rules.map((r) => ({
        doorId: String(r.doorId),
        scheduleId: String(r.scheduleId),
        minimumAssurance: r.minimumAssurance,
      })),
    })),
    holders: [...(await compileStaffHolders(db, at, today)), ...(await loadSnapshotVisitorHolders(db, at))],
    credentials: await loadSnapshotCredentials(db, at),
  };
}
