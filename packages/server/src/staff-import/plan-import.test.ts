import type { Department, Position } from "@tobira/protocol";
import { describe, expect, it } from "vitest";
import type { ExistingStaff, ImportedStaff, RowValidation } from "./import-types";
import { planImport } from "./plan-import";

const somu: Department = {
  id: 1,
  code: "1100",
  name: "総務課",
  kind: "section",
  parentId: null,
  validFrom: "2000-04-01",
  validTo: null,
};
const zaisei: Department = { ...somu, id: 2, code: "1200", name: "財政課" };
const shuji: Position = { id: 6, code: "60", name: "主事", rank: 60, isSectionHead: false };
const kakaricho: Position = { id: 3, code: "30", name: "係長", rank: 30, isSectionHead: false };

const options = { effectiveDate: "2026-04-01", leaversEndDate: null };

function imported(staffNumber: string, overrides: Partial<ImportedStaff> = {}): ImportedStaff {
  return {
    line: 2,
    staffNumber,
    familyName: "山田",
    givenName: "太郎",
    familyNameKana: "ヤマダ",
    givenNameKana: "タロウ",
    employmentType: "regular",
    startDate: "2010-04-01",
    endDate: null,
    email: null,
    phone: "201",
    department: somu,
    position: shuji,
    ...overrides,
  };
}

function stored(
  id: number,
  staffNumber: string,
  overrides: Partial<ExistingStaff["fields"]> = {},
): ExistingStaff {
  return {
    id,
    staffNumber,
    fields: {
      familyName: "山田",
      givenName: "太郎",
      familyNameKana: "ヤマダ",
      givenNameKana: "タロウ",
      employmentType: "regular",
      startDate: "2010-04-01",
      endDate: null,
      email: null,
      phone: "201",
      ...overrides,
    },
    placement: {
      departmentId: somu.id,
      departmentCode: somu.code,
      positionId: shuji.id,
      positionCode: shuji.code,
    },
    latestPlacementFrom: "2010-04-01",
  };
}

function validation(rows: ImportedStaff[], extraNumbers: string[] = []): RowValidation {
  return {
    rows,
    errors: [],
    staffNumbers: new Set([...rows.map((row) => row.staffNumber), ...extraNumbers]),
  };
}

describe("planImport", () => {
  it("adds new staff numbers and counts identical rows as unchanged", () => {
    const plan = planImport(validation([imported("1001"), imported("1002")]), [stored(1, "1001")], options);
    expect(plan.adds.map((row) => row.staffNumber)).toEqual(["1002"]);
    expect(plan.changes).toEqual([]);
    expect(plan.unchangedCount).toBe(1);
  });

  it("lists each changed field from → to", () => {
    const row = imported("1001", { familyName: "佐藤", email: "taro@town.example.jp", phone: null });
    const [change] = planImport(validation([row]), [stored(1, "1001")], options).changes;
    expect(change?.changes).toEqual([
      { field: "familyName", from: "山田", to: "佐藤" },
      { field: "email", from: null, to: "taro@town.example.jp" },
      { field: "phone", from: "201", to: null },
    ]);
    expect(change?.set).toEqual({ familyName: "佐藤", email: "taro@town.example.jp", phone: null });
    expect(change?.transfer).toBeNull();
  });

  it("leaves fields alone when the file has no column for them", () => {
    const row = imported("1001", {
      email: undefined,
      phone: undefined,
      endDate: undefined,
      position: undefined,
    });
    const existing = stored(1, "1001", { email: "old@town.example.jp", endDate: "2030-03-31" });
    expect(planImport(validation([row]), [existing], options).unchangedCount).toBe(1);
  });

  it("turns a new 所属 or 職 into a transfer", () => {
    const moved = imported("1001", { department: zaisei });
    const promoted = imported("1002", { position: kakaricho });
    const plan = planImport(validation([moved, promoted]), [stored(1, "1001"), stored(2, "1002")], options);
    expect(plan.changes.map((change) => [change.changes, change.transfer])).toEqual([
      [[{ field: "departmentCode", from: "1100", to: "1200" }], { departmentId: 2, positionId: 6 }],
      [[{ field: "positionCode", from: "60", to: "30" }], { departmentId: 1, positionId: 3 }],
    ]);
  });

  it("keeps the stored 職 on a move when the file has no position column", () => {
    const [change] = planImport(
      validation([imported("1001", { department: zaisei, position: undefined })]),
      [stored(1, "1001")],
      options,
    ).changes;
    expect(change?.transfer).toEqual({ departmentId: 2, positionId: 6 });
  });

  it("refuses a transfer dated before an assignment already planned", () => {
    const existing = { ...stored(1, "1001"), latestPlacementFrom: "2026-10-01" };
    const row = imported("1001", { department: zaisei, line: 7 });
    const plan = planImport(validation([row]), [existing], options);
    expect(plan.errors).toEqual([
      {
        line: 7,
        field: "departmentCode",
        message: "a transfer on 2026-04-01 would come before the assignment starting 2026-10-01",
      },
    ]);
    expect(plan.changes).toEqual([]);
  });

  it("ends staff absent from the file on the leavers' date, but not those gone, future or named", () => {
    const existing = [
      stored(1, "1001"),
      stored(2, "1002"),
      stored(3, "1003", { endDate: "2025-03-31" }),
      stored(4, "1004", { startDate: "2026-05-01" }),
      stored(5, "1005", { endDate: "2027-03-31" }),
      stored(6, "1006"),
    ];
    const plan = planImport(validation([imported("1001")], ["1006"]), existing, {
      ...options,
      leaversEndDate: "2026-03-31",
    });
    expect(plan.leavers.map((staff) => staff.staffNumber)).toEqual(["1002", "1005"]);
  });

  it("finds no leavers without a leavers' date", () => {
    expect(planImport(validation([]), [stored(1, "1001")], options).leavers).toEqual([]);
  });
});
