import { beforeAll, expect, it } from "vitest";
import { addStaff } from "../../test/access-api";
import { describeEachDatabase } from "../../test/databases";
import { insertAttendanceEntry } from "../attendance/attendance-entry-repository";
import type { Deps } from "../deps";
import { readAnnualLeaveBalance } from "./leave-balance";

const day = 465;

async function recordAnnualLeave(deps: Deps, staffId: number, date: string, hours?: [string, string]) {
  await insertAttendanceEntry(
    deps.db,
    staffId,
    {
      kind: "leave",
      date,
      leaveType: "annual",
      start: hours ? hours[0] : null,
      end: hours ? hours[1] : null,
      reason: "年次有給休暇",
    },
    { by: "test", at: deps.clock.now() },
  );
}

describeEachDatabase("annual leave balance from the recorded leave", (context) => {
  let veteran = 0;
  let newcomer = 0;

  beforeAll(async () => {
    const { deps } = context();
    veteran = await addStaff(deps, "71001", ["年休", "古参"]);
    newcomer = await addStaff(deps, "71002", ["年休", "新人"], { startDate: "2026-10-01" });
    // 2025: 15 of 20 days used, so 5 carry into 2026.
    for (let index = 1; index <= 15; index += 1) {
      await recordAnnualLeave(deps, veteran, `2025-06-${String(index).padStart(2, "0")}`);
    }
    await recordAnnualLeave(deps, veteran, "2026-02-02");
    // 13:00–16:00 holds three working hours; 11:00–14:00 holds two around the 12:00–13:00 break.
    await recordAnnualLeave(deps, veteran, "2026-02-03", ["13:00", "16:00"]);
    await recordAnnualLeave(deps, veteran, "2026-02-04", ["11:00", "14:00"]);
  });

  it("carries last year's unused days in and takes this year's days and hours out", async () => {
    const balance = await readAnnualLeaveBalance(context().deps.db, veteran, "2026-03-01");
    expect(balance).toMatchObject({
      carriedMinutes: 5 * day,
      grantedMinutes: 20 * day,
      usedMinutes: day + 5 * 60,
      remainingMinutes: 25 * day - day - 5 * 60,
    });
  });

  it("does not count leave recorded after the day asked about", async () => {
    const balance = await readAnnualLeaveBalance(context().deps.db, veteran, "2026-02-02");
    expect(balance?.usedMinutes).toBe(day);
  });

  it("grants a mid-year hire pro rata from the start date and nothing before it", async () => {
    const { db } = context().deps;
    expect(await readAnnualLeaveBalance(db, newcomer, "2026-09-30")).toBeNull();
    // Hired in October: 20 × 3 / 12 = 5 days (人事院's table).
    expect((await readAnnualLeaveBalance(db, newcomer, "2026-10-01"))?.remainingMinutes).toBe(5 * day);
  });
});
