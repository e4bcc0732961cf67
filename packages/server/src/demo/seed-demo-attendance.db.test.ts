import { toLocalDate } from "@tobira/core";
import { expect, it } from "vitest";
import { describeEachDatabase } from "../../test/databases";
import { verifyAccessEventChain } from "../access-events/access-event-chain";
import { computeStaffMonths } from "../attendance/compute-staff-months";
import { seedDemoTownIfEmpty } from "./seed-demo-town";

// Tuesday 10 November 2026, noon in Tokyo. 12 October (スポーツの日) and 3 November (文化の日) are 休日.
const now = "2026-11-10T03:00:00Z";
const octoberWorkdays = [1, 2, 5, 6, 7, 8, 9, 13, 14, 15, 16, 19, 20, 21, 22, 23, 26, 27, 28, 29, 30].map(
  (day) => `2026-10-${String(day).padStart(2, "0")}`,
);
const novemberWorkdaysBeforeToday = ["2026-11-02", "2026-11-04", "2026-11-05", "2026-11-06", "2026-11-09"];

const tokyoHour = (instant: string) => (new Date(instant).getUTCHours() + 9) % 24;

describeEachDatabase("the demo town's taps", (context) => {
  it("gives every demo staff member last month's and this month's workdays up to yesterday, once", async () => {
    const { deps } = context();
    deps.clock.set(now);
    await seedDemoTownIfEmpty(deps);
    const staff = await deps.db.selectFrom("staff").select("id").orderBy("id").execute();
    const punches = await deps.db
      .selectFrom("access_event")
      .select(["holder_id", "occurred_at", "punch"])
      .where("kind", "=", "punch")
      .execute();

    const daysOf = (holderId: string, punch: "in" | "out") =>
      punches
        .filter((row) => row.holder_id === holderId && row.punch === punch)
        .map((row) => toLocalDate(row.occurred_at))
        .sort();
    let forgotten = 0;
    for (const { id } of staff) {
      expect({ id, days: daysOf(`staff:${id}`, "in") }).toEqual({
        id,
        days: [...octoberWorkdays, ...novemberWorkdaysBeforeToday],
      });
      forgotten += octoberWorkdays.length + 5 - daysOf(`staff:${id}`, "out").length;
    }
    expect(staff.length).toBeGreaterThanOrEqual(140);
    expect(forgotten).toBe(1);
    const lateOuts = punches.filter((row) => row.punch === "out" && tokyoHour(row.occurred_at) >= 19);
    expect(lateOuts).toHaveLength(2);

    const events = await deps.db
      .selectFrom("access_event")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow();
    expect(await verifyAccessEventChain(deps.db)).toMatchObject({ ok: true, count: Number(events.n) });

    expect(await seedDemoTownIfEmpty(deps)).toBeUndefined();
    const after = await deps.db
      .selectFrom("access_event")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(events.n));
  });

  it("leaves last month one missing 退勤 and two late evenings to resolve, and nothing else", async () => {
    const { deps } = context();
    const staff = await deps.db.selectFrom("staff").select("id").orderBy("id").execute();
    const problems: string[] = [];
    let months = 0;
    await computeStaffMonths(
      deps,
      staff.map((row) => row.id),
      "2026-10",
      (month) => {
        months += 1;
        for (const day of month.days) problems.push(...day.problems.map((problem) => problem.kind));
      },
    );
    expect(months).toBe(staff.length);
    expect(problems.sort()).toEqual([
      "missing_clock_out",
      "overtime_without_order",
      "overtime_without_order",
    ]);
  });
});
