import { beforeAll, expect, it } from "vitest";
import { describeEachDatabase } from "../../test/databases";
import { insertDepartment } from "./department-repository";
import { placeStaff } from "./place-staff";
import { insertStaff, listAssignments } from "./staff-repository";

describeEachDatabase("placing staff over time", (context) => {
  let first = 0;
  let second = 0;
  beforeAll(async () => {
    const { db } = context().deps;
    first = (
      await insertDepartment(db, {
        code: "100",
        name: "総務部",
        kind: "department",
        parentId: null,
        validFrom: "2010-04-01",
        validTo: null,
      })
    ).id;
    second = (
      await insertDepartment(db, {
        code: "200",
        name: "住民福祉部",
        kind: "department",
        parentId: null,
        validFrom: "2010-04-01",
        validTo: null,
      })
    ).id;
  });

  const newStaff = (staffNumber: string) =>
    insertStaff(context().deps.db, {
      staff_number: staffNumber,
      family_name: "三木",
      given_name: "和也",
      family_name_kana: "ミキ",
      given_name_kana: "カズヤ",
      employment_type: "reappointed",
      start_date: "2015-04-01",
      end_date: null,
      email: null,
      phone: null,
      created_at: "2026-04-01T00:00:00Z",
      updated_at: "2026-04-01T00:00:00Z",
    });

  it("ends the current assignment the day before a move", async () => {
    const { db } = context().deps;
    const id = await newStaff("50001");
    await placeStaff(db, id, { departmentId: first, positionId: null, validFrom: "2015-04-01", note: null });
    await placeStaff(db, id, { departmentId: second, positionId: null, validFrom: "2020-04-01", note: null });
    const history = await listAssignments(db, id);
    expect(history.map((a) => [a.departmentName, a.validFrom, a.validTo])).toEqual([
      ["住民福祉部", "2020-04-01", null],
      ["総務部", "2015-04-01", "2020-03-31"],
    ]);
  });

  it("keeps the end date of an assignment that ended before a re-appointment", async () => {
    const { db } = context().deps;
    const id = await newStaff("50002");
    await placeStaff(db, id, { departmentId: first, positionId: null, validFrom: "2015-04-01", note: null });
    await db
      .updateTable("staff_assignment")
      .set({ valid_to: "2024-03-31" })
      .where("staff_id", "=", id)
      .execute();
    await placeStaff(db, id, {
      departmentId: second,
      positionId: null,
      validFrom: "2026-04-01",
      note: "再任用",
    });
    const history = await listAssignments(db, id);
    expect(history.map((a) => [a.departmentName, a.validFrom, a.validTo])).toEqual([
      ["住民福祉部", "2026-04-01", null],
      ["総務部", "2015-04-01", "2024-03-31"],
    ]);
  });
});
