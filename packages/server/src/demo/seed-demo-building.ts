import {
  accessGroupInputSchema,
  areaInputSchema,
  doorInputSchema,
  readerInputSchema,
  scheduleInputSchema,
} from "@tobira/protocol";
import { insertArea } from "../access/area-repository";
import { insertDoor } from "../access/door-repository";
import { insertGroup } from "../access/group-repository";
import { insertMembership } from "../access/membership-repository";
import { insertReader } from "../access/reader-repository";
import { insertSchedule } from "../access/schedule-repository";
import type { Executor } from "../db/transaction";

export interface DemoStaffPlacement {
  staffId: number;
  departmentName: string;
  startDate: string;
}

/**
 * The demo town hall's doors: the main entrance and the holiday entrance for everyone, the archive
 * (書庫) for 総務課 in office hours, the server room (サーバ室) for 情報政策係 with card + PIN.
 */
export async function seedDemoBuilding(trx: Executor, staff: readonly DemoStaffPlacement[]): Promise<void> {
  const area = async (name: string, parentId: number | null, flags: { antiPassback?: boolean } = {}) =>
    (await insertArea(trx, areaInputSchema.parse({ name, parentId, ...flags }))).id;
  const outside = await area("屋外", null);
  const hall = await area("庁舎", null);
  const floor1 = await area("1F", hall);
  const floor2 = await area("2F", hall);
  const archive = await area("書庫", floor1);
  const serverRoom = await area("サーバ室", floor2, { antiPassback: true });

  const door = async (name: string, fromAreaId: number, toAreaId: number, defaultMode = "locked") =>
    (
      await insertDoor(
        trx,
        doorInputSchema.parse({ name, fromAreaId, toAreaId, defaultMode, exitButton: true }),
      )
    ).id;
  const main = await door("正面玄関", outside, floor1);
  const holiday = await door("休日通用口", outside, floor1);
  const archiveDoor = await door("書庫入口", floor1, archive);
  const serverDoor = await door("サーバ室入口", floor2, serverRoom, "secured");

  const reader = (name: string, kind: string, doorId: number | null, side: string | null) =>
    insertReader(trx, readerInputSchema.parse({ name, kind, doorId, side }));
  await reader("正面玄関 入口", "door", main, "entry");
  await reader("休日通用口 入口", "door", holiday, "entry");
  await reader("書庫入口 入室", "door", archiveDoor, "entry");
  await reader("サーバ室 入室", "door", serverDoor, "entry");
  await reader("サーバ室 退室", "door", serverDoor, "exit");
  await reader("1F 出退勤端末", "attendance", null, null);
  await reader("総務課 カード登録端末", "enrolment", null, null);

  const office = await insertSchedule(
    trx,
    scheduleInputSchema.parse({ name: "平日日中", windows: { workday: [{ start: "08:00", end: "18:00" }] } }),
  );
  const allDay = { start: "00:00", end: "24:00" };
  const always = await insertSchedule(
    trx,
    scheduleInputSchema.parse({
      name: "常時",
      windows: { workday: [allDay], weeklyRest: [allDay], holiday: [allDay] },
    }),
  );

  const group = async (
    name: string,
    rules: { doorId: number; scheduleId: number; minimumAssurance: string }[],
  ) => (await insertGroup(trx, accessGroupInputSchema.parse({ name, rules }))).id;
  const everyone = await group("全職員", [
    { doorId: main, scheduleId: office, minimumAssurance: "tap" },
    { doorId: holiday, scheduleId: always, minimumAssurance: "tap" },
  ]);
  const archiveUsers = await group("書庫利用者", [
    { doorId: archiveDoor, scheduleId: office, minimumAssurance: "tapProof" },
  ]);
  const serverAdmins = await group("サーバ室管理者", [
    { doorId: serverDoor, scheduleId: always, minimumAssurance: "cardPin" },
  ]);

  for (const person of staff) {
    const validFrom = person.startDate;
    await insertMembership(trx, everyone, { staffId: person.staffId, validFrom, validTo: null });
    if (["総務課", "人事係", "庶務係", "情報政策係"].includes(person.departmentName)) {
      await insertMembership(trx, archiveUsers, { staffId: person.staffId, validFrom, validTo: null });
    }
    if (person.departmentName === "情報政策係") {
      await insertMembership(trx, serverAdmins, { staffId: person.staffId, validFrom, validTo: null });
    }
  }
}
